"""Missing deciding inputs: which are missing, the values to try, and the rows that try them.

A *slot* is one missing input of one entity (``persons[1].has_cnic`` or ``household.pmt_score``).
Its values are representative: both booleans, every value of an enumeration, for a number the
values around each threshold of the scheme's parameters in the same unit and the unit's extremes,
for a missing age a date of birth on each side of every age threshold.

A *design* is a matrix of value indices, one row per variant household and one column per slot
(``-1`` keeps the application's own, baseline, value). If the full factorial of all slots has at
most FACTORIAL_BUDGET rows it is used and the answer is exact. Otherwise the design holds, for each
condition of the scheme, the full factorial of the slots that condition depends on (when small
enough), and a covering sample: every slot alone, every person's slots together, uniform rows and
seeded random rows. The seed derives from the slots, so the same application gives the same rows.
"""

import zlib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_ajk.service.constants import (
    AGE_OF_MAJORITY, AGE_POINTS, CHILD_AGE, AGE_MAX, DERIVED_FROM, FACTORIAL_BUDGET, NOT_ASKED, PERSON_FACTORIAL_BUDGET, SAMPLE_ROWS,
)
from openfisca_ajk.service.references import get_parameter
from openfisca_ajk.service.values import bounds

#: Dates tried for a missing date other than a birth date, in months before the application's month.
DATE_OFFSETS_MONTHS = (-12, 0, 1, 12, 60, 120, 240, 480)


@dataclass(frozen=True)
class Slot:
    person: int | None         # index of the person, None for the household
    variable: str
    field: str
    values: tuple


def _shift_months(day, months):
    total = day.year * 12 + (day.month - 1) - months
    return date(total // 12, total % 12 + 1, 1)


def _thresholds(system, analysis, unit, instant):
    found = []
    for name, _ in analysis.parameters:
        try:
            parameter = get_parameter(system, name)
        except KeyError:
            continue
        metadata = getattr(parameter, "metadata", {}) or {}
        if metadata.get("unit") != unit:
            continue
        value = parameter(instant)
        if isinstance(value, int | float | numpy.number) and not isinstance(value, bool | numpy.bool_):
            found.append(float(value))
    return sorted(set(found))


def _number_values(system, variable, analysis, instant):
    low, high = bounds(variable)
    values = {low, high, float(variable.default_value)}
    for threshold in _thresholds(system, analysis, getattr(variable, "unit", None), instant):
        step = 1.0 if variable.value_type is int else max(abs(threshold), 1.0) * 1e-4
        values.update((threshold - step, threshold, threshold + step))
    values = sorted(v for v in values if low <= v <= high)
    return tuple(int(v) if variable.value_type is int else v for v in values)


def _birth_values(system, analysis, month_start, age):
    if age is not None:
        first = _shift_months(month_start, age * 12)
        return (first, _shift_months(month_start, age * 12 + 6), _shift_months(month_start, age * 12 + 11))
    months = {point * 12 for point in AGE_POINTS}
    for threshold in _thresholds(system, analysis, "year", month_start):
        months.update(int(round(threshold + delta)) * 12 for delta in (-1, 0, 1))
    for threshold in _thresholds(system, analysis, "month", month_start):
        months.update(int(round(threshold + delta)) for delta in (-1, 0, 1))
    return tuple(_shift_months(month_start, m) for m in sorted(m for m in months if 0 <= m <= AGE_MAX * 12))


def slot_values(system, variable, analysis, month_start, person_inputs=None):
    """The representative values tried for a missing ``variable``."""
    if variable.value_type is bool:
        return (False, True)
    if variable.value_type is Enum:
        return tuple(item.name for item in variable.possible_values)
    if variable.value_type is date and variable.name == "date_of_birth":
        return _birth_values(system, analysis, month_start, (person_inputs or {}).get("age"))
    if variable.value_type is date:
        return tuple(sorted({_shift_months(month_start, m) for m in DATE_OFFSETS_MONTHS} | {variable.default_value}))
    if variable.value_type in (int, float):
        return _number_values(system, variable, analysis, month_start)
    return ()


def person_facts(person, month_start):
    """What the application says of a person that settles inputs (``NOT_ASKED``): the set of
    ``"male"``, ``"minor"`` and ``"young_child"`` that hold (an unknown sex or age settles nothing)."""
    facts = set()
    if person.inputs.get("sex") == "male":
        facts.add("male")
    age = person.inputs.get("age")
    birth = person.inputs.get("date_of_birth")
    if birth is not None:
        age = (month_start.year - birth.year) - ((month_start.month, month_start.day) < (birth.month, birth.day))
    if age is not None and age < AGE_OF_MAJORITY:
        facts.add("minor")
    if age is not None and age < CHILD_AGE:
        facts.add("young_child")
    return frozenset(facts)


def missing_slots(system, application, analysis, month_start, cache):
    """The slots of a scheme for an application: its deciding inputs the application leaves out, but for
    those the application settles (``NOT_ASKED``: no pregnancy for a man, no public post for a child)."""
    slots = []
    for name, variable, person_level in _deciding(system, analysis, cache):
        if not person_level:
            if name not in application.household_inputs and name in analysis.inputs:
                values = _cached_values(cache, system, variable, analysis, month_start)
                slots.append(Slot(None, name, f"{application.household_field}.{name}", values))
            continue
        for index, person in enumerate(application.persons):
            if name in person.inputs or (name in DERIVED_FROM and DERIVED_FROM[name] in person.inputs):
                continue
            target = DERIVED_FROM.get(name, name)
            if target not in analysis.inputs:
                continue
            if target in NOT_ASKED and not person_facts(person, month_start).isdisjoint(NOT_ASKED[target]):
                continue
            target_variable = system.variables[target]
            if target_variable.value_type is date:
                values = slot_values(system, target_variable, analysis, month_start, person.inputs)
            else:
                values = _cached_values(cache, system, target_variable, analysis, month_start)
            slots.append(Slot(index, target, f"{person.field}.{target}", values))
    unique = {}
    for slot in slots:
        unique.setdefault((slot.person, slot.variable), slot)
    return [slot for slot in unique.values() if len(slot.values) > 1]


def _deciding(system, analysis, cache):
    key = ("deciding", analysis.scheme.name)
    if key not in cache:
        person_key = system.person_entity.key
        cache[key] = [(name, system.variables[name], system.variables[name].entity.key == person_key)
                      for name in analysis.scheme.deciding_inputs if name in system.variables]
    return cache[key]


def _cached_values(cache, system, variable, analysis, month_start):
    key = (analysis.scheme.name, variable.name)
    if key not in cache:
        cache[key] = slot_values(system, variable, analysis, month_start)
    return cache[key]


@lru_cache(maxsize=4096)
def factorial(sizes):
    """Every combination of value indices, as an int matrix (rows × slots)."""
    if not sizes:
        return numpy.zeros((1, 0), dtype=numpy.int32)
    grids = numpy.indices(sizes, dtype=numpy.int32).reshape(len(sizes), -1)
    return numpy.ascontiguousarray(grids.T)


def _rows_for(sizes, columns, total_slots):
    """The factorial over ``columns`` (other slots at -1)."""
    sub = factorial(tuple(sizes[c] for c in columns))
    matrix = numpy.full((len(sub), total_slots), -1, dtype=numpy.int32)
    matrix[:, list(columns)] = sub
    return matrix


@lru_cache(maxsize=1024)
def sample(sizes, owners):
    """The covering sample for slots of the given sizes; ``owners`` names each slot's person."""
    count = len(sizes)
    blocks = []
    for column, size in enumerate(sizes):
        rows = numpy.full((size, count), -1, dtype=numpy.int32)
        rows[:, column] = numpy.arange(size)
        blocks.append(rows)
    for owner in sorted(set(owners), key=str):
        columns = [c for c in range(count) if owners[c] == owner]
        if numpy.prod([sizes[c] for c in columns], dtype=numpy.int64) <= PERSON_FACTORIAL_BUDGET:
            blocks.append(_rows_for(sizes, columns, count))
    largest = max(sizes)
    blocks.append(numpy.array([[k % size for size in sizes] for k in range(largest)], dtype=numpy.int32))
    seed = zlib.crc32(repr((sizes, owners)).encode("ascii"))
    generator = numpy.random.default_rng(seed)
    blocks.append((generator.random((SAMPLE_ROWS, count)) * numpy.array(sizes)).astype(numpy.int32))
    return numpy.concatenate(blocks)


@dataclass(frozen=True)
class Design:
    slots: tuple
    matrix: numpy.ndarray           # rows × slots, -1 = baseline value
    exhaustive: bool
    condition_blocks: tuple         # (condition variable, row slice start, stop, columns)


NO_VARIATION = Design((), numpy.zeros((0, 0), dtype=numpy.int32), True, ())


def design(slots, analysis):
    """The rows that vary ``slots`` for a scheme (see the module docstring)."""
    if not slots:
        return NO_VARIATION
    sizes = tuple(len(slot.values) for slot in slots)
    total = numpy.prod(sizes, dtype=numpy.float64)
    if total <= FACTORIAL_BUDGET:
        return Design(tuple(slots), factorial(sizes), True, ())
    blocks, condition_blocks, start = [], [], 0
    top_level = {condition.variable for condition in analysis.scheme.conditions}
    for condition, inputs in sorted(analysis.condition_inputs.items()):
        if condition not in top_level:
            continue
        columns = tuple(c for c, slot in enumerate(slots) if slot.variable in inputs)
        if columns and numpy.prod([sizes[c] for c in columns], dtype=numpy.float64) <= FACTORIAL_BUDGET:
            rows = _rows_for(sizes, columns, len(slots))
            blocks.append(rows)
            condition_blocks.append((condition, start, start + len(rows), columns))
            start += len(rows)
    owners = tuple(slot.person for slot in slots)
    blocks.append(sample(sizes, owners))
    return Design(tuple(slots), numpy.concatenate(blocks), False, tuple(condition_blocks))


def varied_axes(outcomes, sizes):
    """Indices of the factorial's axes along which ``outcomes`` (one per row) changes."""
    grid = outcomes.reshape(tuple(sizes) + outcomes.shape[1:])
    return [axis for axis in range(len(sizes)) if numpy.any(numpy.diff(grid, axis=axis) != 0)]


__all__ = ["Design", "Slot", "design", "factorial", "missing_slots", "slot_values", "varied_axes"]
