"""AJK Social Welfare Department assistive devices for persons with disabilities (in kind): eligibility."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

REFERENCE = "https://spp.swdajk.gov.pk/?p=52"


class swd_assistive_devices_disabled(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "SWD assistive devices: the person has a disability"
    reference = REFERENCE
    documentation = "Limbs, wheelchairs and other devices for persons with disabilities, in kind."

    def formula_2000_01(person, period, parameters):
        return person("has_disability", period)


class swd_assistive_devices_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK Social Welfare Department assistive devices for persons with disabilities (in kind)"
    reference = REFERENCE
    documentation = "All the conditions: the person has a disability."

    def formula_2000_01(person, period, parameters):
        return person("swd_assistive_devices_disabled", period)


class swd_assistive_devices(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Social Welfare Department assistive devices for persons with disabilities (in kind), PKR per month"
    reference = REFERENCE
    documentation = "An admission or a service in kind, not cash: always 0 PKR (the scheme registry marks it in kind)."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
