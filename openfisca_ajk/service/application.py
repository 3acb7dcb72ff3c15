"""Applications: the flat form, checked field by field into an ``Application``.

The flat form (one household)::

    {
      "date": "2025-03",                      # the month evaluated, YYYY-MM (or the date argument)
      "reform": "kafaalat_14500",             # optional: a reform of reforms/ by name
      "id": "application-17",                 # optional: your reference, echoed back
      "household": {"id": "hh1", "district": "bagh", "pmt_score": 21.5, "is_urban": false},
      "persons": [
        {"id": "shazia", "role": "spouse", "sex": "female", "date_of_birth": "1988-04-12",
         "marital_status": "married", "has_cnic": true},
        {"id": "imran", "role": "head", "sex": "male", "age": 40}
      ]
    }

``household`` and each person take the input variables of their entity (``GET /variables``) by
name, each with one value for the month: booleans as ``true``/``false``, enumerations by name,
dates as ``YYYY-MM-DD``, amounts in PKR per month. A person needs a ``role`` (``head`` — at most
one —, ``spouse``, ``child`` or ``other``); ``id`` defaults to ``p1``, ``p2``... An input left
out is *missing*, not zero: the service finds out whether it matters (see ``evaluate``).
"""

import calendar
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from json.encoder import encode_basestring_ascii
from operator import itemgetter

from openfisca_ajk.service.constants import DATE_MAX, DATE_MIN, ID_PATTERN, MAX_ID_LENGTH, MAX_PERSONS
from openfisca_ajk.service.errors import ApplicationError, problem
from openfisca_ajk.service.values import input_parsers, parse_value

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
IDENTIFIER = re.compile(ID_PATTERN)
TOP_KEYS = {"date", "reform", "id", "household", "persons"}


@dataclass(frozen=True)
class Person:
    id: str
    role: str
    field: str
    inputs: dict


@dataclass(frozen=True)
class Application:
    date: str
    reform: str | None
    reference: str | None
    household_id: str
    household_field: str
    household_inputs: dict
    persons: tuple

    def canonical(self):
        """A JSON-ready, order-independent description of the application (what its hash covers)."""
        def plain(inputs):
            return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in sorted(inputs.items())}
        return {
            "date": self.date, "household": {"id": self.household_id, "inputs": plain(self.household_inputs)},
            "persons": [{"id": p.id, "inputs": plain(p.inputs), "role": p.role} for p in self.persons],
            "reform": self.reform,
        }

    def digest(self):
        """SHA-256 of ``canonical()`` as compact JSON with sorted keys (dates as ISO strings).

        The text is ``canonical_text()``: exactly what ``json.dumps`` gives for the document (see
        ``reference_digest``), written from per-key-set templates, value by value."""
        return "sha256:" + hashlib.sha256(self.canonical_text().encode("ascii")).hexdigest()

    def canonical_text(self):
        """``json.dumps`` of the canonical document (compact, sorted keys, ASCII, dates as ISO strings)."""
        persons = ",".join([_PERSON % (_value_text(p.id), _inputs_text(p.inputs), _value_text(p.role))
                            for p in self.persons])
        return _DOCUMENT % (_value_text(self.date), _value_text(self.household_id),
                            _inputs_text(self.household_inputs), persons, _value_text(self.reform))

    def reference_digest(self):
        """The digest through ``json.dumps`` of the document (the reference ``digest`` equals)."""
        document = {"date": self.date, "household": {"id": self.household_id, "inputs": self.household_inputs},
                    "persons": [{"id": p.id, "inputs": p.inputs, "role": p.role} for p in self.persons],
                    "reform": self.reform}
        return "sha256:" + hashlib.sha256(_dumps(document).encode("utf-8")).hexdigest()


def _iso(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot hash a {type(value).__name__}")


def _dumps(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=True, sort_keys=True, default=_iso)


# The canonical JSON text written directly. ``json.dumps`` (compact, ``sort_keys``, ``ensure_ascii``)
# writes a str with ``encode_basestring_ascii``, True/False/None as true/false/null, an int with
# ``int.__repr__``, a finite float with ``float.__repr__``; a date goes through ``_iso``. Exactly those
# classes are written here, anything else (a subclass, a non-finite float, a container) by ``_dumps``.
_DOCUMENT = '{"date":%s,"household":{"id":%s,"inputs":%s},"persons":[%s],"reform":%s}'
_PERSON = '{"id":%s,"inputs":%s,"role":%s}'
_CONSTANTS = {True: "true", False: "false"}


def _float_text(value):
    return float.__repr__(value) if value - value == 0.0 else _dumps(value)


_WRITERS = {
    str: encode_basestring_ascii, bool: _CONSTANTS.__getitem__, int: int.__repr__, float: _float_text,
    date: lambda value: '"' + value.isoformat() + '"', type(None): lambda value: "null",
}


def _value_text(value):
    writer = _WRITERS.get(value.__class__)
    return _dumps(value) if writer is None else writer(value)


_TEMPLATES = {}         # tuple of an input dict's keys (in its order) -> (getter of the sorted values, format)


def _template(keys):
    ordered = sorted(keys)
    text = "{" + ",".join(encode_basestring_ascii(key).replace("%", "%%") + ":%s" for key in ordered) + "}"
    if not ordered:
        getter = lambda inputs: ()                                  # noqa: E731
    elif len(ordered) == 1:
        getter = lambda inputs, key=ordered[0]: (inputs[key],)     # noqa: E731
    else:
        getter = itemgetter(*ordered)
    if len(_TEMPLATES) >= 4096:                                     # bounded: start again when full
        _TEMPLATES.clear()
    found = _TEMPLATES[keys] = (getter, text)
    return found


def _inputs_text(inputs):
    keys = tuple(inputs)
    found = _TEMPLATES.get(keys)
    if found is None:
        if not all(key.__class__ is str for key in keys):
            return _dumps(inputs)
        found = _template(keys)
    getter, text = found
    return text % tuple(map(_value_text, getter(inputs)))


def _column_texts(values):
    """``[_value_text(value) for value in values]``, a whole column at once when it holds one class."""
    classes = set(map(type, values))
    if len(classes) == 1:
        kind = classes.pop()
        if kind is str:
            return list(map(encode_basestring_ascii, values))
        if kind is bool:
            return list(map(_CONSTANTS.__getitem__, values))
        if kind is int:
            return list(map(int.__repr__, values))
        if kind is float:
            texts = list(map(float.__repr__, values))
            if "nan" in texts or "inf" in texts or "-inf" in texts:
                texts = [text if text not in ("nan", "inf", "-inf") else _dumps(value) for text, value in zip(texts, values)]
            return texts
        if kind is date:
            return list(map('"%s"'.__mod__, map(date.isoformat, values)))
    return list(map(_value_text, values))


def _inputs_texts(holders):
    """``[_inputs_text(inputs) for inputs in holders]``: the holders grouped by their keys, each group
    written column by column (those of a batch mostly give the same fields)."""
    groups = {}
    for position, inputs in enumerate(holders):
        keys = tuple(inputs)
        group = groups.get(keys)
        if group is None:
            group = groups[keys] = ([], [])
        group[0].append(position)
        group[1].append(inputs)
    texts = [None] * len(holders)
    for keys, (positions, dicts) in groups.items():
        if len(keys) < 2 or not all(key.__class__ is str for key in keys):
            for position, inputs in zip(positions, dicts):
                texts[position] = _inputs_text(inputs)
            continue
        getter, text = _TEMPLATES.get(keys) or _template(keys)
        columns = [_column_texts(column) for column in zip(*map(getter, dicts))]
        for position, written in zip(positions, map(text.__mod__, zip(*columns))):
            texts[position] = written
    return texts


def digests(applications):
    """``[application.digest() for application in applications]``, written column-wise for a batch."""
    households = _inputs_texts([a.household_inputs for a in applications])
    persons = [p for a in applications for p in a.persons]
    person_inputs = _inputs_texts([p.inputs for p in persons])
    person_texts = list(map(_PERSON.__mod__, zip(_column_texts([p.id for p in persons]), person_inputs,
                                                  _column_texts([p.role for p in persons]))))
    months = _column_texts([a.date for a in applications])
    household_ids = _column_texts([a.household_id for a in applications])
    reforms = _column_texts([a.reform for a in applications])
    found, first = [], 0
    sha256 = hashlib.sha256
    for index, application in enumerate(applications):
        stop = first + len(application.persons)
        text = _DOCUMENT % (months[index], household_ids[index], households[index], ",".join(person_texts[first:stop]),
                            reforms[index])
        found.append("sha256:" + sha256(text.encode("ascii")).hexdigest())
        first = stop
    return found


def parse_month(raw, field="date"):
    """``"YYYY-MM"`` within [DATE_MIN, DATE_MAX] → the same string, or ApplicationError."""
    if not isinstance(raw, str) or not MONTH.match(raw):
        raise ApplicationError.single("invalid_date", field, f"expected a month YYYY-MM, got {str(raw)[:40]!r}")
    month = int(raw[5:7])
    if not 1 <= month <= 12:
        raise ApplicationError.single("invalid_date", field, f"{raw!r} has no month {month}")
    if not DATE_MIN <= raw <= DATE_MAX:
        raise ApplicationError.single("date_out_of_range", field,
                                      f"{raw} is outside the service's range {DATE_MIN} to {DATE_MAX}")
    return raw


def month_end(month):
    year, number = int(month[:4]), int(month[5:7])
    return date(year, number, calendar.monthrange(year, number)[1])


def _identifier(raw, field, problems):
    if isinstance(raw, str) and 0 < len(raw) <= MAX_ID_LENGTH and IDENTIFIER.match(raw):
        return raw
    problems.append(problem("invalid_value", field,
                            f"an id is 1 to {MAX_ID_LENGTH} letters, digits, '_', '.' or '-'"))
    return None


def _inputs(system, entity, raw, field, skip, end, problems):
    parsers = input_parsers(system, entity)
    variables = system.variables
    inputs = {}
    for key in sorted(raw, key=str):
        if key in skip:
            continue
        parser = parsers.get(key)
        if parser is None:
            hint = "is computed, not an input" if key in variables else f"is not an input of a {entity}"
            problems.append(problem("unknown_field", f"{field}.{key}", hint))
            continue
        value = raw[key]
        if value is None:
            continue
        parsed = parser(value)
        if parsed is None:
            parsed = parse_value(variables[key], value, f"{field}.{key}", end)
            if isinstance(parsed, dict):
                problems.append(parsed)
                continue
        inputs[key] = parsed
    return inputs


def _person(system, raw, index, roles, end, problems, month_start):
    field = f"persons[{index}]"
    if not isinstance(raw, dict):
        problems.append(problem("wrong_type", field, "expected an object"))
        return None
    person_id = _identifier(raw["id"], f"{field}.id", problems) if "id" in raw else f"p{index + 1}"
    role = raw.get("role")
    if role is None:
        problems.append(problem("missing_field", f"{field}.role", f"every person needs a role, one of {roles}"))
    elif role not in roles:
        problems.append(problem("invalid_value", f"{field}.role", f"unknown role {str(role)[:40]!r}; roles: {roles}"))
    inputs = _inputs(system, "person", raw, field, {"id", "role"}, end, problems)
    if "age" in inputs and "date_of_birth" in inputs:
        implied = int(completed_years_scalar(inputs["date_of_birth"], month_start))
        if implied != inputs["age"]:
            problems.append(problem("inconsistent", f"{field}.age",
                                    f"age {inputs['age']} does not match date_of_birth (age {implied})"))
    return Person(person_id, role, field, inputs) if person_id and role in roles else None


def completed_years_scalar(birth, instant):
    return (instant.year - birth.year) - ((instant.month, instant.day) < (birth.month, birth.day))


def _date(raw, date_argument):
    given = raw.get("date")
    if given is not None and date_argument is not None and given != date_argument:
        raise ApplicationError.single("inconsistent", "date", f"the application says {str(given)[:20]!r}, the call {date_argument!r}")
    chosen = given if given is not None else date_argument
    if chosen is None:
        raise ApplicationError.single("missing_field", "date", "the month to evaluate (YYYY-MM) is missing")
    return parse_month(chosen)


def parse_flat(system, raw, date_argument=None, reform=None):
    """Check a flat-form application and return an ``Application`` (or raise ApplicationError)."""
    if not isinstance(raw, dict):
        raise ApplicationError.single("wrong_type", None, "an application is a JSON object")
    problems = [problem("unknown_field", key, "is not a field of an application") for key in sorted(set(raw) - TOP_KEYS, key=str)]
    month = _date(raw, date_argument)
    end = month_end(month)
    start = date(end.year, end.month, 1)
    reference = raw.get("id")
    if reference is not None and not (isinstance(reference, str) and len(reference) <= 200):
        problems.append(problem("wrong_type", "id", "the application id is a string of up to 200 characters"))
    household = raw.get("household", {})
    if not isinstance(household, dict):
        problems.append(problem("wrong_type", "household", "expected an object"))
        household = {}
    household_id = _identifier(household["id"], "household.id", problems) if "id" in household else "household"
    household_inputs = _inputs(system, "household", household, "household", {"id"}, end, problems)
    raw_persons = raw.get("persons")
    if not isinstance(raw_persons, list) or not raw_persons:
        problems.append(problem("missing_field" if raw_persons is None else "wrong_type", "persons",
                                "expected a non-empty list of persons"))
        raw_persons = []
    if len(raw_persons) > MAX_PERSONS:
        raise ApplicationError.single("too_many_persons", "persons", f"at most {MAX_PERSONS} persons in a household")
    roles = [role.key for role in system.group_entities[0].roles] if system.group_entities else []
    persons = [_person(system, item, i, roles, end, problems, start) for i, item in enumerate(raw_persons)]
    _check_household_roles(system, raw_persons, persons, problems)
    if problems:
        raise ApplicationError(problems)
    return Application(month, reform, reference, household_id or "household", "household", household_inputs, tuple(persons))


def _check_household_roles(system, raw_persons, persons, problems):
    seen = {}
    for index, person in enumerate(persons):
        if person is None:
            continue
        if person.id in seen:
            problems.append(problem("duplicate", f"persons[{index}].id", f"id {person.id!r} is also persons[{seen[person.id]}]"))
        seen.setdefault(person.id, index)
    household = system.group_entities[0]
    for role in household.roles:
        holders = [i for i, p in enumerate(persons) if p is not None and p.role == role.key]
        if role.max is not None and len(holders) > role.max:
            problems.append(problem("too_many", f"persons[{holders[role.max]}].role",
                                    f"a household has at most {role.max} {role.key}"))
