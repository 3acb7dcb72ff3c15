"""Household totals: social assistance, social insurance, disposable income (PKR per month).

What each total adds up is a dated list of variable names in ``parameters/household/totals/`` (as
PolicyEngine's ``adds``): a reform adds a scheme to a total, or removes one, from a date, and the
catalogue shows which variables each total reads.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household

CONTRACT = "https://www.ilo.org/resource/other/social-protection-floors-recommendation-2012-no-202"


def household_sum(household, period, names, parameter):
    """Sum per household (float64) of the variables ``names``; a person variable is summed over the members.

    ``parameter`` is the dotted name of the list, for the error naming a listed name that is no variable.
    """
    variables = household.simulation.tax_benefit_system.variables
    total = numpy.zeros(household.count, dtype=numpy.float64)
    for name in names:
        variable = variables.get(name)
        if variable is None:
            raise ValueError(f"parameter {parameter} lists '{name}', which is not a variable of the system")
        if variable.entity.key == household.entity.key:
            total += household(name, period)
        else:
            total += household.sum(household.members(name, period))
    return total


class social_assistance_total(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Total cash social assistance received by the household, PKR per month"
    reference = CONTRACT
    documentation = """
    Sum of the cash social-assistance benefits listed in
    ``household.totals.social_assistance_total`` (BISP, Bait-ul-Mal, Zakat, AJK
    schemes, the proposals), person-level amounts summed over members.
    Quarterly benefits count one third in each month; one-off grants count in
    the month of the event. In-kind entitlements (health card) are not listed.
    """

    def formula(household, period, parameters):
        names = parameters(period).household.totals.social_assistance_total
        return household_sum(household, period, names, "household.totals.social_assistance_total")


class social_insurance_benefits_total(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Total social-insurance and public-service benefits received by the household, PKR per month"
    reference = "https://www.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"
    documentation = """
    Sum of the cash benefits listed in ``household.totals.social_insurance_benefits_total``:
    every branch of the contributory scheme (the draft social security scheme's
    branches, zero until a law brings them into force) and the public servants'
    pensions and grants.
    """

    def formula(household, period, parameters):
        names = parameters(period).household.totals.social_insurance_benefits_total
        return household_sum(household, period, names, "household.totals.social_insurance_benefits_total")


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
    The amounts listed in ``household.totals.disposable_income.adds`` (income
    from work, cash social assistance, social-insurance and public-service
    benefits) minus those listed in ``household.totals.disposable_income.subtracts``
    (employee social-security contributions).
    """

    def formula(household, period, parameters):
        lists = parameters(period).household.totals.disposable_income
        added = household_sum(household, period, lists.adds, "household.totals.disposable_income.adds")
        subtracted = household_sum(household, period, lists.subtracts, "household.totals.disposable_income.subtracts")
        return added - subtracted
