"""AJK Kashana centre (residential care and education for orphan girls): eligibility (an eligibility-only entry: the service refers the applicant)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person
from openfisca_ajk.enums import Sex

REFERENCE = "https://spp.swdajk.gov.pk/?p=52"


class ajk_kashana_centre_orphan_girl(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kashana: an orphan girl (a child of the household whose father has died)"
    reference = REFERENCE
    documentation = "A girl whose father has died; the admission age is not published."

    def formula_2000_01(person, period, parameters):
        return person.has_role(Household.CHILD) * (person("sex", period) == Sex.female) * person("father_is_deceased", period)


class ajk_kashana_centre_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK Kashana centre (residential care and education for orphan girls)"
    reference = REFERENCE
    documentation = "All the conditions: an orphan girl (father deceased)."

    def formula_2000_01(person, period, parameters):
        return person("ajk_kashana_centre_orphan_girl", period)


class ajk_kashana_centre(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Kashana centre (residential care and education for orphan girls), PKR per month"
    reference = REFERENCE
    documentation = "An admission or a service in kind, not cash: always 0 PKR (the scheme registry marks it in kind)."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
