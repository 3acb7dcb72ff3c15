"""A share of a budget only with a sourced denominator that contains the figure."""

from openfisca_ajk.denominators import social_protection_share_pct
from openfisca_ajk.population.parameters import fiscal_denominators


def test_no_sourced_social_protection_allocation(tax_benefit_system):
    fiscal = fiscal_denominators(tax_benefit_system, 2026)
    assert fiscal["social_protection_budget"] == (None, None)
    assert fiscal["total_budget"] == (310_200_000_000.0, "macro.ajk_budget.total_outlay")   # FY2025-26, ARY News


def test_social_protection_share_only_for_social_assistance():
    fiscal = {"social_protection_budget": (2_000_000_000.0, "macro.ajk_budget.social_protection")}
    assert social_protection_share_pct(500_000_000.0, fiscal, "social_assistance") == 25.0
    assert social_protection_share_pct(500_000_000.0, fiscal, "public_service") is None
    unsourced = {"social_protection_budget": (1_766_000_000.0, "population.fiscal.social_protection_budget")}
    assert social_protection_share_pct(500_000_000.0, unsourced, "social_assistance") is None
