"""AJK Zakat social welfare and rehabilitation grant (persons with disabilities, artificial limbs): eligibility."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

REFERENCE = "https://zakat.ajk.gov.pk/zakat-disbursement"


class zakat_rehabilitation_grant_mustahiq_family(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Zakat rehabilitation grant: the person's household has a mustahiq member"
    reference = REFERENCE
    documentation = "The family is assessed as mustahiq by the local zakat committee."

    def formula_2000_01(person, period, parameters):
        return person.household("zakat_mustahiq_household", period)


class zakat_rehabilitation_grant_disabled(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Zakat rehabilitation grant: the person has a disability"
    reference = REFERENCE
    documentation = "Grants for the rehabilitation of persons with disabilities (including artificial limbs) through the Chief Administrator."

    def formula_2000_01(person, period, parameters):
        return person("has_disability", period)


class zakat_rehabilitation_grant_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK Zakat social welfare and rehabilitation grant (persons with disabilities, artificial limbs)"
    reference = REFERENCE
    documentation = "All the conditions: the person's household has a mustahiq member; the person has a disability."

    def formula_2000_01(person, period, parameters):
        return (
            person("zakat_rehabilitation_grant_mustahiq_family", period)
            * person("zakat_rehabilitation_grant_disabled", period)
        )


class zakat_rehabilitation_grant(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Zakat social welfare and rehabilitation grant (persons with disabilities, artificial limbs), PKR per month"
    reference = REFERENCE
    documentation = "The amount is not published (evidence: unknown): 0 here, never an invented number; the scheme registry marks it, and the one-window service answers undetermined: rule not published."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
