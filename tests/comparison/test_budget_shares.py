"""A share of the AJK budget only for what the AJK budget pays: federal schemes (BISP, Pakistan Bait-ul-Mal) and
the contributory fund's benefits are not part of it."""

from openfisca_ajk.reports.main_job import scheme_table
from openfisca_ajk.scheme_registry import get_scheme


def test_who_pays_each_scheme():
    assert get_scheme("bisp_kafaalat").budget == "federal" and not get_scheme("bisp_kafaalat").in_ajk_budget
    assert get_scheme("pbm_special_friends").budget == "federal"
    assert get_scheme("ss_family_benefit").budget == "contributory_fund"
    assert get_scheme("ajk_civil_pension").in_ajk_budget


def _row(scheme, cost, pct, budget):
    return {"scheme": scheme, "entity": "person", "eligible_units": 1, "receiving_units": 1, "beneficiaries_persons": 1,
            "annual_cost_pkr": cost, "cost_pct_total_budget": pct, "cost_pct_gdp": 0.1, "coverage_pct": 1.0,
            "cash": True, "budget": budget}


def test_the_main_table_names_who_pays_instead_of_a_share():
    report = {"period": "2029", "months": 12, "population": {"persons": 10, "households": 2, "source": "synthetic"},
              "schemes": [_row("ajk_civil_pension", 3e9, 1.25, "ajk"), _row("bisp_kafaalat", 2e9, None, "federal"),
                          _row("ss_family_benefit", 1e9, None, "contributory_fund")],
              "totals": {"annual_cost_pkr": 6e9}}
    lines = {line.split()[0]: line for line in scheme_table(report).splitlines() if line.split()}
    assert "1.25" in lines["ajk_civil_pension"]
    assert "federal" in lines["bisp_kafaalat"].split() and "fund" in lines["ss_family_benefit"].split()
    assert "not part of the AJK budget" in scheme_table(report)


def test_the_costing_gives_no_share_of_the_ajk_budget_to_federal_schemes():
    from openfisca_ajk.projection import costing_grid

    rows = costing_grid(laws=["baseline"], scenarios=["central"], first=2026, last=2026, size=0.002)
    by_scheme = {row["scheme"]: row for row in rows}
    assert by_scheme["bisp_kafaalat"]["pct_total_budget"] is None and by_scheme["bisp_kafaalat"]["pct_gdp"] > 0
    total = by_scheme["TOTAL_CASH"]
    assert 0 < total["ajk_budget_cost_pkr"] < total["total_cost_pkr"]
    assert total["pct_total_budget"] == 100 * total["ajk_budget_cost_pkr"] / total["total_budget_pkr"]
    assert total["pct_total_budget"] < 100
