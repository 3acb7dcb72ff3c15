"""AJK legal assistance programme: eligibility (an eligibility-only entry: the service refers the applicant)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

REFERENCE = "https://spp.swdajk.gov.pk/?p=52"


class ajk_legal_assistance_destitute(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Legal assistance: a destitute person (assessed by the department)"
    reference = REFERENCE
    documentation = "Legal aid for persons assessed as destitute; the test is not published."

    def formula_2000_01(person, period, parameters):
        return person("is_destitute", period)


class ajk_legal_assistance_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK legal assistance programme"
    reference = REFERENCE
    documentation = "All the conditions: a destitute person (assessed by the department)."

    def formula_2000_01(person, period, parameters):
        return person("ajk_legal_assistance_destitute", period)


class ajk_legal_assistance(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK legal assistance programme, PKR per month"
    reference = REFERENCE
    documentation = "An admission or a service in kind, not cash: always 0 PKR (the scheme registry marks it in kind)."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
