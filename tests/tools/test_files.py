"""Atomic output files: all or nothing, never over an input."""

import pytest

from openfisca_ajk.tools.files import atomic_stream, atomic_write


def test_atomic_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "out" / "report.txt"
    atomic_write(target, "first")
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["report.txt"]


def test_a_failure_leaves_the_previous_file_and_no_temporary(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_stream(target) as handle:
        handle.write("half")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_an_input_file_is_never_overwritten(tmp_path):
    source = tmp_path / "persons.csv"
    source.write_text("person_id\n", encoding="utf-8")
    with pytest.raises(ValueError, match="refusing to overwrite the input file"):
        atomic_write(source, "results", protected=[source])
    assert source.read_text(encoding="utf-8") == "person_id\n"
