"""PBM Individual Financial Assistance (medical): the eligibility conditions.

A patient qualifies when the family's monthly income is within the income
test, no member of the family is a government servant (including contract
staff), the patient is not aided by another government agency, and a cost of
treatment is claimed.
"""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

PBM_PROJECTS = "https://pbm.gov.pk/projects.html"
OLD_RULES = "https://pakpublicpolicy.com/baitulmal-a-tool-for-poverty-alleviation-a-myth-or-reality/4/"


class pbm_individual_financial_assistance_income_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "PBM IFA: the family's monthly income is within the income test"
    reference = (OLD_RULES, PBM_PROJECTS)
    documentation = "Household income at or below Rs 6,000 a month (old rule for medical aid), Rs 74,000 a month (current site)."

    def formula_2010_01(person, period, parameters):
        threshold = parameters(period).pakistan.bait_ul_mal.individual_financial_assistance.medical_income_threshold
        return person.household("pbm_household_income", period) <= threshold


class pbm_individual_financial_assistance_public_servant_family(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "PBM IFA: excluded because a member of the family is a government servant"
    reference = PBM_PROJECTS
    documentation = "Government servants (including contract staff) and their families are excluded."

    def formula_2010_01(person, period, parameters):
        return person.household.any(person.household.members("is_public_servant", period))


class pbm_individual_financial_assistance_aided_elsewhere(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "PBM IFA: excluded because another government agency aids the person"
    reference = PBM_PROJECTS
    documentation = "Persons aided by other government agencies are excluded."

    def formula_2010_01(person, period, parameters):
        return person("receives_other_government_aid", period)


class pbm_individual_financial_assistance_has_claim(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "PBM IFA: a cost of treatment in a public hospital is claimed this month"
    reference = PBM_PROJECTS
    documentation = "A positive cost of treatment is claimed (pbm_ifa_medical_cost_claimed)."

    def formula_2010_01(person, period, parameters):
        return person("pbm_ifa_medical_cost_claimed", period) > 0
