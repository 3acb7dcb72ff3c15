"""Ehsaas / BISP Kafaalat for households with persons with disabilities (from December 2020): eligibility."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person

REFERENCE = "https://www.brecorder.com/news/40037157/two-million-families-to-benefit-from-new-ehsaas-kafaalat-policy-for-special-persons-pm"


class bisp_kafaalat_disability_member(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Kafaalat for persons with disabilities: a member of the household has a disability"
    reference = REFERENCE
    documentation = "A household with a person with a disability (special CNIC)."

    def formula_2020_12(household, period, parameters):
        return household.any(household.members("has_disability", period))


class bisp_kafaalat_disability_pmt_condition(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Kafaalat for persons with disabilities: the household's PMT score is below the disability cut-off"
    reference = REFERENCE
    documentation = "Below the Kafaalat cut-off for households with a person with a disability."

    def formula_2020_12(household, period, parameters):
        return household("pmt_score", period) < parameters(period).pakistan.bisp.kafaalat.pmt_cutoff_disability


class bisp_kafaalat_disability_eligible(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Eligible for the Ehsaas / BISP Kafaalat for households with persons with disabilities (from December 2020)"
    reference = REFERENCE
    documentation = "All the conditions: a member of the household has a disability; the household's PMT score is below the disability cut-off."

    def formula_2020_12(household, period, parameters):
        return (
            household("bisp_kafaalat_disability_member", period)
            * household("bisp_kafaalat_disability_pmt_condition", period)
        )


class bisp_kafaalat_disability(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Ehsaas / BISP Kafaalat for households with persons with disabilities (from December 2020), PKR per month"
    reference = REFERENCE
    documentation = "The amount is not published (evidence: announced): 0 here, never an invented number; the scheme registry marks it, and the one-window service answers undetermined: rule not published."

    def formula_2020_12(household, period, parameters):
        return household.empty_array()
