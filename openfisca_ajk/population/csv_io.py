"""Household microdata from CSV: a persons file and a households file.

Columns are the OpenFisca input names of the contract (``age``, ``sex``,
``monthly_wage``, ``district``, ...) plus:

- persons: ``person_id``, ``household_id``, ``role`` (head, spouse, child, other) - required;
- households: ``household_id``, ``household_weight`` - required, and optionally
  ``consumption_per_adult_equivalent`` (PKR a month, for the poverty measures).

Any other column must be an input variable of the person (or household) entity.
Empty cells take the variable's default. Enum cells hold the item name
(``female``, ``own_account_worker``); booleans are true/false, yes/no or 1/0;
dates are YYYY-MM-DD. Values hold for every month simulated.

Refused, each with its file, row (the header is row 1) and column: an empty
file or one with a header and no data row, a column named twice, a row with
more or fewer cells than the header, a control character (such as NUL) in a
cell, a number that is not finite (``nan``, ``inf``) or too large for the
engine's float32, a date of birth after the simulated year, and an age that
is not the age in completed years on some day of the simulated year for the
given date of birth. Up to ``MAX_ERRORS`` errors are reported at once.
"""

import csv
import math
from datetime import date
from pathlib import Path

import numpy

from openfisca_ajk.population.data import CONSUMPTION, ROLE_CODES, ROLE_KEYS, Population
from openfisca_ajk.tools.files import atomic_stream

MAX_ERRORS = 20
TRUE, FALSE = {"1", "true", "yes", "y", "t"}, {"0", "false", "no", "n", "f"}
NON_NEGATIVE = {"household_weight", CONSUMPTION}
BOUNDS = {"age": (0, 120), "school_attendance_rate": (0, 1), "pmt_score": (0, 100)}
FLOAT32_MAX = float(numpy.finfo(numpy.float32).max)
IDENTIFIERS = ("person_id", "household_id")


class MicrodataError(ValueError):
    """Invalid microdata; the message lists each problem with file, row and column."""


class _Errors(list):
    def add(self, path, row, column, problem):
        self.append(f"{Path(path).name}: row {row}, column '{column}': {problem}")
        if len(self) >= MAX_ERRORS:
            self.raise_if_any()

    def raise_if_any(self):
        if self:
            more = " (stopped at the first 20)" if len(self) >= MAX_ERRORS else ""
            raise MicrodataError(f"{len(self)} problem(s) in the microdata{more}:\n  " + "\n  ".join(self))


def _control_character(text):
    return next((character for character in text if ord(character) < 32 or ord(character) == 127), None)


def _read(path, errors):
    """(header, rows) of one file; the shape problems (empty, header only, duplicate or control characters in
    column names, short or long rows, control characters in cells) go to ``errors``."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"microdata file not found: {path}")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [h.strip() for h in next(reader, [])]
            rows = [row for row in reader if any(cell.strip() for cell in row)]
    except UnicodeDecodeError as error:
        raise MicrodataError(f"{path.name}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    except csv.Error as error:
        raise MicrodataError(f"{path.name}: not a readable CSV file ({error})") from None
    if not header:
        raise MicrodataError(f"{path.name}: the file is empty (a header row and at least one data row are needed)")
    if not rows:
        raise MicrodataError(f"{path.name}: row 2: no data row after the header (at least one is needed)")
    first = {}
    for column_number, name in enumerate(header, start=1):
        if name in first:
            errors.add(path, 1, name, f"the column is named twice (columns {first[name]} and {column_number})")
        first.setdefault(name, column_number)
        if _control_character(name) is not None or not name:
            errors.add(path, 1, name or f"#{column_number}", "a column name must be non-empty printable text")
    for row_number, row in enumerate(rows, start=2):
        if len(row) != len(header):
            kind = "fewer" if len(row) < len(header) else "more"
            errors.add(path, row_number, header[min(len(row), len(header) - 1)],
                       f"the row has {len(row)} cells, {kind} than the {len(header)} columns of the header")
        for cell_number, cell in enumerate(row[:len(header)]):
            character = _control_character(cell)
            if character is not None:
                errors.add(path, row_number, header[cell_number], f"contains the control character {character!r}")
    return header, rows


def _parser(variable):
    kind = variable.value_type
    if getattr(variable, "possible_values", None) is not None:
        items = {item.name.lower(): item.index for item in variable.possible_values}
        allowed = ", ".join(item.name for item in variable.possible_values)

        def parse(text):
            code = items.get(text.lower())
            if code is None:
                raise ValueError(f"unknown value '{text}'; allowed: {allowed}")
            return code
        return parse, numpy.int16
    if kind is bool:
        def parse(text):
            if text.lower() in TRUE:
                return True
            if text.lower() in FALSE:
                return False
            raise ValueError(f"'{text}' is not a boolean (true/false, yes/no, 1/0)")
        return parse, bool
    if kind is date:
        def parse(text):
            try:
                return numpy.datetime64(date.fromisoformat(text), "D")
            except ValueError:
                raise ValueError(f"'{text}' is not a date (YYYY-MM-DD)") from None
        return parse, "datetime64[D]"
    numeric = int if kind is int else float

    def parse(text):
        value = _finite(text)
        if numeric is int and value != int(value):
            raise ValueError(f"'{text}' is not a whole number")
        if numeric is int and abs(value) > numpy.iinfo(numpy.int32).max:
            raise ValueError(f"'{text}' is too large for a whole number of the engine (int32)")
        return value
    return parse, (numpy.int32 if kind is int else numpy.float64)


def _finite(text):
    """The number written in ``text``: finite, and small enough for the engine's float32."""
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"'{text}' is not a finite number")
    if abs(value) > FLOAT32_MAX:
        raise ValueError(f"'{text}' is too large (the engine computes in float32, up to {FLOAT32_MAX:.3g})")
    return value


def _default(variable):
    default = variable.default_value
    if getattr(variable, "possible_values", None) is not None:
        return default.index
    if isinstance(default, date):
        return numpy.datetime64(default, "D")
    return default


def _columns(tax_benefit_system, path, header, rows, entity, skip, errors, given=None):
    """Parsed columns by name; ``given`` (a dict) receives, per column, which rows had a value."""
    table = {}
    given = {} if given is None else given
    for column_index, name in enumerate(header):
        if name in skip:
            continue
        variable = tax_benefit_system.variables.get(name)
        if name == CONSUMPTION and entity == "household":
            variable = None
            parse, dtype, default = _parser_float(), numpy.float64, numpy.nan
        elif variable is None or variable.entity.key != entity:
            errors.add(path, 1, name, f"is not a {entity} input of the system")
            continue
        else:
            parse, dtype = _parser(variable)
            default = _default(variable)
        if name in table:
            continue  # a column named twice is already reported
        values, present = [], []
        for row_number, row in enumerate(rows, start=2):
            text = row[column_index].strip() if column_index < len(row) else ""
            present.append(bool(text))
            if not text:
                values.append(default)
                continue
            try:
                value = parse(text)
            except ValueError as problem:
                errors.add(path, row_number, name, str(problem))
                values.append(default)
                continue
            unit = getattr(variable, "unit", None) if variable is not None else None
            if isinstance(value, float) and value < 0 and (name in NON_NEGATIVE or unit == "currency-PKR"):
                errors.add(path, row_number, name, f"{text} is negative; amounts must be 0 or more")
            if name in BOUNDS and not BOUNDS[name][0] <= value <= BOUNDS[name][1]:
                errors.add(path, row_number, name, f"{text} is outside {BOUNDS[name][0]}-{BOUNDS[name][1]}")
            values.append(value)
        table[name] = numpy.array(values, dtype=dtype)
        given[name] = numpy.array(present, dtype=bool)
    return table


def _check_birth_dates(path, person, given, year, errors):
    """A date of birth after the simulated year, or an age that no day of the year gives for it, is refused."""
    if "date_of_birth" not in person:
        return
    birth = person["date_of_birth"].astype("datetime64[D]")
    has_birth = given["date_of_birth"]
    last_day = numpy.datetime64(f"{int(year)}-12-31", "D")
    born_later = has_birth & (birth > last_day)
    for index in numpy.flatnonzero(born_later):
        errors.add(path, int(index) + 2, "date_of_birth", f"{birth[index]} is after the simulated year {int(year)}")
    if "age" not in person:
        return
    years = birth.astype("datetime64[Y]").astype(numpy.int64) + 1970
    birthday_passed_on_1_january = birth == birth.astype("datetime64[Y]").astype("datetime64[D]")
    on_1_january = int(year) - years - numpy.where(birthday_passed_on_1_january, 0, 1)
    on_31_december = int(year) - years
    age = person["age"]
    wrong = has_birth & given["age"] & ~born_later & ((age < on_1_january) | (age > on_31_december))
    for index in numpy.flatnonzero(wrong):
        low, high = int(on_1_january[index]), int(on_31_december[index])
        ages = f"{low}" if low == high else f"{low} or {high}"
        errors.add(path, int(index) + 2, "age", f"{int(age[index])} contradicts the date of birth {birth[index]} "
                   f"(the age in completed years during {int(year)} is {ages})")


def _parser_float():
    return _finite


def _require(path, header, names, errors):
    for name in names:
        if name not in header:
            errors.add(path, 1, name, "required column is missing")


def load_population(tax_benefit_system, persons_csv, households_csv, year: int) -> Population:
    """Read and validate the two files; persons come out grouped by household, in file order."""
    errors = _Errors()
    p_header, p_rows = _read(persons_csv, errors)
    h_header, h_rows = _read(households_csv, errors)
    _require(persons_csv, p_header, ("person_id", "household_id", "role"), errors)
    _require(households_csv, h_header, ("household_id", "household_weight"), errors)
    errors.raise_if_any()

    errors.raise_if_any()

    id_column = h_header.index("household_id")
    household_ids = [row[id_column].strip() if id_column < len(row) else "" for row in h_rows]
    index_of = {}
    for row_number, hid in enumerate(household_ids, start=2):
        if not hid:
            errors.add(households_csv, row_number, "household_id", "is empty; every household needs an id")
        if hid in index_of:
            errors.add(households_csv, row_number, "household_id", f"'{hid}' appears twice")
        index_of.setdefault(hid, len(index_of))
    household = _columns(tax_benefit_system, households_csv, h_header, h_rows, "household", {"household_id"}, errors)

    column = {name: p_header.index(name) for name in ("person_id", "household_id", "role")}
    membership, roles, person_ids, seen_people, head_row = [], [], [], {}, {}
    for row_number, row in enumerate(p_rows, start=2):
        cell = {name: (row[i].strip() if i < len(row) else "") for name, i in column.items()}
        if not cell["person_id"]:
            errors.add(persons_csv, row_number, "person_id", "is empty; every person needs an id")
        if cell["person_id"] in seen_people:
            errors.add(persons_csv, row_number, "person_id", f"'{cell['person_id']}' appears twice (first at row {seen_people[cell['person_id']]})")
        seen_people.setdefault(cell["person_id"], row_number)
        person_ids.append(cell["person_id"])
        hid = cell["household_id"]
        if hid not in index_of:
            errors.add(persons_csv, row_number, "household_id", f"household '{hid}' is not in {Path(households_csv).name}")
        membership.append(index_of.get(hid, 0))
        role = cell["role"].lower()
        if role not in ROLE_CODES:
            errors.add(persons_csv, row_number, "role", f"unknown value '{cell['role']}'; allowed: {', '.join(ROLE_KEYS)}")
        elif role == "head":
            if hid in head_row:
                errors.add(persons_csv, row_number, "role", f"household '{hid}' has a second head (first at row {head_row[hid]})")
            head_row.setdefault(hid, row_number)
        roles.append(ROLE_CODES.get(role, ROLE_CODES["other"]))
    given = {}
    person = _columns(tax_benefit_system, persons_csv, p_header, p_rows, "person", set(column), errors, given)
    _check_birth_dates(persons_csv, person, given, year, errors)
    members = numpy.bincount(numpy.array(membership, dtype=numpy.intp), minlength=len(index_of)) if membership else numpy.zeros(len(index_of), int)
    for hid, count in zip(household_ids, members):
        if count == 0:
            errors.add(households_csv, household_ids.index(hid) + 2, "household_id", f"household '{hid}' has no member in {Path(persons_csv).name}")
    errors.raise_if_any()

    order = numpy.argsort(numpy.array(membership, dtype=numpy.intp), kind="stable")
    person = {name: array[order] for name, array in person.items()}
    person["person_id"] = numpy.array(person_ids, dtype=object)[order].astype(str)
    household["household_id"] = numpy.array(household_ids).astype(str)
    household["household_weight"] = household["household_weight"].astype(numpy.float32)
    population = Population(person=person, household=household,
                            person_household=numpy.array(membership, dtype=numpy.intp)[order],
                            role=numpy.array(roles, dtype=numpy.int8)[order], year=int(year),
                            source=f"microdata {Path(persons_csv).name} + {Path(households_csv).name}")
    if CONSUMPTION in household and numpy.isnan(household[CONSUMPTION]).any():
        del household[CONSUMPTION]  # poverty measures need every household's consumption
    return population.check()


def _format(variable, array):
    if variable is not None and getattr(variable, "possible_values", None) is not None:
        names = numpy.array([item.name for item in variable.possible_values])
        return names[array]
    if array.dtype == bool:
        return numpy.where(array, "true", "false")
    if numpy.issubdtype(array.dtype, numpy.floating):
        return numpy.char.mod("%.2f", array)
    return array.astype(str)


def write_population_csv(tax_benefit_system, population: Population, persons_csv, households_csv):
    """Write a population as the two CSV files (atomically); used to make the bundled example."""
    people = {"person_id": population.person["person_id"].astype(str),
              "household_id": population.household["household_id"].astype(str)[population.person_household],
              "role": numpy.array(ROLE_KEYS)[population.role]}
    people.update({k: _format(tax_benefit_system.variables.get(k), v) for k, v in population.person.items() if k != "person_id"})
    homes = {k: _format(tax_benefit_system.variables.get(k), v) for k, v in population.household.items()}
    for path, table in ((persons_csv, people), (households_csv, homes)):
        with atomic_stream(path, newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            names = list(table)
            writer.writerow(names)
            writer.writerows(zip(*(table[n] for n in names)))
