"""AJK Zakat health care: zakat pays for treatment the Sehat card does not cover (decision of Dec 2021)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

DECISION = "https://www.urdupoint.com/en/pakistan/ajk-govt-increases-zakat-dowry-fund-1416091.html"
ZAKAT_AJK = "https://zakat.ajk.gov.pk/zakat-disbursement"


class zakat_health_care_needy_patient(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Zakat health care: the patient is a Muslim of a mustahiq household"
    reference = ZAKAT_AJK
    documentation = "The patient is a Muslim whose household has a member assessed as a mustahiq by the zakat committee."

    def formula_2021_12(person, period, parameters):
        return person("is_muslim", period) * person.household("zakat_mustahiq_household", period)


class zakat_health_care_uncovered_cost_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Zakat health care: the patient has a cost of treatment the Sehat card does not cover"
    reference = DECISION
    documentation = "Since December 2021 zakat pays only for diseases the health card does not cover."

    def formula_2021_12(person, period, parameters):
        return person("medical_cost_not_covered_by_sehat_card", period) > 0


class zakat_health_care_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for AJK Zakat health care this month"
    reference = (DECISION, ZAKAT_AJK)
    documentation = "A needy Muslim patient with a cost of treatment not covered by the Sehat card."

    def formula_2021_12(person, period, parameters):
        needy = person("zakat_health_care_needy_patient", period)
        return needy * person("zakat_health_care_uncovered_cost_condition", period)


class zakat_health_care(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Zakat health care: treatment the Sehat card does not cover, PKR in the month"
    reference = (DECISION, ZAKAT_AJK)
    documentation = """
    The cost of treatment not covered by the Sehat card, paid to the hospital (in
    kind). No ceiling is known for AJK zakat health grants, so none is applied.
    Zakat's health-care rules before the December 2021 decision are not encoded.
    """

    def formula_2021_12(person, period, parameters):
        cost = person("medical_cost_not_covered_by_sehat_card", period)
        return person("zakat_health_care_eligible", period) * cost
