"""One simulation for many households, built from arrays (never ``build_from_entities`` per household).

Each *row* is one household: a copy of an application (its *template*), possibly with some inputs
overridden (the variants that vary missing inputs). Entities, ids, membership and roles are declared
with ``SimulationBuilder.create_entities / declare_person_entity / declare_entity /
join_with_persons``; inputs go in with ``set_input``, one array per variable.
"""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import itemgetter

import numpy
from openfisca_core import periods
from openfisca_core.holders.helpers import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum, EnumArray
from openfisca_core.simulations import SimulationBuilder

from openfisca_ajk.service.constants import FORMULA_INPUTS


_MISSING = object()


@dataclass(frozen=True)
class Layout:
    """Where each row's persons are: persons of row r are first_person[r] ... first_person[r] + size[r] - 1."""
    first_person: numpy.ndarray
    size: numpy.ndarray


@dataclass(frozen=True)
class Override:
    rows: numpy.ndarray        # global row indices
    person: int | None         # person index within the household, None for a household input
    variable: str
    values: list               # one value per row


@lru_cache(maxsize=4096)
def _encoder(variable):
    """``(encode, default, dtype)`` of a variable (cached per variable object; a reform's variables are
    other objects)."""
    kind = variable.value_type
    if kind is Enum:
        index = {item.name: i for i, item in enumerate(variable.possible_values)}
        default = index[variable.default_value.name]
        return (lambda value: index[value]), default, numpy.int16
    if kind is date:
        return numpy.datetime64, numpy.datetime64(variable.default_value), "datetime64[D]"
    if kind is bool:
        return bool, bool(variable.default_value), bool
    if kind is int:
        return int, int(variable.default_value), numpy.int32
    if kind is float:
        return float, float(variable.default_value), numpy.float32
    return str, variable.default_value, object


def _period_of(variable, month):
    unit = variable.definition_period
    return {"month": month, "year": month[:4], "eternity": "ETERNITY"}[str(unit)]


@lru_cache(maxsize=1024)
def _period_object(text):
    """The OpenFisca period of a period string, parsed once (periods are immutable)."""
    return periods.period(text)


def _columns(holders):
    """``{name: (positions, raw values)}`` over a list of input dicts, column by column: the holders are
    grouped by their keys (those of a batch mostly give the same fields), and each group's values are
    read with one ``itemgetter`` per holder and transposed with ``zip`` (the cost follows what is given,
    not holders x names). A column's positions are unique, in no particular order."""
    groups = {}
    for position, inputs in enumerate(holders):
        keys = tuple(inputs)
        group = groups.get(keys)
        if group is None:
            group = groups[keys] = ([], [])
        group[0].append(position)
        group[1].append(inputs)
    columns = {}
    for keys, (positions, dicts) in groups.items():
        if not keys:
            continue
        if len(keys) == 1:
            (key,) = keys
            transposed = ([inputs[key] for inputs in dicts],)
        else:
            transposed = zip(*map(itemgetter(*keys), dicts))
        for name, values in zip(keys, transposed):
            column = columns.get(name)
            if column is None:
                column = columns[name] = ([], [])
            column[0].extend(positions)
            column[1].extend(values)
    return columns


def _collect(templates):
    """Person and household input columns of the templates, and the number of template persons."""
    person_inputs = [person.inputs for template in templates for person in template.persons]
    household_inputs = [template.household_inputs for template in templates]
    return _columns(person_inputs), _columns(household_inputs), len(person_inputs)


def _table(length, column, encode, default, dtype):
    table = numpy.full(length, default, dtype=dtype)
    given = numpy.zeros(length, dtype=bool)
    if column:
        positions, raw = column
        direct = encode in (bool, float, int, numpy.datetime64)     # numpy converts these (dates too) itself
        table[positions] = numpy.array(raw if direct else list(map(encode, raw)), dtype=dtype)
        given[positions] = True
    return table, given


def build(system, month, templates, row_template, overrides=()):
    """Return ``(simulation, layout)`` for rows ``row_template`` (template index per row)."""
    row_template = numpy.asarray(row_template, dtype=numpy.int64)
    sizes = numpy.array([len(t.persons) for t in templates], dtype=numpy.int64)
    row_size = sizes[row_template]
    rows, persons = len(row_template), int(row_size.sum())
    first_person = numpy.cumsum(row_size) - row_size
    person_row = numpy.repeat(numpy.arange(rows), row_size)
    local = numpy.arange(persons) - first_person[person_row]
    template_first = numpy.cumsum(sizes) - sizes
    source = template_first[row_template][person_row] + local

    household_entity = system.group_entities[0]
    role_index = {role.key: i for i, role in enumerate(household_entity.flattened_roles)}
    template_roles = numpy.array([role_index[p.role] for t in templates for p in t.persons], dtype=numpy.int64)
    builder = SimulationBuilder()
    builder.create_entities(system)
    builder.declare_person_entity(system.person_entity.key, numpy.arange(persons))
    population = builder.declare_entity(household_entity.key, numpy.arange(rows))
    builder.join_with_persons(population, person_row, template_roles[source])
    simulation = builder.build(system)

    person_key = system.person_entity.key
    person_columns, household_columns, template_persons = _collect(templates)
    names = set(person_columns) | set(household_columns) | {o.variable for o in overrides}
    arrays, masks = {}, {}
    for name in sorted(names):
        variable = system.variables[name]
        encode, default, dtype = _encoder(variable)
        person_level = variable.entity.key == person_key
        columns = person_columns if person_level else household_columns
        length = template_persons if person_level else len(templates)
        table, given = _table(length, columns.get(name), encode, default, dtype)
        index = source if person_level else row_template
        arrays[name], masks[name] = table[index], given[index]
    for override in overrides:
        variable = system.variables[override.variable]
        encode, _, dtype = _encoder(variable)
        positions = override.rows if override.person is None else first_person[override.rows] + override.person
        arrays[override.variable][positions] = numpy.array([encode(v) for v in override.values], dtype=dtype)
        masks[override.variable][positions] = True
    formula_inputs = [n for n in sorted(names) if n in FORMULA_INPUTS and system.variables[n].formulas]
    for name in sorted(names):
        if name not in formula_inputs:
            _set(simulation, system.variables[name], month, arrays[name])
    for name in formula_inputs:
        variable = system.variables[name]
        if not masks[name].all():
            computed = simulation.calculate(name, _period_object(_period_of(variable, month)))
            arrays[name] = numpy.where(masks[name], arrays[name], computed)
            simulation.get_holder(name).delete_arrays()
        _set(simulation, variable, month, arrays[name])
    return simulation, Layout(first_person, row_size)


def _set(simulation, variable, month, array):
    if variable.value_type is Enum:
        array = EnumArray(array.astype(numpy.int16), variable.possible_values)
    period = _period_object(_period_of(variable, month))
    if _direct(variable) and period.size == 1 and period.unit == variable.definition_period:
        holder = simulation.get_holder(variable.name)
        if holder.get_array(period) is None:
            # What ``set_input`` comes to for one period of the variable's own unit when the holder has
            # no value for it (``set_input_dispatch_by_period`` loops over that single sub-period and
            # stores the array), without its period arithmetic.
            holder._set(period, array)
            return
    simulation.set_input(variable.name, period, array)


def _direct(variable):
    """Whether ``set_input`` of ``variable`` for one period of its own unit only stores the array."""
    return (variable.set_input in (None, set_input_dispatch_by_period) and variable.end is None
            and not variable.is_neutralized and str(variable.definition_period) in ("month", "year"))
