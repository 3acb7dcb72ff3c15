"""AJK Shaheed Benazir Bhutto Women Development Centre: eligibility (an eligibility-only entry: the service refers the applicant)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import Sex

REFERENCE = "https://spp.swdajk.gov.pk/?p=52"


class ajk_women_development_centre_woman(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Women development centre: a woman"
    reference = REFERENCE
    documentation = "Skills training for women; other admission rules are not published."

    def formula_2000_01(person, period, parameters):
        return person("sex", period) == Sex.female


class ajk_women_development_centre_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK Shaheed Benazir Bhutto Women Development Centre"
    reference = REFERENCE
    documentation = "All the conditions: a woman."

    def formula_2000_01(person, period, parameters):
        return person("ajk_women_development_centre_woman", period)


class ajk_women_development_centre(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Shaheed Benazir Bhutto Women Development Centre, PKR per month"
    reference = REFERENCE
    documentation = "An admission or a service in kind, not cash: always 0 PKR (the scheme registry marks it in kind)."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
