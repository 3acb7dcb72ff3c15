"""The compliance report (HTML + JSON, summary first), the R202 floor check and the life-cycle matrix."""

import json

import pytest

from openfisca_ajk.cli import main
from openfisca_ajk.compliance import build_matrix, compliance_report, write_compliance_report, write_matrix
from openfisca_ajk.compliance.matrix import LIFE_CYCLE
from openfisca_ajk.scheme_registry import load_schemes

from .conftest import DATE, SEED

INCOME = ("children", "active_age", "older_persons")


@pytest.fixture(scope="module")
def today_report(population):
    return compliance_report(None, DATE, population=population)


@pytest.fixture(scope="module")
def matrix(draft_system, population):
    return build_matrix(draft_system, 2027, population=population, catalogue="../catalogue")


def test_todays_law_r202_gaps_by_group(today_report):
    guarantees = {g.guarantee: g for g in today_report.r202}
    assert set(guarantees) == {"health_care", *INCOME}
    for name in INCOME:
        g = guarantees[name]
        assert g.verdict == "gap"
        assert 0 < g.reached_pct < 100 and g.below_minimum_pct > 0 and g.gap_pkr_per_month > 0
        assert set(g.below_minimum_by_sex_pct) == {"female", "male"}
        assert g.schemes_in_force and not any(s.startswith("ss_") for s in g.schemes_in_force)
    assert guarantees["health_care"].gap_pkr_per_month is None
    assert "R202 gaps: children" in today_report.summary


def test_report_files_open_in_a_browser_with_the_summary_first(today_report, tmp_path):
    json_path, html_path = write_compliance_report(today_report, tmp_path)
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert next(iter(data)) == "summary" and data["summary"].startswith("Meets no Part of C102")
    assert data["c102"]["parts_met"] == [] and len(data["r202"]) == 4
    page = html_path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and page.rstrip().endswith("</html>")
    assert "<script" not in page and "stylesheet" not in page
    assert page.index('class="summary"') < page.index("<h2")
    assert not list(tmp_path.glob(".*"))          # no temporary file left behind


def test_every_registered_scheme_is_in_the_matrix(matrix):
    names = {row["scheme"] for row in matrix["rows"]}
    assert names == {s.name for s in load_schemes()}


@pytest.mark.parametrize("scheme", load_schemes(), ids=lambda s: s.name)
def test_every_matrix_row_carries_c102_or_r202_metadata(matrix, scheme):
    rows = [row for row in matrix["rows"] if row["scheme"] == scheme.name]
    assert len(rows) == len(scheme.contingencies) >= 1
    for row in rows:
        assert row["c102_parts"] or row["r202_guarantees"], f"{scheme.name} has no C102 Part and no R202 guarantee"
        assert row["legal_instrument"]["title"] and row["legal_instrument"]["href"]


def test_matrix_follows_the_life_cycle_and_computes_coverage(matrix):
    stages = [row["stage"] for row in matrix["rows"]]
    order = [stage for stage, _ in LIFE_CYCLE] + ["other"]
    assert stages == sorted(stages, key=order.index)
    old_age = next(r for r in matrix["rows"] if r["scheme"] == "ss_old_age_pension")
    assert old_age["status"].startswith("draft, in force") and old_age["persons_protected"] > 0
    family = next(r for r in matrix["rows"] if r["scheme"] == "ss_family_benefit")
    assert family["annual_cost_pkr"] > 0 and family["coverage_pct"] > 0


def test_matrix_files(matrix, tmp_path):
    json_path, md_path, html_path = write_matrix(matrix, tmp_path)
    assert json.loads(json_path.read_text(encoding="utf-8"))["rows"] == json.loads(json.dumps(matrix["rows"]))
    markdown, page = md_path.read_text(encoding="utf-8"), html_path.read_text(encoding="utf-8")
    for scheme in load_schemes():
        assert scheme.label.replace("|", "\\|") in markdown
        assert f'href="../catalogue/schemes/{scheme.name}.html"' in page


def test_command_lines(tmp_path):
    assert main(["compliance", "--size", "800", "--seed", str(SEED), "--output", str(tmp_path / "c"), "--quiet"]) == 0
    assert (tmp_path / "c" / "compliance.html").is_file() and (tmp_path / "c" / "compliance.json").is_file()
    assert main(["matrix", "--size", "800", "--output", str(tmp_path / "m"), "--catalogue", ""]) == 0
    assert {p.name for p in (tmp_path / "m").iterdir()} == {"matrix.json", "matrix.md", "matrix.html"}


def test_matrix_in_kind_rows_are_counted_with_intervals_never_costed(matrix):
    card = next(r for r in matrix["rows"] if r["scheme"] == "sehat_card")
    assert card["annual_cost_pkr"] is None and "annual_cost_pkr" not in card["intervals"]
    recipients = card["intervals"]["recipients_persons"]
    assert recipients["low"] < card["recipients_persons"] < recipients["high"]
    # every person holds the card: a ratio to the population on the same sample is exact, whatever the sample
    assert card["coverage_pct"] == pytest.approx(100.0) and card["intervals"]["coverage_pct"]["half_width"] == pytest.approx(0.0, abs=1e-9)


def test_the_page_names_its_population_in_words():
    from openfisca_ajk.compliance.compliance_page import population_sentence
    sentence = population_sentence({"source": "synthetic", "records_persons": 53835, "records_households": 8419,
                                    "persons": 5383500.0, "year": 2029, "size": 0.01, "seed": 1})
    assert sentence == ("Population: synthetic, 53,835 person records in 8,419 households (size 0.01; seed 1), "
                        "weighted to 5,383,500 persons in 2029.")
