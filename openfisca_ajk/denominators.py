"""Shares of a budget: only with a sourced denominator, and only for schemes the budget contains.

- % of GDP and % of the total AJK budget (``population.parameters.fiscal_denominators``) for every cash scheme;
- % of the AJK social-protection allocation only for social-assistance schemes, and only where a sourced,
  dated allocation is encoded (``macro.ajk_budget.social_protection``). None is today: the "Rs 1,766 m
  social-protection budget 2022-23" could not be verified, and the social welfare department's recurrent
  budget (Rs 617.6 m, 2022-23) does not contain the schemes costed here, so the share is left out (None)
  and the reports say why;
- schemes in kind are never costed, so they have no share of anything.
"""

SOCIAL_PROTECTION = "social_protection_budget"
SOCIAL_PROTECTION_PARAMETER = "macro.ajk_budget.social_protection"
NO_SOCIAL_PROTECTION_DENOMINATOR = (
    "no % of the social-protection budget: no sourced AJK social-protection allocation is encoded "
    f"({SOCIAL_PROTECTION_PARAMETER}); the Rs 1,766 m figure for 2022-23 could not be verified and the social "
    "welfare department's recurrent budget does not contain these schemes")


def social_protection_denominator(fiscal):
    """The sourced social-protection allocation (PKR) in ``fiscal`` (``fiscal_denominators``), or None."""
    value, parameter = fiscal.get(SOCIAL_PROTECTION, (None, None))
    return value if parameter == SOCIAL_PROTECTION_PARAMETER and value else None


def share_pct(value, denominator):
    """100 x value / denominator, or None without a value or a denominator."""
    if value is None or not denominator:
        return None
    return 100 * value / denominator


def social_protection_share_pct(value, fiscal, kind):
    """% of the sourced social-protection allocation, for social-assistance schemes only (else None)."""
    if kind != "social_assistance":
        return None
    return share_pct(value, social_protection_denominator(fiscal))
