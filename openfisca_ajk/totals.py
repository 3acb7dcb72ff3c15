"""Which scheme outputs enter the household totals, read from the scheme registry.

Cash schemes only: an in-kind entitlement (the health card's cover) is not income.
A scheme added to the registry enters the right total without editing a formula.
"""

from openfisca_ajk.scheme_registry import load_schemes

SOCIAL_ASSISTANCE_KINDS = frozenset({"social_assistance"})
SOCIAL_INSURANCE_KINDS = frozenset({"social_insurance", "public_service"})


def cash_scheme_outputs(kinds, tax_benefit_system):
    """(output variable, entity key) of every registered cash scheme of these kinds defined in the system."""
    return [
        (scheme.output, scheme.entity)
        for scheme in load_schemes()
        if scheme.kind in kinds
        and scheme.periodicity != "in_kind"
        and scheme.output in tax_benefit_system.variables
    ]


def household_sum_of_outputs(household, period, kinds):
    """Sum, per household, of the outputs of every registered cash scheme of ``kinds``."""
    tax_benefit_system = household.simulation.tax_benefit_system
    total = household.empty_array().astype("float64")
    for output, entity in cash_scheme_outputs(kinds, tax_benefit_system):
        if entity == "household":
            total += household(output, period)
        else:
            total += household.sum(household.members(output, period))
    return total
