"""AJK rural household education centre: eligibility (an eligibility-only entry: the service refers the applicant)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

REFERENCE = "https://spp.swdajk.gov.pk/?p=52"


class ajk_rural_education_centre_rural(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Rural household education centre: the household lives in a rural area"
    reference = REFERENCE
    documentation = "Rural households; other admission rules are not published."

    def formula_2000_01(person, period, parameters):
        return ~person.household("is_urban", period)


class ajk_rural_education_centre_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK rural household education centre"
    reference = REFERENCE
    documentation = "All the conditions: the household lives in a rural area."

    def formula_2000_01(person, period, parameters):
        return person("ajk_rural_education_centre_rural", period)


class ajk_rural_education_centre(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK rural household education centre, PKR per month"
    reference = REFERENCE
    documentation = "An admission or a service in kind, not cash: always 0 PKR (the scheme registry marks it in kind)."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
