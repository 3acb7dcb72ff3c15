"""Column-wise intake of a batch: whole fields checked at once with numpy.

``intake`` gives, for a list of raw applications, what ``load_application`` gives one at a time (the
same ``Application`` objects, the same errors), faster for many households:

1. a structural pass per application (a dict of known top-level fields, the batch's month and
   reform, ids, roles, a list of person dicts) that gathers every given value into a column per
   field (``household.pmt_score``, ``persons[*].has_cnic``...);
2. each column is checked at once by the variable's type: booleans and enumeration names by set
   membership, numbers as one numpy array (finite, within the unit's bounds), dates parsed by numpy
   and accepted only in the strict ``YYYY-MM-DD`` form within the service's range (an odd column is
   checked value by value with the per-field parsers);
3. an application with any problem — or anything the columns do not cover (an OpenFisca situation,
   an age given with a date of birth) — goes through ``load_application`` itself, so its error
   messages are exactly the per-household ones. The others become ``Application`` objects equal to
   those ``parse_flat`` builds.
"""

import re
from datetime import date
from operator import itemgetter

import numpy
from openfisca_core.indexed_enums import Enum

from openfisca_ajk.service.application import TOP_KEYS, Application, Person, month_end
from openfisca_ajk.service.constants import AGE_MAX, ID_PATTERN, MAX_ID_LENGTH, MAX_PERSONS
from openfisca_ajk.service.errors import ApplicationError
from openfisca_ajk.service.intake import load_application
from openfisca_ajk.service.values import bounds, fast_parser, input_variables, parse_value

IDENTIFIER = re.compile(ID_PATTERN)
_PERSON_SKIP = ("id", "role")


def _valid_id(raw):
    return raw.__class__ is str and 0 < len(raw) <= MAX_ID_LENGTH and IDENTIFIER.match(raw) is not None


def _per_value(variable, values, end):
    """Check value by value with the per-field parsers: ``(typed values, bad mask)``."""
    parser = fast_parser(variable)
    field = f"x.{variable.name}"                   # only the ``.date_of_birth`` ending matters to parse_value
    typed, bad = [], numpy.zeros(len(values), dtype=bool)
    for position, raw in enumerate(values):
        try:
            parsed = parser(raw)
            if parsed is None:
                parsed = parse_value(variable, raw, field, end)
        except Exception:                          # the per-household path meets it again and behaves as before
            parsed = None
            bad[position] = True
        if isinstance(parsed, dict):
            bad[position] = True
        typed.append(parsed)
    return typed, bad


def _check_column(variable, values, end):
    """``(typed values, bad mask)`` for one column; typed values are those ``parse_value`` returns."""
    kind = variable.value_type
    try:
        if kind is bool:
            if set(map(type, values)) <= {bool}:
                return values, None
        elif kind is Enum:
            if set(values) <= {item.name for item in variable.possible_values}:
                return values, None
        elif kind is float or kind is int:
            types = set(map(type, values))
            if types <= ({int, float} if kind is float else {int}):
                array = numpy.array(values, dtype=numpy.float64 if kind is float else numpy.int64)
                low, high = bounds(variable)
                ok = (array >= low) & (array <= high)
                if kind is float:
                    ok &= numpy.isfinite(array)
                    typed = array.tolist() if int in types else values
                else:
                    typed = values
                return typed, None if ok.all() else ~ok
        elif kind is date:
            if set(map(type, values)) <= {str}:
                text = numpy.array(values)
                if text.dtype.kind == "U" and text.dtype.itemsize // 4 == 10:
                    days = text.astype("datetime64[D]")
                    ok = (days.astype("U10") == text) & ~numpy.isnat(days)   # strictly YYYY-MM-DD
                    years = days.astype("datetime64[Y]").astype(numpy.int64) + 1970
                    if variable.name == "date_of_birth":
                        ok &= (days <= numpy.datetime64(end)) & (end.year - years <= AGE_MAX)
                    else:
                        ok &= (days == numpy.datetime64(variable.default_value)) | (numpy.abs(end.year - years) <= AGE_MAX)
                    return days.tolist(), None if ok.all() else ~ok
    except (TypeError, ValueError, OverflowError):
        pass
    return _per_value(variable, values, end)


def _structure(raw, month, reform, roles, role_max):
    """``(reference, household id, household dict, [(id, role, person dict)])`` or None (per household)."""
    if raw.__class__ is not dict or not raw.keys() <= TOP_KEYS:
        return None
    if raw.get("date") is not None and raw.get("date") != month:
        return None
    given_reform = raw.get("reform")
    if given_reform is not None and (reform is None or given_reform != reform):
        return None
    reference = raw.get("id")
    if reference is not None and not (reference.__class__ is str and len(reference) <= 200):
        return None
    household = raw.get("household", {})
    if household.__class__ is not dict:
        return None
    household_id = household.get("id", "household") if "id" in household else "household"
    if "id" in household and not _valid_id(household_id):
        return None
    persons = raw.get("persons")
    if persons.__class__ is not list or not persons or len(persons) > MAX_PERSONS:
        return None
    found, ids, counts = [], set(), {}
    for index, person in enumerate(persons):
        if person.__class__ is not dict:
            return None
        role = person.get("role")
        if role not in roles:
            return None
        if "id" in person:
            person_id = person["id"]
            if not _valid_id(person_id):
                return None
        else:
            person_id = f"p{index + 1}"
        if person_id in ids or ("age" in person and "date_of_birth" in person):
            return None
        ids.add(person_id)
        counts[role] = counts.get(role, 0) + 1
        found.append((person_id, role, person))
    for role, most in role_max:
        if counts.get(role, 0) > most:
            return None
    return reference, household_id, household, found


class _Entity:
    """The given values of one entity (household or person) over the batch, grouped by the exact keys
    each holder gives (households of a batch mostly give the same fields): a group's values are read
    with one ``itemgetter`` per holder and transposed with ``zip``, then concatenated per field into
    the columns that are checked at once."""

    def __init__(self, skip):
        self.skip, self.groups, self.count = skip, {}, 0

    def add(self, holder):
        keys = tuple(holder)
        group = self.groups.get(keys)
        if group is None:
            group = self.groups[keys] = ([], [])
        group[0].append(self.count)
        group[1].append(holder)
        self.count += 1

    def inputs(self, system, entity, end, forced_by_holder):
        """``(inputs per holder, bad mask per holder or None)``; holders with a null for a name that is
        not an input are marked in ``forced_by_holder`` (a set)."""
        names = input_variables(system, entity)
        columns, layout = {}, []
        for keys, (positions, holders) in self.groups.items():
            value_keys = tuple(key for key in keys if key not in self.skip)
            if not value_keys:
                layout.append((positions, value_keys, None, ()))
                continue
            getter = itemgetter(*value_keys)
            rows = list(map(getter, holders)) if len(value_keys) > 1 else [(getter(h),) for h in holders]
            transposed = list(zip(*rows))
            nulls = []
            for key, values in zip(value_keys, transposed):
                if None in values:
                    missing = [k for k, value in enumerate(values) if value is None]
                    nulls.append((key, missing))
                    if key not in names:
                        forced_by_holder.update(positions[k] for k in missing)
                column = columns.get(key)
                if column is None:
                    column = columns[key] = ([], [])
                column[0].extend(positions)
                column[1].extend(values)
            layout.append((positions, value_keys, transposed, nulls))
        bad, typed_columns = None, {}
        for name, (owners, values) in columns.items():
            present = [k for k, value in enumerate(values) if value is not None] if None in values else None
            checked = values if present is None else [values[k] for k in present]
            if name not in names:
                typed, wrong = checked, numpy.ones(len(checked), dtype=bool)
            else:
                typed, wrong = _check_column(system.variables[name], checked, end)
            if present is not None:
                full = list(values)
                for k, value in zip(present, typed):
                    full[k] = value
                typed = full
                if wrong is not None:
                    mask = numpy.zeros(len(values), dtype=bool)
                    mask[present] = wrong
                    wrong = mask
            typed_columns[name] = [typed, 0]
            if wrong is not None:
                failed = numpy.zeros(self.count, dtype=bool)
                failed[numpy.asarray(owners)[wrong]] = True
                bad = failed if bad is None else bad | failed
        result = [None] * self.count
        for positions, value_keys, transposed, nulls in layout:
            if transposed is None:
                for position in positions:
                    result[position] = {}
                continue
            size, slices = len(positions), []
            for key in value_keys:
                cursor = typed_columns[key]
                slices.append(cursor[0][cursor[1]:cursor[1] + size])
                cursor[1] += size
            dicts = [dict(zip(value_keys, row)) for row in zip(*slices)]
            for key, missing in nulls:
                for k in missing:
                    del dicts[k][key]
            for position, inputs in zip(positions, dicts):
                result[position] = inputs
        return result, bad


_FIELDS = tuple(f"persons[{k}]" for k in range(MAX_PERSONS))


def intake(system, applications, month, reform):
    """``(results, valid)``: ``results`` has the error entry of each malformed application (else None),
    ``valid`` the ``(index, Application)`` of the others, in order (see the module docstring)."""
    results, candidates, slow = [None] * len(applications), [], []
    household_entity = system.group_entities[0]
    roles = [role.key for role in household_entity.roles]
    role_max = [(role.key, role.max) for role in household_entity.roles if role.max is not None]
    end = month_end(month)
    households, persons = _Entity(("id",)), _Entity(_PERSON_SKIP)
    for index, raw in enumerate(applications):
        found = _structure(raw, month, reform, roles, role_max)
        if found is None:
            slow.append(index)
            continue
        candidates.append((index, found))
        households.add(found[2])
        for _, _, person in found[3]:
            persons.add(person)
    forced_households, forced_persons = set(), set()
    household_inputs, household_bad = households.inputs(system, "household", end, forced_households)
    person_inputs, person_bad = persons.inputs(system, "person", end, forced_persons)
    bad_person = numpy.zeros(len(person_inputs) + 1, dtype=numpy.int64)
    if person_bad is not None or forced_persons:
        marked = numpy.zeros(len(person_inputs), dtype=bool) if person_bad is None else person_bad
        marked[list(forced_persons)] = True
        bad_person[1:] = numpy.cumsum(marked)
    bad_person = bad_person.tolist()
    household_bad = [False] * len(household_inputs) if household_bad is None else household_bad.tolist()
    for owner in forced_households:
        household_bad[owner] = True
    valid, first = [], 0
    for owner, (index, (reference, household_id, _, members)) in enumerate(candidates):
        stop = first + len(members)
        if household_bad[owner] or bad_person[stop] != bad_person[first]:
            slow.append(index)
        else:
            people = tuple([Person(person_id, role, _FIELDS[k], person_inputs[first + k])
                            for k, (person_id, role, _) in enumerate(members)])
            valid.append((index, Application(month, reform, reference, household_id, "household",
                                             household_inputs[owner], people)))
        first = stop
    if slow:
        system_id = id(system)
        for index in slow:
            raw = applications[index]
            try:
                app, app_system = load_application(raw, month, reform)
            except ApplicationError as error:
                results[index] = {"index": index, **_prefixed(error, index).to_dict()}
                continue
            if id(app_system) != system_id:
                results[index] = {"index": index, **ApplicationError.single(
                    "inconsistent", f"applications[{index}].reform", "differs from the batch's reform").to_dict()}
                continue
            valid.append((index, app))
        valid.sort(key=lambda item: item[0])
    return results, valid


def _prefixed(error, index):
    return ApplicationError([{**p, "field": f"applications[{index}]" + (f".{p['field']}" if p["field"] else "")}
                             for p in error.problems])
