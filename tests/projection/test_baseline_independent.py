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
