"""Inputs used by Pakistan Bait-ul-Mal schemes, and the family income its tests use."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person

PBM_PROJECTS = "https://pbm.gov.pk/projects.html"


class pbm_ifa_medical_cost_claimed(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Cost of treatment in a public hospital claimed from PBM Individual Financial Assistance this month, PKR"
    reference = PBM_PROJECTS
    documentation = """
    Cost of the treatment (cancer, heart disease, hepatitis, tuberculosis, organ
    surgery, dialysis...) estimated by the public hospital on a specialist's
    recommendation, for a case submitted to PBM in this month.
    """


class receives_other_government_aid(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Is aided for the same need by another government agency"
    reference = PBM_PROJECTS
    documentation = "Persons aided by other government agencies are excluded from PBM Individual Financial Assistance."


class is_registered_with_bisp(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Is registered as a beneficiary with the Benazir Income Support Programme"
    reference = "https://pid.gov.pk/site/press_detail/21729"
    documentation = "Registered with BISP as a beneficiary; the PBM Orphans and Widows Support Programme serves BISP-registered widows."


class pbm_household_income(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Household income for PBM's income tests, PKR per month"
    reference = PBM_PROJECTS
    documentation = """
    Monthly household income: the gross wages and self-employment income of all
    members. Other incomes (pensions, transfers, rents) are not recorded by the
    model's core inputs and are left out.
    """

    def formula(household, period, parameters):
        wages = household.members("monthly_wage", period)
        own_account = household.members("self_employment_income", period)
        return household.sum(wages + own_account)
