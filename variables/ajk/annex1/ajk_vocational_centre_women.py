"""AJK vocational training centre for needy women: eligibility (an eligibility-only entry: the service refers the applicant)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import Sex

REFERENCE = "https://spp.swdajk.gov.pk/?p=52"


class ajk_vocational_centre_women_needy_woman(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Vocational centre: a needy woman (assessed by the Social Welfare Department)"
    reference = REFERENCE
    documentation = "Women assessed as needy or destitute."

    def formula_2000_01(person, period, parameters):
        return (person("sex", period) == Sex.female) * person("is_destitute", period)


class ajk_vocational_centre_women_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK vocational training centre for needy women"
    reference = REFERENCE
    documentation = "All the conditions: a needy woman (assessed by the Social Welfare Department)."

    def formula_2000_01(person, period, parameters):
        return person("ajk_vocational_centre_women_needy_woman", period)


class ajk_vocational_centre_women(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK vocational training centre for needy women, PKR per month"
    reference = REFERENCE
    documentation = "An admission or a service in kind, not cash: always 0 PKR (the scheme registry marks it in kind)."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
