"""Command-line values are refused with a message naming the option and the problem, before any work."""

import pytest

from openfisca_ajk.cli import main
from openfisca_ajk.tools.years import check_period, check_year, modelled_years


def refused(capsys, *arguments, code=2):
    with pytest.raises(SystemExit) as exited:
        main(list(arguments))
    assert exited.value.code == code
    return capsys.readouterr().err


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--size", "inf", "argument --size: must be a finite number, got 'inf'"),
    ("--size", "nan", "argument --size: must be a finite number, got 'nan'"),
    ("--size", "-3", "argument --size: must be positive, got -3"),
    ("--size", "0", "argument --size: must be positive, got 0"),
    ("--size", "2.5", "argument --size: above 1 is a number of persons and must be whole, got 2.5"),
    ("--size", "lots", "argument --size: must be a number, got 'lots'"),
    ("--chunk-households", "-3", "argument --chunk-households: must be at least 1, got -3"),
    ("--chunk-households", "0", "argument --chunk-households: must be at least 1, got 0"),
    ("--workers", "0", "argument --workers: must be at least 1, got 0"),
    ("--seed", "-1", "argument --seed: must be 0 or more, got -1"),
    ("--year", "20x5", "argument --year: must be a whole number such as 2025, got '20x5'"),
])
def test_main_refuses_a_bad_value_before_any_work(tmp_path, capsys, option, value, message):
    assert message in refused(capsys, "main", option, value, "--output", str(tmp_path / "out"))
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("value", ["inf", "0", "2.5"])
def test_compare_refuses_a_bad_size(tmp_path, capsys, value):
    assert "argument --size:" in refused(capsys, "compare", "kafaalat_14500", "--size", value, "--output", str(tmp_path))


def test_the_modelled_years_come_from_the_parameters(tax_benefit_system):
    first, last = modelled_years(tax_benefit_system)
    census = tax_benefit_system.parameters.population.census_year
    assert first == int(census(census.values_list[-1].instant_str)) == 2017
    assert last == 2095   # the latest date of the projection assumptions (mortality tables)
    assert check_year(tax_benefit_system, 2017) == 2017 and check_year(tax_benefit_system, 2095) == 2095
    assert check_period(tax_benefit_system, "2025-03") == "2025-03"
    with pytest.raises(ValueError, match="--period 2025-13 must be|--period must be a year"):
        check_period(tax_benefit_system, "2025-13")


@pytest.mark.parametrize(("arguments", "message"), [
    (("--year", "1900"), "--year 1900 is outside the years the model covers, 2017 to 2095"),
    (("--year", "2096"), "--year 2096 is outside the years the model covers, 2017 to 2095"),
    (("--month", "1900-03"), "--month 1900-03 is outside the years the model covers, 2017 to 2095"),
    (("--month", "2025"), "--month must be a month (YYYY-MM), got '2025'"),
    (("--size", "1e12"), "--size 1,000,000,000,000 persons is more than the 4,894,369 persons of AJK in 2025 (size 1)"),
])
def test_main_refuses_a_year_outside_the_model_or_a_size_above_the_population(tmp_path, capsys, arguments, message):
    command = ["main", "--year", "2025", "--quiet", "--no-malloc-tuning", "--no-cache", "--output", str(tmp_path / "out"),
               *arguments]
    assert main(command) == 1
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error
    assert not (tmp_path / "out").exists()


def test_households_refuses_a_period_outside_the_model(capsys):
    assert main(["households", "--period", "1900-01"]) == 1
    assert "--period 1900-01 is outside the years the model covers" in capsys.readouterr().err


def test_project_refuses_reversed_years_before_any_work(capsys):
    assert main(["project", "--from", "2030", "--to", "2025", "--output", "/nonexistent/never-written"]) == 1
    captured = capsys.readouterr()
    assert "the last year (2025) is before the first (2030)" in captured.err and "projecting" not in captured.out
