"""The main job end to end on a small population: outputs written, the population cached and reused, inputs safe."""

import csv
import json
import shutil

import pytest

from openfisca_ajk.cli import main
from openfisca_ajk.paths import PACKAGE_DIR

EXAMPLES = PACKAGE_DIR / "data"


def run_main(*arguments):
    return main(["main", "--year", "2025", "--quiet", "--no-malloc-tuning", *arguments])


def test_main_writes_json_csv_png_and_reuses_the_cached_population(tmp_path, capsys):
    folder, cache = tmp_path / "out", tmp_path / "cache"
    output = folder / "main"
    assert run_main("--size", "0.001", "--output", str(folder), "--cache-dir", str(cache)) == 0
    first = capsys.readouterr().out
    for name in ("main.json", "main_schemes.csv", "main_schemes.png", "main.txt"):
        assert (output / name).stat().st_size > 0, name
    assert (output / "main_schemes.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    report = json.loads((output / "main.json").read_text())
    assert {row["scheme"] for row in report["schemes"]} >= {"bisp_kafaalat"}
    assert "bisp_kafaalat" in first and "Poverty" in first
    cached = sorted(cache.glob("population-1-2025-*.npz"))
    assert len(cached) == 1
    stamp = cached[0].stat().st_mtime_ns

    assert main(["main", "--year", "2025", "--size", "0.001", "--output", str(folder), "--cache-dir", str(cache)]) == 0
    second = capsys.readouterr().out
    assert "reused the cached population" in second
    assert sorted(cache.glob("*.npz")) == cached and cached[0].stat().st_mtime_ns == stamp
    assert json.loads((output / "main.json").read_text())["schemes"] == report["schemes"]
    assert not list(folder.glob(".*")) and not list(cache.glob(".*tmp"))


def test_main_runs_on_microdata_and_never_overwrites_an_input(tmp_path, capsys):
    folder = tmp_path / "data" / "main"
    folder.mkdir(parents=True)
    persons = shutil.copy(EXAMPLES / "example_persons.csv", folder / "main.json")   # an input named like an output
    households = shutil.copy(EXAMPLES / "example_households.csv", folder / "households.csv")
    before = (folder / "main.json").read_bytes()
    code = run_main("--persons-csv", str(persons), "--households-csv", str(households), "--output", str(folder.parent))
    assert code == 1
    assert f"refusing to replace {folder}: it holds the input file" in capsys.readouterr().err
    assert (folder / "main.json").read_bytes() == before

    output = tmp_path / "out"
    assert run_main("--persons-csv", str(EXAMPLES / "example_persons.csv"), "--households-csv",
                    str(EXAMPLES / "example_households.csv"), "--output", str(output), "--month", "2025-03") == 0
    report = json.loads((output / "main" / "main.json").read_text())
    assert report["population"]["records_households"] == 20 and report["months"] == 1


def test_main_rejects_a_bad_size(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        run_main("--size", "-3", "--output", str(tmp_path))
    assert exited.value.code == 2
    assert "argument --size: must be positive, got -3" in capsys.readouterr().err


@pytest.mark.parametrize("reform", ["kafaalat_14500"])
def test_main_with_a_reform(tmp_path, reform):
    pytest.importorskip("openfisca_ajk.reform_diffs")
    assert run_main("--size", "0.0005", "--output", str(tmp_path), "--no-cache", "--reform", reform, "--year", "2026") == 0
    report = json.loads((tmp_path / "main" / "main.json").read_text())
    assert report["reform"] == reform


@pytest.mark.parametrize(("column", "value", "message"), [
    ("monthly_wage", "nan", "'nan' is not a finite number"),
    ("monthly_wage", "inf", "'inf' is not a finite number"),
    ("date_of_birth", "2099-01-01", "2099-01-01 is after the simulated year 2025"),
    ("person_id", "P\x00X", "contains the control character"),
])
def test_main_on_bad_microdata_says_where_and_publishes_nothing(tmp_path, capsys, column, value, message):
    rows = list(csv.reader((EXAMPLES / "example_persons.csv").open(encoding="utf-8", newline="")))
    rows[3][rows[0].index(column)] = value
    persons = tmp_path / "persons.csv"
    with persons.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    output = tmp_path / "out"
    code = run_main("--persons-csv", str(persons), "--households-csv", str(EXAMPLES / "example_households.csv"),
                    "--output", str(output))
    error = capsys.readouterr().err
    assert code == 1 and "Traceback" not in error
    assert f"persons.csv: row 4, column '{column}'" in error and message in error
    assert not (output / "main").exists()
