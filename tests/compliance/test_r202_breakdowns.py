"""R202 floor check broken down by district, urban/rural area and consumption quintile (small population)."""

import json

import pytest

from openfisca_ajk.compliance import compliance_report, write_compliance_report
from openfisca_ajk.enums import District

from .conftest import DATE

BREAKDOWNS = ("district", "area", "quintile")
INCOME = ("children", "active_age", "older_persons")


@pytest.fixture(scope="module")
def report(population):
    return compliance_report(None, DATE, population=population)


@pytest.fixture(scope="module")
def guarantees(report):
    return {g.guarantee: g for g in report.r202}


def test_every_guarantee_has_each_breakdown(guarantees):
    assert set(guarantees) == {"health_care", *INCOME}
    for g in guarantees.values():
        assert set(g.breakdowns) == set(BREAKDOWNS)
        assert set(g.breakdowns["district"]) <= {d.name for d in District} and len(g.breakdowns["district"]) > 1
        assert set(g.breakdowns["area"]) <= {"rural", "urban"}
        assert set(g.breakdowns["quintile"]) <= {f"Q{i}" for i in range(1, 6)}
        keys = {"persons", "reached_pct", "intervals"}
        if g.guarantee in INCOME:
            keys |= {"below_minimum_pct", "gap_pct_of_line", "gap_pkr_per_month"}
        for rows in g.breakdowns.values():
            assert all(set(row) == keys for row in rows.values())
            for row in rows.values():     # a sample: each cell's figures with their 95 % intervals
                entry = row["intervals"]["reached_pct"]
                assert entry["low"] <= row["reached_pct"] <= entry["high"]
                if g.guarantee in INCOME:
                    assert row["intervals"]["gap_pkr_per_month"]["low"] <= row["gap_pkr_per_month"]


@pytest.mark.parametrize("breakdown", BREAKDOWNS)
def test_groups_sum_to_the_group_and_shares_average_to_the_overall_share(guarantees, breakdown):
    for g in guarantees.values():
        rows = g.breakdowns[breakdown].values()
        persons = sum(row["persons"] for row in rows)
        assert persons == pytest.approx(g.group_persons, rel=1e-9)
        overall = {"reached_pct": g.reached_pct}
        if g.guarantee in INCOME:
            overall.update(below_minimum_pct=g.below_minimum_pct, gap_pct_of_line=g.gap_pct_of_line)
            assert sum(row["gap_pkr_per_month"] for row in rows) == pytest.approx(g.gap_pkr_per_month, rel=1e-9)
        for key, value in overall.items():
            mean = sum(row["persons"] * row[key] for row in rows) / persons
            assert mean == pytest.approx(value, abs=1e-3), (g.guarantee, breakdown, key)   # shares rounded to 0.001


def test_largest_gap_district_is_named(report, guarantees):
    for name in INCOME:
        g = guarantees[name]
        worst = g.largest_gap_district
        districts = g.breakdowns["district"]
        assert worst["gap_pkr_per_month"] == max(row["gap_pkr_per_month"] for row in districts.values())
        assert worst["label"] == District[worst["district"]].value
        assert f"{name.replace('_', ' ')} in {worst['label']}" in report.summary
    assert "Largest gap by district:" in report.summary


def test_breakdowns_in_the_json_and_the_page(report, tmp_path):
    json_path, html_path = write_compliance_report(report, tmp_path)
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert next(iter(data)) == "summary"
    for g in data["r202"]:
        assert set(g["breakdowns"]) == set(BREAKDOWNS)
    page = html_path.read_text(encoding="utf-8")
    assert page.index('class="summary"') < page.index("<h2")
    start = page.index("R202 social protection floor")
    for title in ("By district", "By urban or rural", "By consumption quintile"):
        assert page.index(title) > start
    assert District.muzaffarabad.value in page[start:]
