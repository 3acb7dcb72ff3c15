"""PBM Individual Financial Assistance (medical): eligibility and the amount paid for a case."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

PBM_PROJECTS = "https://pbm.gov.pk/projects.html"


class pbm_individual_financial_assistance_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for PBM Individual Financial Assistance for medical treatment"
    reference = PBM_PROJECTS
    documentation = "Income test met, no government servant in the family, not aided elsewhere, and a cost claimed."

    def formula_2010_01(person, period, parameters):
        income_ok = person("pbm_individual_financial_assistance_income_condition", period)
        servant_family = person("pbm_individual_financial_assistance_public_servant_family", period)
        aided_elsewhere = person("pbm_individual_financial_assistance_aided_elsewhere", period)
        has_claim = person("pbm_individual_financial_assistance_has_claim", period)
        return income_ok * numpy.logical_not(servant_family) * numpy.logical_not(aided_elsewhere) * has_claim


class pbm_individual_financial_assistance(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "PBM Individual Financial Assistance for medical treatment, PKR in the month of the case"
    reference = (PBM_PROJECTS, "https://www.thenews.com.pk/print/933495-pbm-s-initiatives-vital-to-empower-facilitate-weak-segments-of-society")
    documentation = """
    The cost of treatment claimed, up to the ceiling per case (Rs 1 million), paid
    to the public hospital: an in-kind benefit, not cash to the family. No ceiling
    is known before 2022, so nothing is computed before January 2022.
    """

    def formula_2022_01(person, period, parameters):
        ceiling = parameters(period).pakistan.bait_ul_mal.individual_financial_assistance.medical_ceiling
        cost = person("pbm_ifa_medical_cost_claimed", period)
        return person("pbm_individual_financial_assistance_eligible", period) * numpy.minimum(cost, ceiling)
