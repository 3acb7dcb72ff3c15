"""AJK National Special Education Centre (children with disabilities): eligibility (an eligibility-only entry: the service refers the applicant)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person

REFERENCE = "https://spp.swdajk.gov.pk/?p=52"


class ajk_special_education_centre_disabled(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Special education centre: a child of the household with a disability"
    reference = REFERENCE
    documentation = "Education for persons with disabilities; the age range is not published."

    def formula_2000_01(person, period, parameters):
        return person.has_role(Household.CHILD) * person("has_disability", period)


class ajk_special_education_centre_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK National Special Education Centre (children with disabilities)"
    reference = REFERENCE
    documentation = "All the conditions: the person has a disability."

    def formula_2000_01(person, period, parameters):
        return person("ajk_special_education_centre_disabled", period)


class ajk_special_education_centre(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK National Special Education Centre (children with disabilities), PKR per month"
    reference = REFERENCE
    documentation = "An admission or a service in kind, not cash: always 0 PKR (the scheme registry marks it in kind)."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
