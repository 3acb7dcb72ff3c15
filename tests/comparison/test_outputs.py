"""The report files are written (HTML, Markdown, JSON, CSV, PNG), all or nothing, and agree with the JSON."""

import csv
import html
import json
import re

import pytest

from openfisca_ajk.comparison import compare, write_comparison
from openfisca_ajk.comparison import outputs as outputs_module
from openfisca_ajk.comparison.summary import rupees
from openfisca_ajk.precision import rounded
from openfisca_ajk.tools import files as files_module

PNG = b"\x89PNG\r\n\x1a\n"
CHARTS = ("deciles", "cost_by_scheme", "coverage", "winners_losers")


@pytest.fixture(scope="module")
def result(tax_benefit_system, population_2026, baseline_2026):
    return compare(tax_benefit_system, ["kafaalat_14500", "universal_old_age_pension"], population_2026, "2026",
                   baseline=baseline_2026)


@pytest.fixture(scope="module")
def written(result, tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare")
    paths, data = write_comparison(result, folder)
    return folder, paths, data


def test_every_file_is_written(written):
    folder, paths, _ = written
    names = {p.name for p in paths}
    expected = {"compare.html", "compare.md", "compare.json", "compare_figures.csv", "compare_schemes.csv",
                "compare_deciles.csv"} | {f"compare_{c}.png" for c in CHARTS}
    assert names == expected
    assert sorted(p.name for p in folder.iterdir()) == sorted(expected)   # no temporary file left
    for chart in CHARTS:
        assert (folder / f"compare_{chart}.png").read_bytes().startswith(PNG)
    page = (folder / "compare.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == len(CHARTS) and "<style>" in page and "src='http" not in page


def test_the_summary_agrees_with_the_json(written):
    folder, _, _ = written
    data = json.loads((folder / "compare.json").read_text(encoding="utf-8"))
    markdown = (folder / "compare.md").read_text(encoding="utf-8")
    page = (folder / "compare.html").read_text(encoding="utf-8")
    for reform in data["reforms"]:
        totals, poverty = reform["totals"], reform["poverty"]
        intervals = reform["intervals"]      # the sample's 95 % intervals: figures rounded to what they support
        first = reform["summary"][0]
        budget = intervals["budget_cost_change_pkr"]
        assert rupees(abs(rounded(totals["net_cost_pkr"], budget["half_width"])), budget["step"]) in first
        assert f"{totals['net_cost_pct_total_budget']:+.2f} % of it" in first     # the AJK budget's part only
        if abs(totals["federal_budget_cost_change_pkr"]) >= 0.5:
            assert "federal budget" in first and "not part of the AJK budget" in first
        reached = intervals["households"]["net_reached"]
        shown = f"reaches {abs(rounded(reached['estimate'], reached['half_width'])):,.0f}"
        assert shown + (" (95 % interval" if reached["step"] else " more") in reform["summary"][1]
        lifted = rounded(poverty["persons_lifted_out"], intervals["persons_lifted_out"]["half_width"])
        assert f"lifts {lifted:,.0f} (95 % interval" in reform["summary"][2]
        assert intervals["persons_lifted_out"]["low"] >= 0       # a count's interval stops at zero
        change = intervals["poverty_by_group"]["all"]["fgt0_change_pp"]
        assert change["low"] <= poverty["by_group"]["all"]["fgt0_change_pp"] <= change["high"]
        assert re.search(r"headcount changes by -?[\d.]+ pp \(95 % interval", reform["summary"][2])
        gini = intervals["gini"]["change"]
        assert gini["low"] <= reform["inequality"]["gini_change"] <= gini["high"]
        assert "95 % interval" in next(s for s in reform["summary"] if s.startswith("The Gini index"))
        for sentence in reform["summary"]:
            assert sentence in markdown
            assert sentence in html.unescape(page)
    pension = next(r for r in data["reforms"] if r["name"] == "universal_old_age_pension")
    amount = float(re.search(r"costs public budgets Rs ([\d,.]+) bn", pension["summary"][0]).group(1).replace(",", ""))
    half_width = pension["intervals"]["budget_cost_change_pkr"]["half_width"]
    assert amount == pytest.approx(rounded(pension["totals"]["net_cost_pkr"], half_width) / 1e9, abs=0.005)


def test_the_csv_holds_every_figure_of_the_json(written):
    folder, _, data = written
    with (folder / "compare_figures.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    figures = {(row["reform"], row["figure"]): row["value"] for row in rows}
    for reform in data["reforms"]:
        assert float(figures[(reform["name"], "totals.net_cost_pkr")]) == reform["totals"]["net_cost_pkr"]
        assert float(figures[(reform["name"], "poverty.persons_lifted_out")]) == reform["poverty"]["persons_lifted_out"]
        assert float(figures[(reform["name"], "deciles[3].relative_change_pct")]) == reform["deciles"][2]["relative_change_pct"]
    with (folder / "compare_schemes.csv").open(encoding="utf-8") as handle:
        schemes = list(csv.DictReader(handle))
    assert len(schemes) == sum(len(r["schemes"]) for r in data["reforms"])


def test_an_error_while_writing_leaves_no_file(result, tmp_path, monkeypatch):
    files, _ = outputs_module.render_files(result)
    folder = tmp_path / "out"
    calls = {"n": 0}
    original = files_module.os.fdopen

    def failing(descriptor, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return original(descriptor, *args, **kwargs)

    monkeypatch.setattr(files_module.os, "fdopen", failing)
    with pytest.raises(OSError):
        outputs_module.write_files(folder, files)
    assert list(folder.iterdir()) == []


def test_an_input_file_is_never_overwritten(result, tmp_path):
    files, _ = outputs_module.render_files(result)
    protected = tmp_path / "compare.json"
    protected.write_text("input", encoding="utf-8")
    with pytest.raises(ValueError, match="refusing to overwrite"):
        outputs_module.write_files(tmp_path, files, protected=[protected])
    assert protected.read_text(encoding="utf-8") == "input"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["compare.json"]


def test_every_table_figure_of_a_sample_carries_its_interval(written):
    """No figure to the rupee from a sample: each number in the tables is rounded to its 95 % interval and followed
    by the half-width, except exact zeros (nothing changes, or no one is there)."""
    folder, _, data = written
    from openfisca_ajk.comparison.comparison_page import tables
    for reform in data["reforms"]:
        for title, header, rows, first in tables(reform):
            for row in rows:
                for cell in row[first:]:
                    text = str(cell)
                    if text in ("", "-", "yes", "no", "100.00", "not estimable from this sample") or _exact_zero(text):
                        continue
                    assert "+-" in text, (reform["name"], title, row[0], text)
    pension = next(r for r in data["reforms"] if r["name"] == "universal_old_age_pension")
    cost = dict((row[0], row[1]) for row in tables(pension)[0][2])
    shown = cost["budget cost (cash benefits paid from public budgets)"]
    entry = pension["intervals"]["tables"]["cost"]["budget_cost_pkr"]
    value, half = (float(part.replace(",", "")) for part in shown.split(" +- "))
    assert value == pytest.approx(rounded(entry["estimate"], entry["half_width"]) / 1e6)
    assert abs(half - entry["half_width"] / 1e6) <= entry["step"] / 1e6
    assert "PKR m a year" in (folder / "compare.md").read_text(encoding="utf-8")


def _exact_zero(text):
    try:
        return float(text.replace(",", "")) == 0
    except ValueError:
        return False


def test_an_amount_in_a_sentence_keeps_no_decimal_its_interval_does_not_support():
    assert rupees(7.7e9, 1e8) == "Rs 7.7 bn" and rupees(7.7e9) == "Rs 7.70 bn"
    assert rupees(290e6, 1e7) == "Rs 290 m" and rupees(290e6) == "Rs 290.0 m"
    assert rupees(12_345.0, 100.0) == "Rs 12,345"       # whole rupees at most
