"""Household totals: social assistance, social insurance, disposable income (PKR per month)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household
from openfisca_ajk.totals import SOCIAL_ASSISTANCE_KINDS, SOCIAL_INSURANCE_KINDS, household_sum_of_outputs

CONTRACT = "https://www.ilo.org/resource/other/social-protection-floors-recommendation-2012-no-202"


class social_assistance_total(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Total cash social assistance received by the household, PKR per month"
    reference = CONTRACT
    documentation = """
    Sum of every cash social-assistance scheme in the scheme registry (BISP,
    Bait-ul-Mal, Zakat, AJK schemes), person-level amounts summed over members.
    Quarterly benefits count one third in each month; one-off grants count in
    the month of the event. In-kind entitlements (health card) are not included.
    """

    def formula(household, period, parameters):
        return household_sum_of_outputs(household, period, SOCIAL_ASSISTANCE_KINDS)


class social_insurance_benefits_total(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Total social-insurance and public-service benefits received by the household, PKR per month"
    reference = "https://www.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"
    documentation = """
    Sum of the cash benefits of every contributory scheme (the draft social
    security scheme's branches, zero until a law brings them into force) and of
    the public servants' pensions and grants in the scheme registry.
    """

    def formula(household, period, parameters):
        return household_sum_of_outputs(household, period, SOCIAL_INSURANCE_KINDS)


class household_market_income(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Household income from work: wages and self-employment income of all members, PKR per month"
    reference = "https://www.pbs.gov.pk/content/household-integrated-economic-survey-hies-2018-19"
    documentation = "Gross wages plus net self-employment income of every member."

    def formula(household, period, parameters):
        wages = household.sum(household.members("monthly_wage", period))
        self_employment = household.sum(household.members("self_employment_income", period))
        return wages + self_employment


class household_social_contributions(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Social-security contributions paid by the household's members, PKR per month"
    reference = "https://www.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"
    documentation = "Employee contributions to the contributory scheme (zero while it is not in force)."

    def formula(household, period, parameters):
        if "ss_employee_contribution" not in household.simulation.tax_benefit_system.variables:
            return household.empty_array()
        return household.sum(household.members("ss_employee_contribution", period))


class disposable_income(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Household disposable income, PKR per month"
    reference = "https://www.pbs.gov.pk/content/household-integrated-economic-survey-hies-2018-19"
    documentation = """
    Income from work, plus cash social assistance, plus social-insurance and
    public-service benefits, minus employee social-security contributions.
    """

    def formula(household, period, parameters):
        market_income = household("household_market_income", period)
        assistance = household("social_assistance_total", period)
        insurance = household("social_insurance_benefits_total", period)
        contributions = household("household_social_contributions", period)
        return market_income + assistance + insurance - contributions
