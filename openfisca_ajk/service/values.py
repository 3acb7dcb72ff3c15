"""Checking one input value against its variable: type, allowed values, range."""

import math
from datetime import date

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit

from openfisca_ajk.service.constants import AGE_MAX, DEFAULT_BOUNDS, FORMULA_INPUTS, UNIT_BOUNDS
from openfisca_ajk.service.errors import problem

INPUT_PERIODS = (DateUnit.MONTH, DateUnit.YEAR, DateUnit.ETERNITY)


_INPUTS = {}


def input_variables(system, entity_key):
    """Names of the variables of ``entity_key`` an application may give: inputs and FORMULA_INPUTS."""
    key = (id(system), entity_key)
    if key not in _INPUTS:
        _INPUTS[key] = frozenset(_input_variables(system, entity_key))
    return _INPUTS[key]


def _input_variables(system, entity_key):
    return {
        name for name, variable in system.variables.items()
        if variable.entity.key == entity_key and variable.definition_period in INPUT_PERIODS
        and (not variable.formulas or name in FORMULA_INPUTS)
    }


_PARSERS = {}


def input_parsers(system, entity_key):
    """``{input name: fast parser}`` for the inputs of ``entity_key`` (see ``fast_parser``)."""
    key = (id(system), entity_key)
    found = _PARSERS.get(key)
    if found is None or found[0] is not system:
        variables = system.variables
        found = _PARSERS[key] = (system, {name: fast_parser(variables[name])
                                          for name in input_variables(system, entity_key)})
    return found[1]


_ENUM_NAMES = {}


def _enum_names(variable):
    names = _ENUM_NAMES.get(id(variable.possible_values))
    if names is None:
        names = _ENUM_NAMES[id(variable.possible_values)] = {item.name: None for item in variable.possible_values}
    return names


_FAST = {}


def fast_parser(variable):
    """A parser for the common, valid case: returns the typed value, or None to ask ``parse_value``.

    Accepts only what ``parse_value`` accepts and returns the same value (an enumeration name, a
    number within bounds); anything else — and every date — goes to ``parse_value``, which names the
    problem.
    """
    found = _FAST.get(id(variable))
    if found is None or found[0] is not variable:
        found = _FAST[id(variable)] = (variable, _make_fast_parser(variable))
    return found[1]


def _make_fast_parser(variable):
    kind = variable.value_type
    if kind is bool:
        return lambda raw: raw if raw is True or raw is False else None
    if kind is Enum:
        names = _enum_names(variable)
        return lambda raw: raw if raw.__class__ is str and raw in names else None
    if kind is float:
        low, high = bounds(variable)
        return lambda raw: float(raw) if raw.__class__ in (int, float) and low <= raw <= high else None
    if kind is int:
        low, high = bounds(variable)
        return lambda raw: raw if raw.__class__ is int and low <= raw <= high else None
    return lambda raw: None


def bounds(variable):
    if variable.name == "age":
        return 0, AGE_MAX
    return UNIT_BOUNDS.get(getattr(variable, "unit", None), DEFAULT_BOUNDS)


def parse_value(variable, raw, field, month_end):
    """The typed value of ``raw`` for ``variable``, or a problem dict.

    Booleans are JSON booleans; enumerations are the value's name (``"female"``); dates are
    ``YYYY-MM-DD`` strings (a date of birth not after the month and at most AGE_MAX years before it;
    another date within AGE_MAX years of the month, or the variable's default, e.g. 2999-12-31 for
    "never"); numbers are finite and within the unit's bounds.
    """
    kind = variable.value_type
    if kind is bool:
        if isinstance(raw, bool):
            return raw
        return problem("wrong_type", field, f"expected true or false, got {_describe(raw)}")
    if kind is Enum:
        names = _enum_names(variable)
        if isinstance(raw, str) and raw in names:
            return raw
        return problem("invalid_value", field, f"expected one of {list(names)}, got {_describe(raw)}")
    if kind is date:
        return _parse_date(raw, field, month_end, variable.default_value)
    if kind in (int, float):
        return _parse_number(variable, raw, field, kind)
    if kind is str and isinstance(raw, str) and len(raw) <= 200:
        return raw
    return problem("wrong_type", field, f"unsupported value {_describe(raw)}")


def _parse_number(variable, raw, field, kind):
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return problem("wrong_type", field, f"expected a number, got {_describe(raw)}")
    try:
        finite = math.isfinite(raw)
    except OverflowError:  # an integer too large for a float
        finite = False
    if not finite:
        return problem("out_of_range", field, "expected a finite number")
    if kind is int and float(raw) != int(raw):
        return problem("wrong_type", field, f"expected a whole number, got {raw!r}")
    low, high = bounds(variable)
    if not low <= raw <= high:
        return problem("out_of_range", field, f"{raw!r} is outside [{low:g}, {high:g}]")
    return int(raw) if kind is int else float(raw)


def _parse_date(raw, field, month_end, default):
    if not isinstance(raw, str) or len(raw) != 10:
        return problem("wrong_type", field, f"expected a date YYYY-MM-DD, got {_describe(raw)}")
    try:
        value = date.fromisoformat(raw)
    except ValueError:
        return problem("invalid_value", field, f"{raw!r} is not a date YYYY-MM-DD")
    if field.endswith(".date_of_birth"):
        if value > month_end:
            return problem("out_of_range", field, f"{raw} is after the application's month")
        if month_end.year - value.year > AGE_MAX:
            return problem("out_of_range", field, f"{raw} gives an age above {AGE_MAX}")
    elif value != default and abs(month_end.year - value.year) > AGE_MAX:
        return problem("out_of_range", field, f"{raw} is more than {AGE_MAX} years from the application's month")
    return value


def _describe(raw):
    text = repr(raw)
    return f"{type(raw).__name__} {text[:40]}"
