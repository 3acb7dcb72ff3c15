"""OpenFisca situation JSON (as for ``/calculate``) turned into the flat form, for one household.

``{"date": "2025-03", "persons": {"Shazia": {"sex": {"ETERNITY": "female"}, ...}},
"households": {"h1": {"heads": [...], "spouses": [...], "pmt_score": {"2025-03": 21.5}}}}``.
For each variable the value for the month is taken (a key equal to the month, else the year
containing it — divided by 12 for amounts spread over the year —, else ``ETERNITY``); ``null``
values (requests for a computation) are ignored. Problems name the situation's own paths.
"""

from openfisca_core import periods

from openfisca_ajk.service.errors import ApplicationError, problem

SITUATION_KEYS = {"date", "reform", "id", "persons", "households"}


def is_situation(raw):
    return isinstance(raw, dict) and ("households" in raw or isinstance(raw.get("persons"), dict))


def _value_for_month(system, name, raw, month, field, problems):
    if not isinstance(raw, dict):
        return raw
    variable = system.variables.get(name)
    chosen, found = None, False
    for key in sorted(raw, key=str):
        try:
            periods.period(key)
        except (ValueError, TypeError, AttributeError):
            problems.append(problem("invalid_period", f"{field}.{key}", "is not a period (YYYY-MM, YYYY or ETERNITY)"))
            continue
        value = raw[key]
        if value is None:
            continue
        if key == month or (variable is not None and variable.definition_period == "eternity"):
            return value
        if key == month[:4] and not found:
            chosen, found = value, True
            spread = getattr(getattr(variable, "set_input", None), "__name__", "") == "set_input_divide_by_period"
            if spread and isinstance(value, int | float) and not isinstance(value, bool):
                chosen = value / 12
        elif key == "ETERNITY" and not found:
            chosen, found = value, True
    return chosen


def _put(system, target, key, value):
    """Keep a value; a null for a known variable is a request for a computation and is dropped."""
    if value is None and key in system.variables:
        return
    target[key] = value


def to_flat(system, raw, month):
    """Return ``(flat_application, field_names)``; field_names maps flat paths to situation paths."""
    problems = [problem("unknown_field", key, "is not a field of a situation") for key in sorted(set(raw) - SITUATION_KEYS, key=str)]
    persons, households = raw.get("persons"), raw.get("households")
    if not isinstance(persons, dict) or not persons:
        raise ApplicationError.single("wrong_type", "persons", "expected an object of persons keyed by id")
    if not isinstance(households, dict) or len(households) != 1:
        raise ApplicationError.single("wrong_type", "households",
                                      "expected exactly one household (use evaluate_batch for several)")
    (household_id, household), = households.items()
    if not isinstance(household, dict):
        raise ApplicationError.single("wrong_type", f"households.{household_id}", "expected an object")
    entity = system.group_entities[0]
    plural_to_role = {role.plural: role.key for role in entity.roles}
    roles, flat_household = {}, {"id": household_id}
    for key, value in household.items():
        field = f"households.{household_id}.{key}"
        if key in plural_to_role:
            if not isinstance(value, list) or not all(isinstance(member, str) for member in value):
                problems.append(problem("wrong_type", field, "expected a list of person ids"))
                continue
            for member in value:
                if member not in persons:
                    problems.append(problem("unknown_person", field, f"{member!r} is not in persons"))
                elif member in roles:
                    problems.append(problem("duplicate", field, f"{member!r} already has the role {roles[member]}"))
                else:
                    roles[member] = plural_to_role[key]
        else:
            _put(system, flat_household, key, _value_for_month(system, key, value, month, field, problems))
    flat_persons, names = [], {"household": f"households.{household_id}"}
    for index, (person_id, person) in enumerate(persons.items()):
        field = f"persons.{person_id}"
        names[f"persons[{index}]"] = field
        if not isinstance(person, dict):
            problems.append(problem("wrong_type", field, "expected an object"))
            continue
        if person_id not in roles:
            problems.append(problem("no_household", field, "the person belongs to no household"))
        flat = {"id": person_id, "role": roles.get(person_id)}
        for key, value in person.items():
            if key in ("id", "role"):
                problems.append(problem("unknown_field", f"{field}.{key}", "is not a variable"))
                continue
            _put(system, flat, key, _value_for_month(system, key, value, month, f"{field}.{key}", problems))
        flat_persons.append(flat)
    if problems:
        raise ApplicationError(problems)
    application = {"date": month, "household": flat_household, "persons": flat_persons}
    for key in ("reform", "id"):
        if key in raw:
            application[key] = raw[key]
    return application, names


def rename_fields(error, names):
    """The same error with flat paths (``persons[0].age``) renamed to situation paths."""
    renamed = []
    for item in error.problems:
        field = item["field"]
        if isinstance(field, str):
            head, dot, rest = field.partition(".")
            if head in names:
                field = names[head] + dot + rest
        renamed.append({**item, "field": field})
    return ApplicationError(renamed)
