"""The input of the standard Web API's ``/calculate`` and ``/trace``, checked before OpenFisca reads it.

A situation (``{"persons": {...}, "households": {...}, "axes": [...]}``) passes the same value checks
as an application of ``/evaluate`` (``values.parse_value``: JSON booleans, enumeration names, finite
numbers within the unit's bounds, strict ``YYYY-MM-DD`` dates) and these:

- every key of an entity instance is a role of the entity (a list of known person ids) or a variable
  of that entity, whose value is an object ``{period: value}``;
- a period is a valid OpenFisca period of one unit of the variable's own definition period (a month
  for a monthly variable), or a year for a monthly input that OpenFisca spreads over the year; a
  value asked for (``null``) falls between DATE_MIN and DATE_MAX, a given one from INPUT_YEAR_MIN;
- the situation is small enough (constants ``MAX_SITUATION_PERSONS``, ``MAX_EXPANDED_PERSONS``,
  ``MAX_COMPUTATIONS``, ``MAX_AXIS_COUNT``) that OpenFisca's situation builder, quadratic in the
  persons, stays fast;
- ``axes`` is a list of lists of ``{"name", "min", "max", "count", "period", "index"?}`` on a
  numeric variable, within its bounds.

``check_situation`` raises ``ApplicationError`` naming every field at fault (paths such as
``persons.Ali.has_cnic.2025-03``); an unknown variable is ``unknown_variable`` (HTTP 404).
"""

import math
from datetime import date

from openfisca_core import periods
from openfisca_core.indexed_enums import Enum

from openfisca_ajk.service.application import month_end
from openfisca_ajk.service.constants import (
    DATE_MAX, DATE_MIN, INPUT_YEAR_MIN, MAX_AXIS_COUNT, MAX_COMPUTATIONS, MAX_EXPANDED_PERSONS, MAX_ID_LENGTH,
    MAX_SITUATION_PERSONS,
)
from openfisca_ajk.service.errors import ApplicationError, problem
from openfisca_ajk.service.values import bounds, parse_value

AXIS_KEYS = {"name", "min", "max", "count", "index", "period"}
_SPREADING = ("set_input_divide_by_period", "set_input_dispatch_by_period")
_YEAR_MIN, _YEAR_MAX = int(DATE_MIN[:4]), int(DATE_MAX[:4])


def _key(value):
    return str(value)[:MAX_ID_LENGTH]


def _period(system, variable, key, value, field, problems):
    """The period of ``key`` for ``variable``, or None after adding a problem."""
    try:
        period = periods.period(key)
    except (ValueError, TypeError, AttributeError, OverflowError):
        problems.append(problem("invalid_period", field, "is not a period (YYYY-MM, YYYY or ETERNITY)"))
        return None
    unit = variable.definition_period
    if str(unit) == "eternity":
        return period
    if str(period.unit) == "eternity":
        problems.append(problem("invalid_period", field, f"{variable.name} is defined per {unit}, not for ETERNITY"))
        return None
    year = period.start.year
    if value is None:
        if not _YEAR_MIN <= year <= _YEAR_MAX or not DATE_MIN <= str(period.start)[:7] <= DATE_MAX:
            problems.append(problem("date_out_of_range", field,
                                    f"{key} is outside the service's range {DATE_MIN} to {DATE_MAX}"))
            return None
        if period.unit != unit or period.size != 1:
            problems.append(problem("invalid_period", field,
                                    f"{variable.name} is computed per {unit}: ask for one {unit} (e.g. "
                                    f"{'2025-03' if str(unit) == 'month' else '2025'}), not {key}"))
            return None
        return period
    if not INPUT_YEAR_MIN <= year <= _YEAR_MAX:
        problems.append(problem("date_out_of_range", field, f"{key} is outside the years {INPUT_YEAR_MIN} to {_YEAR_MAX}"))
        return None
    if period.unit == unit and period.size == 1:
        return period
    spreads = getattr(getattr(variable, "set_input", None), "__name__", "") in _SPREADING
    if spreads and str(unit) == "month" and str(period.unit) == "year" and period.size == 1:
        return period
    problems.append(problem("invalid_period", field, f"{variable.name} is given per {unit}, not for {key}"))
    return None


def _value(variable, raw, period, field, problems):
    kind = variable.value_type
    end = month_end("2025-03") if period is None or str(period.unit) == "eternity" else \
        month_end(f"{period.stop.year:04d}-{period.stop.month:02d}")
    if kind is date:
        if not isinstance(raw, str) or len(raw) != 10:
            problems.append(problem("wrong_type", field, f"expected a date YYYY-MM-DD, got {type(raw).__name__}"))
            return
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            problems.append(problem("invalid_value", field, f"{raw!r} is not a date YYYY-MM-DD"))
            return
        if not (INPUT_YEAR_MIN <= day.year <= 2999):
            problems.append(problem("out_of_range", field, f"{raw} is outside the years {INPUT_YEAR_MIN} to 2999"))
        return
    if kind in (int, float) and period is not None and str(variable.definition_period) == "month" \
            and str(period.unit) == "year" and isinstance(raw, int | float) and not isinstance(raw, bool):
        low, high = bounds(variable)
        if isinstance(raw, float) and not math.isfinite(raw):
            problems.append(problem("out_of_range", field, "expected a finite number"))
        elif not low * 12 <= raw <= high * 12:
            problems.append(problem("out_of_range", field, f"{raw!r} is outside [{low * 12:g}, {high * 12:g}] for a year"))
        return
    parsed = parse_value(variable, raw, field, end)
    if isinstance(parsed, dict):
        problems.append(parsed)
    elif kind is Enum and not isinstance(raw, str):
        problems.append(problem("invalid_value", field, "expected the name of a value"))


def _instance(system, entity, instance_id, instance, persons, memberships, problems, counts):
    where = f"{entity.plural}.{_key(instance_id)}"
    if not isinstance(instance, dict):
        problems.append(problem("wrong_type", where, "expected an object"))
        return
    roles = {} if entity.is_person else {role.plural or role.key: role for role in entity.roles}
    for key, value in instance.items():
        field = f"{where}.{_key(key)}"
        if key in roles:
            role = roles[key]
            if not isinstance(value, list) or not all(isinstance(member, str) for member in value):
                problems.append(problem("wrong_type", field, "expected a list of person ids"))
                continue
            if role.max is not None and len(value) > role.max:
                problems.append(problem("too_many", field, f"at most {role.max} {role.plural or role.key}"))
            for member in value:
                if member not in persons:
                    problems.append(problem("unknown_person", field, f"{member[:MAX_ID_LENGTH]!r} is not in {system.person_entity.plural}"))
                elif member in memberships.setdefault(entity.key, {}):
                    problems.append(problem("duplicate", field, f"{member[:MAX_ID_LENGTH]!r} is already in "
                                                                f"{entity.plural}.{_key(memberships[entity.key][member])}"))
                else:
                    memberships[entity.key][member] = instance_id
            continue
        variable = system.variables.get(key) if isinstance(key, str) else None
        if variable is None:
            problems.append(problem("unknown_variable", field, f"{_key(key)!r} is not a variable of this package (GET /variables)"))
            continue
        if variable.entity.key != entity.key:
            problems.append(problem("wrong_entity", field, f"{key} is a variable of {variable.entity.plural}, not of {entity.plural}"))
            continue
        if not isinstance(value, dict):
            problems.append(problem("wrong_type", field, "expected an object {period: value}, e.g. {\"2025-03\": ...}"))
            continue
        for period_key, item in value.items():
            period_field = f"{field}.{_key(period_key)}"
            period = _period(system, variable, period_key, item, period_field, problems)
            if item is None:
                counts["computations"] += 1
            elif period is not None:
                _value(variable, item, period, period_field, problems)


def _axes(system, raw, counts_by_plural, problems):
    """The number of points the axes multiply the situation by (1 without axes)."""
    if raw is None:
        return 1
    if not isinstance(raw, list) or not all(isinstance(group, list) and group for group in raw):
        problems.append(problem("wrong_type", "axes", "expected a list of lists of axes"))
        return 1
    factor = 1
    for g, group in enumerate(raw):
        counts = set()
        for a, axis in enumerate(group):
            field = f"axes[{g}][{a}]"
            if not isinstance(axis, dict):
                problems.append(problem("wrong_type", field, "expected an object {name, min, max, count}"))
                continue
            for key in sorted(set(axis) - AXIS_KEYS, key=str):
                problems.append(problem("unknown_field", f"{field}.{_key(key)}", f"an axis has only {sorted(AXIS_KEYS)}"))
            name = axis.get("name")
            variable = system.variables.get(name) if isinstance(name, str) else None
            if variable is None:
                problems.append(problem("unknown_variable", f"{field}.name", "expected the name of a variable"))
                continue
            if variable.value_type not in (int, float):
                problems.append(problem("wrong_type", f"{field}.name", f"{name} is not a number; axes vary numbers"))
                continue
            count = axis.get("count")
            if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_AXIS_COUNT:
                problems.append(problem("out_of_range", f"{field}.count", f"expected a whole number from 1 to {MAX_AXIS_COUNT}"))
            else:
                counts.add(count)
            for end in ("min", "max"):
                _value(variable, axis.get(end), None, f"{field}.{end}", problems)
            index = axis.get("index", 0)
            instances = counts_by_plural.get(variable.entity.plural, 0)
            if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < max(instances, 1):
                problems.append(problem("out_of_range", f"{field}.index", f"expected a whole number from 0 to {max(instances - 1, 0)}"))
            if "period" not in axis:
                problems.append(problem("missing_field", f"{field}.period", "an axis needs the period its values are for"))
            else:
                _period(system, variable, axis["period"], 0, f"{field}.period", problems)
        if len(counts) > 1:
            problems.append(problem("inconsistent", f"axes[{g}]", "parallel axes must have the same count"))
        factor *= max(counts) if counts else 1
    return factor


def check_situation(system, raw, axes=True):
    """Check a ``/calculate`` or ``/trace`` situation; raise ``ApplicationError`` naming the fields at fault.

    ``axes=False`` refuses ``axes`` (OpenFisca's ``/calculate`` answers per named entity, which the
    axes' expansion renames; ``/trace`` gives every point of the axes)."""
    if not isinstance(raw, dict):
        raise ApplicationError.single("wrong_type", None, "a situation is a JSON object")
    by_plural = {entity.plural: entity for entity in system.entities}
    problems = [problem("unknown_field", _key(key), f"is not an entity ({', '.join(sorted(by_plural))}) or axes")
                for key in raw if key not in by_plural and key != "axes"]
    person_plural = system.person_entity.plural
    persons = raw.get(person_plural)
    if not isinstance(persons, dict) or not persons:
        raise ApplicationError([*problems, problem("wrong_type", person_plural, "expected a non-empty object of persons keyed by id")])
    counts_by_plural = {}
    for plural in by_plural:
        instances = raw.get(plural)
        if instances is None:
            continue
        if not isinstance(instances, dict):
            problems.append(problem("wrong_type", plural, "expected an object keyed by id"))
            continue
        counts_by_plural[plural] = len(instances)
        if len(instances) > MAX_SITUATION_PERSONS:
            raise ApplicationError.single("too_costly", plural,
                                          f"{len(instances):,} {plural}; the limit is {MAX_SITUATION_PERSONS:,} a request")
    memberships, counts = {}, {"computations": 0}
    for plural, entity in by_plural.items():
        instances = raw.get(plural)
        if not isinstance(instances, dict):
            continue
        for instance_id, instance in instances.items():
            _instance(system, entity, instance_id, instance, persons, memberships, problems, counts)
    if not axes and raw.get("axes") is not None:
        problems.append(problem("unsupported", "axes", "/calculate does not take axes; send them to /trace, "
                                                       "which gives the value at every point"))
    factor = _axes(system, raw.get("axes"), counts_by_plural, problems)
    if not problems:
        expanded = len(persons) * factor
        if expanded > MAX_EXPANDED_PERSONS:
            problems.append(problem("too_costly", "axes", f"the axes make {expanded:,} persons; the limit is {MAX_EXPANDED_PERSONS:,}"))
        if counts["computations"] > MAX_COMPUTATIONS:
            problems.append(problem("too_costly", None, f"{counts['computations']:,} values asked for; the limit is {MAX_COMPUTATIONS:,}"))
    if problems:
        problems.sort(key=lambda item: item["code"] != "unknown_variable")
        raise ApplicationError(problems)
