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
