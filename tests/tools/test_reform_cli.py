"""``openfisca_ajk.named_reforms`` and the ``openfisca-ajk reform`` command."""

import json

import pytest

import openfisca_ajk.named_reforms as named_reforms
from openfisca_ajk.cli import main
from openfisca_ajk.paths import law_folder
from openfisca_ajk.reform_diffs import list_reforms

from .helpers import data, kafaalat  # noqa: F401 (fixture)


def test_list_reforms_finds_the_kafaalat_file():
    assert "kafaalat_14500" in list_reforms()


def test_named_reforms_attribute_is_the_cached_reform_class(tax_benefit_system):
    reform = named_reforms.kafaalat_14500
    assert reform is named_reforms.kafaalat_14500
    assert kafaalat(reform(tax_benefit_system), "2026-02") == pytest.approx(14500 / 3)
    assert "kafaalat_14500" in dir(named_reforms)


def test_core_apply_reform_accepts_the_dotted_path(tax_benefit_system):
    reformed = tax_benefit_system.apply_reform("openfisca_ajk.named_reforms.kafaalat_14500")
    assert kafaalat(reformed, "2026-02") == pytest.approx(14500 / 3)
    assert kafaalat(tax_benefit_system, "2026-02") == pytest.approx(4500)


def test_an_unknown_name_is_an_attribute_error_listing_the_reforms():
    with pytest.raises(AttributeError, match="no reform 'kafaalat_99'.*kafaalat_14500"):
        named_reforms.kafaalat_99
    assert getattr(named_reforms, "__path__", None) is None


def test_check_exit_codes(capsys, data):
    assert main(["reform", "check", str(law_folder("reforms") / "kafaalat_14500.yaml")]) == 0
    assert "ok:" in capsys.readouterr().out
    assert main(["reform", "check", str(data / "misspelt_path.yaml")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "quartely_instalment: no such parameter" in captured.err
    assert "did you mean pakistan.bisp.kafaalat.quarterly_instalment" in captured.err


def test_check_of_a_missing_file_fails(capsys, data):
    assert main(["reform", "check", str(data / "no_such_file.yaml")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_check_lists_every_problem(capsys, data):
    assert main(["reform", "check", str(data / "wrong_types.yaml")]) == 1
    assert capsys.readouterr().err.count("\n  - ") == 4


def test_show_prints_baseline_and_reform_values(capsys):
    assert main(["reform", "show", "kafaalat_14500"]) == 0
    out = capsys.readouterr().out
    assert "pakistan.bisp.kafaalat.quarterly_instalment" in out
    assert "13,500" in out and "14,500" in out


def test_show_of_a_bounded_change_gives_the_value_after(capsys, data):
    assert main(["reform", "show", str(data / "bounded_instalment.yaml")]) == 0
    row = [line for line in capsys.readouterr().out.splitlines() if line.startswith("pakistan.")][0]
    assert row.split()[1:] == ["2024-01-01.2024-06-30", "10,500", "12,000", "10,500"]


def test_list_names_the_files(capsys):
    assert main(["reform", "list"]) == 0
    assert "kafaalat_14500" in capsys.readouterr().out


def test_compute_gives_baseline_and_reform_values(tmp_path, capsys):
    situation = tmp_path / "household.json"
    situation.write_text(json.dumps({
        "persons": {"Shazia": {"sex": {"ETERNITY": "female"}, "marital_status": {"2026-02": "married"},
                               "has_cnic": {"2026-02": True}}},
        "households": {"household": {"heads": ["Shazia"], "pmt_score": {"2026-02": 10}}},
    }))
    arguments = ["reform", "compute", "kafaalat_14500", "--situation", str(situation), "--period", "2026-02",
                 "--variables", "bisp_kafaalat", "--json"]
    assert main(arguments) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [row["id"] for row in rows] == ["household"]
    assert rows[0]["baseline"] == pytest.approx(4500)
    assert rows[0]["reform"] == pytest.approx(14500 / 3, abs=0.01)
    assert main([*arguments[:-3], "--variables", "bisp_kafalaat"]) == 1
    assert "unknown variable(s) bisp_kafalaat (did you mean bisp_kafaalat or" in capsys.readouterr().err


def test_compute_without_the_situation_file_fails(tmp_path, capsys):
    code = main(["reform", "compute", "kafaalat_14500", "--situation", str(tmp_path / "none.json"),
                 "--period", "2026-02"])
    assert code == 1
    assert "does not exist" in capsys.readouterr().err


def test_show_and_check_of_a_python_reform(capsys, data):
    assert main(["reform", "show", str(data / "python_top_up.py")]) == 0
    assert "variables added: bisp_kafaalat_per_quarter" in capsys.readouterr().out
    assert main(["reform", "check", str(data / "python_top_up.py")]) == 0
    assert "Python reform python_top_up applies" in capsys.readouterr().out
