"""The costing page and CSV: a scheme in kind is shown as not costed, a share without its budget as n/a."""

from openfisca_ajk.projection.costing_page import NOT_COSTED, csv_text, render_costing_page, scheme_rows, total_rows

SETTINGS = {"laws": ["today"], "scenarios": ["central"], "first": 2026, "last": 2026, "size": 0.01, "seed": 1}
CASH = {"law": "today", "scenario": "central", "year": 2026, "scheme": "bisp_kafaalat", "kind": "cash_transfer",
        "status": "in_force", "recipients": 1500.0, "total_cost_pkr": 2_500_000.0}
IN_KIND = {**CASH, "scheme": "sehat_card", "kind": "health_insurance", "total_cost_pkr": None, "pct_gdp": None}
TOTAL = {"law": "today", "scenario": "central", "year": 2026, "scheme": "TOTAL_CASH", "recipients": None,
         "total_cost_pkr": 2_500_000.0, "pct_gdp": 0.0125, "pct_total_budget": 0.5, "pct_social_protection_budget": None}


def test_a_scheme_in_kind_is_not_costed_and_an_unknown_share_is_na():
    assert [row[-1] for row in scheme_rows([CASH, IN_KIND, TOTAL])] == ["2.5", NOT_COSTED]
    assert total_rows([CASH, IN_KIND, TOTAL]) == [("today", "central", 2026, "0.00", "0.013", "0.50", "n/a")]
    page = render_costing_page([CASH, IN_KIND, TOTAL], SETTINGS)
    assert NOT_COSTED in page and "n/a" in page


def test_the_csv_leaves_an_undefined_figure_empty():
    assert csv_text(("scheme", "recipients", "cost"), [["TOTAL_CASH", None, 2.5e6], ["a, b", 3, 0.125]]) == (
        "scheme,recipients,cost\nTOTAL_CASH,,2.5e+06\n\"a, b\",3,0.125\n")
