"""A wrong reform is refused before any computation, with the loader's message naming it, and nothing is written."""

import pytest

from openfisca_ajk import cli
from openfisca_ajk.comparison import compare, prepare_reforms
from openfisca_ajk.comparison import evaluation as compare_module
from openfisca_ajk.reform_diffs import ReformFileError

HEADER = """name: {name}
label: A test reform
description: A reform file written by the comparison tests.
legal_basis:
  - title: Test
    href: https://example.org/
parameters:
"""
BAD = {
    "unknown_parameter": "  pakistan.bisp.kafaalat.quarterly_instalmnt:\n    2026-01-01: 14500\n",
    "wrong_type": "  pakistan.bisp.kafaalat.quarterly_instalment:\n    2026-01-01: lots\n",
    "overlapping_periods": ("  pakistan.bisp.kafaalat.quarterly_instalment:\n    2026-01-01.2026-12-31: 14500\n"
                            "    2026-06-01.2027-06-30: 15000\n"),
}


def write_reform(folder, name):
    path = folder / f"{name}.yaml"
    path.write_text(HEADER.format(name=name) + BAD[name], encoding="utf-8")
    return path


@pytest.fixture
def no_computation(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a computation started before the reforms were validated")
    monkeypatch.setattr(compare_module, "run_population", refuse)


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_wrong_reform_is_refused_before_any_computation(tmp_path, tax_benefit_system, population_2026, no_computation, name):
    path = write_reform(tmp_path, name)
    with pytest.raises(ReformFileError) as raised:
        compare(tax_benefit_system, ["kafaalat_14500", path], population_2026, "2026")
    assert "pakistan.bisp.kafaalat.quarterly_instalm" in str(raised.value)


def test_messages_name_the_problem(tmp_path, tax_benefit_system):
    messages = {}
    for name in BAD:
        with pytest.raises(ReformFileError) as raised:
            prepare_reforms(tax_benefit_system, [write_reform(tmp_path, name)])
        messages[name] = str(raised.value)
    assert "quarterly_instalmnt" in messages["unknown_parameter"]
    assert "lots" in messages["wrong_type"] or "number" in messages["wrong_type"]
    assert "overlap" in messages["overlapping_periods"]


def test_several_wrong_reforms_are_listed_together(tmp_path, tax_benefit_system):
    paths = [write_reform(tmp_path, name) for name in ("unknown_parameter", "wrong_type")]
    with pytest.raises(ReformFileError) as raised:
        prepare_reforms(tax_benefit_system, paths)
    assert "quarterly_instalmnt" in str(raised.value) and "wrong_type" in str(raised.value)


@pytest.mark.parametrize("name", sorted(BAD))
def test_the_command_writes_nothing_for_a_wrong_reform(tmp_path, capsys, name):
    path = write_reform(tmp_path, name)
    output = tmp_path / "out"
    status = cli.main(["compare", "kafaalat_14500", str(path), "--size", "0.001", "--no-cache", "--output", str(output), "--quiet"])
    assert status == 1
    assert "pakistan.bisp.kafaalat.quarterly_instalm" in capsys.readouterr().err
    assert not output.exists()


def test_an_unknown_reform_name_is_refused(tax_benefit_system):
    with pytest.raises((ValueError, FileNotFoundError)):
        prepare_reforms(tax_benefit_system, ["no_such_reform"])
