"""AJK Dar-ul-Falah (mother and child home): eligibility (an eligibility-only entry: the service refers the applicant)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import Sex

REFERENCE = "https://spp.swdajk.gov.pk/?p=52"


class ajk_dar_ul_falah_destitute_mother(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Dar-ul-Falah: a destitute woman (assessed by the Social Welfare Department)"
    reference = REFERENCE
    documentation = "A woman assessed as destitute; her children are admitted with her."

    def formula_2000_01(person, period, parameters):
        return (person("sex", period) == Sex.female) * person("is_destitute", period)


class ajk_dar_ul_falah_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK Dar-ul-Falah (mother and child home)"
    reference = REFERENCE
    documentation = "All the conditions: a destitute woman (assessed by the Social Welfare Department)."

    def formula_2000_01(person, period, parameters):
        return person("ajk_dar_ul_falah_destitute_mother", period)


class ajk_dar_ul_falah(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Dar-ul-Falah (mother and child home), PKR per month"
    reference = REFERENCE
    documentation = "An admission or a service in kind, not cash: always 0 PKR (the scheme registry marks it in kind)."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
