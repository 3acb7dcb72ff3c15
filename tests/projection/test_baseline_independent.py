"""Today's law projects the same whatever reforms are projected beside it; nothing in kind is costed; no share
of a budget that has no sourced figure."""

import json

import pytest

from openfisca_ajk.projection import costing_grid

SIZE = 0.0005


@pytest.fixture(scope="module")
def grids():
    one = costing_grid(laws=["baseline", "kafaalat_14500"], first=2024, last=2026, size=SIZE)
    other = costing_grid(laws=["baseline", "universal_old_age_pension", "draft_social_security_act"], first=2024,
                         last=2026, size=SIZE)
    return one, other


def test_baseline_rows_do_not_depend_on_the_reforms(grids):
    one, other = ([row for row in rows if row["law"] == "baseline"] for rows in grids)
    assert one and json.dumps(one) == json.dumps(other)     # NaN (totals' recipients) compares equal as text


def test_in_kind_schemes_are_not_costed(grids):
    rows = [row for rows in grids for row in rows if row["periodicity"] == "in_kind"]
    assert rows and all(row["total_cost_pkr"] is None and row["pct_gdp"] is None for row in rows)


def test_no_share_of_an_unsourced_social_protection_budget(grids):
    assert all(row["pct_social_protection_budget"] is None for rows in grids for row in rows)


@pytest.fixture(scope="module")
def draft_grid():
    return costing_grid(laws=["baseline", "draft_social_security_act"], first=2025, last=2029, size=SIZE)


def test_a_reform_leaves_the_schemes_it_does_not_touch_as_in_today_s_law(draft_grid):
    """The draft act changes only the contributory scheme: every other scheme's row is today's law's, in every
    year (before, the draft's years were evaluated and today's law projected, and the difference read as a
    saving of Rs 7.7 bn in 2027)."""
    base = {(r["year"], r["scheme"]): r for r in draft_grid if r["law"] == "baseline"}
    draft = [r for r in draft_grid if r["law"] == "draft_social_security_act"]
    assert {r["year"] for r in draft} == set(range(2025, 2030))
    for row in draft:
        if row["scheme"].startswith("ss_") or row["scheme"] == "TOTAL_CASH":
            continue
        before = base[(row["year"], row["scheme"])]
        assert row["total_cost_pkr"] == pytest.approx(before["total_cost_pkr"]), (row["year"], row["scheme"])
        assert row["recipients"] == pytest.approx(before["recipients"]), (row["year"], row["scheme"])


def test_the_draft_s_total_is_today_s_plus_the_fund_s_benefits(draft_grid):
    def by_year(law, scheme=None):
        out = {}
        for r in draft_grid:
            if r["law"] == law and (r["scheme"] == "TOTAL_CASH" if scheme is None else r["scheme"].startswith(scheme)):
                if r["total_cost_pkr"] is not None:
                    out[r["year"]] = out.get(r["year"], 0.0) + r["total_cost_pkr"]
        return out
    base, draft, fund = by_year("baseline"), by_year("draft_social_security_act"), by_year("draft_social_security_act", "ss_")
    for year in range(2025, 2030):
        assert draft[year] == pytest.approx(base[year] + fund.get(year, 0.0), rel=1e-9), year
    assert fund[2027] > 0 and fund[2026] == 0     # the scheme pays from its start, 1 January 2027


def test_the_draft_is_evaluated_every_year_from_its_start():
    from openfisca_ajk.projection.grid import evaluation_years
    assert evaluation_years(["draft_social_security_act"], 2025, 2030, known=2025) == (2025, 2027, 2028, 2029, 2030)
    assert evaluation_years(["baseline"], 2025, 2030, known=2025) == (2025,)
    # the law of every year up to the current one is known: evaluated, not projected
    assert evaluation_years(["baseline"], 2023, 2030, known=2026) == (2023, 2024, 2025, 2026)
