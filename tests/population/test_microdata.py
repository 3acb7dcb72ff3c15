"""CSV microdata: the bundled example loads; every kind of bad data is named by file, row and column."""

import csv

import numpy
import pytest

from openfisca_ajk.paths import PACKAGE_DIR
from openfisca_ajk.population import MicrodataError, load_population
from openfisca_ajk.population.data import CONSUMPTION

PERSONS = PACKAGE_DIR / "data" / "example_persons.csv"
HOUSEHOLDS = PACKAGE_DIR / "data" / "example_households.csv"


def read(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def edited(tmp_path, persons_edit=None, households_edit=None):
    persons, households = read(PERSONS), read(HOUSEHOLDS)
    if persons_edit:
        persons_edit(persons)
    if households_edit:
        households_edit(households)
    return write(tmp_path / "persons.csv", persons), write(tmp_path / "households.csv", households)


def set_cell(rows, row_number, column, value):
    rows[row_number - 1][rows[0].index(column)] = value


def test_bundled_example_loads(tax_benefit_system):
    population = load_population(tax_benefit_system, PERSONS, HOUSEHOLDS, 2025)
    assert population.n_households == 20 and population.n_persons == 135
    assert population.person["sex"].dtype == numpy.int16
    assert CONSUMPTION in population.household
    assert population.household["household_weight"].sum() > 700_000


def test_persons_are_grouped_by_household_whatever_the_file_order(tax_benefit_system, tmp_path):
    def shuffle(rows):
        rows[1:] = rows[1:][::-1]
    persons, households = edited(tmp_path, shuffle)
    population = load_population(tax_benefit_system, persons, households, 2025)
    assert numpy.all(numpy.diff(population.person_household) >= 0)


@pytest.mark.parametrize(("where", "row", "column", "value", "message"), [
    ("persons", 3, "sex", "feminine", "example_persons.csv"),
    ("persons", 4, "monthly_wage", "lots", "is not a number"),
    ("persons", 5, "monthly_wage", "-100", "is negative"),
    ("persons", 6, "age", "130", "is outside 0-120"),
    ("persons", 7, "household_id", "H99", "household 'H99' is not in"),
    ("persons", 3, "role", "head", "has a second head"),
    ("persons", 8, "employment_status", "retired", "unknown value 'retired'"),
    ("persons", 9, "has_cnic", "maybe", "is not a boolean"),
    ("households", 2, "district", "lahore", "unknown value 'lahore'"),
    ("households", 3, "household_weight", "-1", "is negative"),
])
def test_each_problem_names_file_row_and_column(tax_benefit_system, tmp_path, where, row, column, value, message):
    def change(rows):
        set_cell(rows, row, column, value)
    persons, households = edited(tmp_path, change if where == "persons" else None, change if where == "households" else None)
    with pytest.raises(MicrodataError) as raised:
        load_population(tax_benefit_system, persons, households, 2025)
    text = str(raised.value)
    assert f"{where}.csv: row {row}, column '{column}'" in text
    assert message.replace("example_persons.csv", "persons.csv") in text or message in text


def test_missing_required_column(tax_benefit_system, tmp_path):
    def rename(rows):
        rows[0][rows[0].index("role")] = "relationship"
    persons, households = edited(tmp_path, rename)
    with pytest.raises(MicrodataError, match="persons.csv: row 1, column 'role': required column is missing"):
        load_population(tax_benefit_system, persons, households, 2025)


def test_unknown_column(tax_benefit_system, tmp_path):
    def rename(rows):
        rows[0][rows[0].index("monthly_wage")] = "monthly_wages"
    persons, households = edited(tmp_path, rename)
    with pytest.raises(MicrodataError, match="persons.csv: row 1, column 'monthly_wages': is not a person input"):
        load_population(tax_benefit_system, persons, households, 2025)


def test_the_unknown_enum_message_lists_the_allowed_values(tax_benefit_system, tmp_path):
    persons, households = edited(tmp_path, lambda rows: set_cell(rows, 3, "sex", "feminine"))
    with pytest.raises(MicrodataError, match="persons.csv: row 3, column 'sex': unknown value 'feminine'; allowed: female, male, transgender"):
        load_population(tax_benefit_system, persons, households, 2025)


def test_a_missing_file_is_named(tax_benefit_system, tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.csv"):
        load_population(tax_benefit_system, tmp_path / "nowhere.csv", HOUSEHOLDS, 2025)


def refused(tax_benefit_system, persons, households, *expected):
    with pytest.raises(MicrodataError) as raised:
        load_population(tax_benefit_system, persons, households, 2025)
    text = str(raised.value)
    for part in expected:
        assert part in text, text
    return text


@pytest.mark.parametrize(("value", "message"), [
    ("nan", "'nan' is not a finite number"),
    ("inf", "'inf' is not a finite number"),
    ("-inf", "'-inf' is not a finite number"),
    ("1e309", "'1e309' is not a finite number"),
    ("1e308", "'1e308' is too large (the engine computes in float32"),
])
def test_a_wage_that_is_not_a_finite_float32_is_refused(tax_benefit_system, tmp_path, value, message):
    persons, households = edited(tmp_path, lambda rows: set_cell(rows, 4, "monthly_wage", value))
    refused(tax_benefit_system, persons, households, "persons.csv: row 4, column 'monthly_wage'", message)


def test_a_non_finite_consumption_is_refused(tax_benefit_system, tmp_path):
    persons, households = edited(tmp_path, households_edit=lambda rows: set_cell(rows, 3, CONSUMPTION, "nan"))
    refused(tax_benefit_system, persons, households, f"households.csv: row 3, column '{CONSUMPTION}': 'nan' is not a finite number")


def test_a_date_of_birth_after_the_simulated_year_is_refused(tax_benefit_system, tmp_path):
    persons, households = edited(tmp_path, lambda rows: (set_cell(rows, 2, "date_of_birth", "2031-05-01"), set_cell(rows, 2, "age", "")))
    refused(tax_benefit_system, persons, households,
            "persons.csv: row 2, column 'date_of_birth': 2031-05-01 is after the simulated year 2025")


@pytest.mark.parametrize(("birth", "age", "accepted", "ages"), [
    ("1964-01-01", "61", True, "61"),        # the bundled row: 61 on 1 January 2025
    ("1964-01-01", "60", False, "61"),
    ("1964-07-15", "60", True, "60 or 61"),  # 60 until 14 July 2025, 61 from 15 July
    ("1964-07-15", "61", True, "60 or 61"),
    ("1964-07-15", "62", False, "60 or 61"),
    ("1964-07-15", "30", False, "60 or 61"),
])
def test_an_age_must_be_an_age_the_date_of_birth_gives_in_the_year(tax_benefit_system, tmp_path, birth, age, accepted, ages):
    persons, households = edited(tmp_path, lambda rows: (set_cell(rows, 2, "date_of_birth", birth), set_cell(rows, 2, "age", age)))
    if accepted:
        population = load_population(tax_benefit_system, persons, households, 2025)
        assert int(population.person["age"][0]) == int(age)
        return
    refused(tax_benefit_system, persons, households,
            f"persons.csv: row 2, column 'age': {age} contradicts the date of birth {birth} "
            f"(the age in completed years during 2025 is {ages})")


def test_a_column_named_twice_is_refused(tax_benefit_system, tmp_path):
    def duplicate(rows):
        for row in rows:
            row.append(row[rows[0].index("monthly_wage")])
    persons, households = edited(tmp_path, duplicate)
    refused(tax_benefit_system, persons, households,
            "persons.csv: row 1, column 'monthly_wage': the column is named twice (columns 15 and 23)")


def test_a_nul_in_an_id_is_refused(tax_benefit_system, tmp_path):
    persons, households = edited(tmp_path, lambda rows: set_cell(rows, 3, "person_id", "P\x00002"))
    refused(tax_benefit_system, persons, households, "persons.csv: row 3, column 'person_id': contains the control character '\\x00'")


def test_a_short_row_is_refused_with_its_row(tax_benefit_system, tmp_path):
    persons, households = edited(tmp_path, households_edit=lambda rows: rows.__setitem__(4, rows[4][:1]))
    refused(tax_benefit_system, persons, households,
            "households.csv: row 5, column 'district': the row has 1 cells, fewer than the 6 columns of the header")


def test_a_short_row_without_its_id_is_refused_not_a_traceback(tax_benefit_system, tmp_path):
    persons, households = edited(tmp_path, lambda rows: rows.__setitem__(6, ["P006"]))  # row 7 of the file
    refused(tax_benefit_system, persons, households, "persons.csv: row 7, column 'household_id': the row has 1 cells, fewer than")


def test_a_long_row_is_refused(tax_benefit_system, tmp_path):
    persons, households = edited(tmp_path, lambda rows: rows[3].append("extra"))
    refused(tax_benefit_system, persons, households, "persons.csv: row 4, column 'is_pregnant': the row has 23 cells, more than the 22 columns")


@pytest.mark.parametrize("which", ["persons", "households"])
def test_a_header_only_file_is_refused(tax_benefit_system, tmp_path, which):
    def header_only(rows):
        del rows[1:]
    persons, households = edited(tmp_path, header_only if which == "persons" else None,
                                 header_only if which == "households" else None)
    refused(tax_benefit_system, persons, households, f"{which}.csv: row 2: no data row after the header")


def test_an_empty_file_is_refused(tax_benefit_system, tmp_path):
    persons, households = edited(tmp_path)
    persons.write_text("")
    refused(tax_benefit_system, persons, households, "persons.csv: the file is empty")


def test_an_empty_id_is_refused(tax_benefit_system, tmp_path):
    persons, households = edited(tmp_path, lambda rows: set_cell(rows, 5, "person_id", ""))
    refused(tax_benefit_system, persons, households, "persons.csv: row 5, column 'person_id': is empty")
