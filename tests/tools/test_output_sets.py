"""Output sets: published whole or not at all, with a manifest; the same inputs give the same bytes."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from openfisca_ajk.cli import main
from openfisca_ajk.tools import output_sets
from openfisca_ajk.tools.output_sets import MANIFEST, TIMINGS, OutputSet, OutputSetError, check_set, recover, sha256


def publish(folder, files, settings=None, timings=None, **options):
    output = OutputSet(folder, "main", settings or {"seed": 1}, **options)
    for name, data in files.items():
        output.add(name, data)
    if timings is not None:
        output.add_timings(timings)
    return output.publish()


def contents(path):
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


def test_a_set_carries_a_manifest_with_the_hash_of_each_file(tmp_path):
    paths = publish(tmp_path, {"main.json": "{}\n", "main.txt": "table\n"}, {"seed": 3, "period": "2025"}, {"total_s": 1.5})
    folder = tmp_path / "main"
    assert sorted(paths) == ["main.json", "main.txt", MANIFEST, TIMINGS]
    manifest = json.loads((folder / MANIFEST).read_text())
    assert manifest["settings"] == {"seed": 3, "period": "2025"} and manifest["package"] == "openfisca-ajk"
    assert manifest["version"] == output_sets.package_version() != ""
    assert manifest["files"] == {"main.json": {"sha256": sha256(b"{}\n"), "bytes": 3},
                                 "main.txt": {"sha256": sha256(b"table\n"), "bytes": 6}}
    assert TIMINGS not in manifest["files"] and json.loads((folder / TIMINGS).read_text()) == {"total_s": 1.5}
    assert check_set(folder) == []
    assert [p.name for p in tmp_path.iterdir()] == ["main"]   # no staging folder left


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_a_new_set_replaces_the_old_one_whole(tmp_path, monkeypatch, exchange):
    publish(tmp_path, {"main.json": "1", "main_schemes.png": "old chart"})
    if not exchange:
        monkeypatch.setattr(output_sets, "_exchange", lambda first, second: False)
    publish(tmp_path, {"main.json": "2"})
    assert sorted(contents(tmp_path / "main")) == ["main.json", MANIFEST]   # the old chart does not linger
    assert (tmp_path / "main" / "main.json").read_text() == "2" and check_set(tmp_path / "main") == []
    assert [p.name for p in tmp_path.iterdir()] == ["main"]


def test_a_failure_while_staging_leaves_the_previous_set_untouched(tmp_path, monkeypatch):
    publish(tmp_path, {"main.json": "1", "main.txt": "one"})
    before = contents(tmp_path / "main")
    calls = []

    def failing_fsync(descriptor):
        calls.append(descriptor)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
    monkeypatch.setattr(output_sets.os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="No space left"):
        publish(tmp_path, {"main.json": "2", "main.txt": "two"})
    assert contents(tmp_path / "main") == before
    assert [p.name for p in tmp_path.iterdir()] == ["main"]


def test_a_refused_figure_leaves_the_previous_set_untouched(tmp_path):
    publish(tmp_path, {"main.json": "1"})
    before = contents(tmp_path / "main")
    output = OutputSet(tmp_path, "main", {"seed": 2})
    with pytest.raises(ValueError, match="not a finite number"):
        output.add_timings({"total_s": float("nan")})
    assert contents(tmp_path / "main") == before


def test_a_killed_publish_leaves_the_previous_set_and_the_next_run_cleans_up(tmp_path):
    publish(tmp_path, {"main.json": "1"})
    before = contents(tmp_path / "main")
    script = textwrap.dedent(f"""
        import os, signal
        from openfisca_ajk.tools import output_sets
        output_sets.OutputSet._swap = lambda self, staging, tag: os.kill(os.getpid(), signal.SIGKILL)
        output = output_sets.OutputSet({str(tmp_path)!r}, "main", {{"seed": 2}})
        output.add("main.json", "2")
        output.add("main_schemes.png", "half a set")
        output.publish()
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == -9
    leftovers = [p for p in tmp_path.iterdir() if p.name != "main"]
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".main.staging-pid")
    assert contents(tmp_path / "main") == before and check_set(tmp_path / "main") == []
    publish(tmp_path, {"main.json": "3"})
    assert [p.name for p in tmp_path.iterdir()] == ["main"]
    assert (tmp_path / "main" / "main.json").read_text() == "3"


def test_a_set_left_aside_by_a_kill_between_two_renames_is_put_back(tmp_path):
    publish(tmp_path, {"main.json": "1"})
    before = contents(tmp_path / "main")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    aside = tmp_path / f".main.previous-pid{int(dead.stdout)}-x1y2"
    os.rename(tmp_path / "main", aside)
    recover(tmp_path, "main")
    assert contents(tmp_path / "main") == before and not aside.exists()


def test_a_folder_that_is_not_a_set_is_never_replaced(tmp_path):
    (tmp_path / "main").mkdir()
    (tmp_path / "main" / "notes.txt").write_text("mine")
    with pytest.raises(OutputSetError, match="is not an output set"):
        publish(tmp_path, {"main.json": "1"})
    assert contents(tmp_path / "main") == {"notes.txt": b"mine"}


def test_a_folder_holding_an_input_is_never_replaced(tmp_path):
    publish(tmp_path, {"main.json": "1"})
    data = tmp_path / "main" / "persons.csv"
    data.write_text("person_id\n")
    with pytest.raises(OutputSetError, match="holds the input file"):
        publish(tmp_path, {"main.json": "2"}, protected=[data])
    assert data.read_text() == "person_id\n"


def run_main(folder, *extra):
    return main(["main", "--year", "2025", "--size", "0.0005", "--seed", "7", "--quiet", "--no-malloc-tuning",
                 "--no-cache", "--output", str(folder), *extra])


def test_the_same_seed_gives_byte_identical_files_but_the_timings(tmp_path):
    assert run_main(tmp_path / "first") == 0
    assert run_main(tmp_path / "second") == 0
    first, second = contents(tmp_path / "first" / "main"), contents(tmp_path / "second" / "main")
    assert sorted(first) == sorted(second) == sorted(
        ["main.json", "main_schemes.csv", "main.txt", "main_schemes.png", MANIFEST, TIMINGS])
    for name in first:
        if name != TIMINGS:
            assert first[name] == second[name], name
    report = json.loads(first["main.json"])
    assert "timings_s" not in report and "compute_s" in json.loads(first[TIMINGS])
    manifest = json.loads(first[MANIFEST])
    assert manifest["settings"] == {"command": "main", "period": "2025", "reform": None, "population": {
        "source": "synthetic", "seed": 7, "size": 0.0005, "year": 2025, "birth_dates": "spread"}}
    assert check_set(tmp_path / "first" / "main") == []


def test_a_run_failing_part_way_leaves_the_previous_set(tmp_path, monkeypatch, capsys):
    assert run_main(tmp_path) == 0
    before = contents(tmp_path / "main")
    from openfisca_ajk.reports import main_job as outputs

    def broken_chart(report):
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(outputs, "chart_png", broken_chart)
    assert main(["main", "--year", "2025", "--size", "0.0005", "--seed", "8", "--quiet", "--no-malloc-tuning",
                 "--no-cache", "--output", str(tmp_path)]) == 1
    assert "Input/output error" in capsys.readouterr().err
    assert contents(tmp_path / "main") == before      # seed 7's complete set, nothing of seed 8
    assert [p.name for p in tmp_path.iterdir()] == ["main"]
