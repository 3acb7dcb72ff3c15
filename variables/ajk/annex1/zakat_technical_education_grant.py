"""AJK Zakat technical and professional education grant: eligibility."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

REFERENCE = "https://zakat.ajk.gov.pk/zakat-disbursement"


class zakat_technical_education_grant_mustahiq_family(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Zakat technical education grant: the student's household has a mustahiq member"
    reference = REFERENCE
    documentation = "The family is assessed as mustahiq by the local zakat committee."

    def formula_2000_01(person, period, parameters):
        return person.household("zakat_mustahiq_household", period)


class zakat_technical_education_grant_student(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Zakat technical education grant: enrolled in technical, vocational or professional education"
    reference = REFERENCE
    documentation = "A student of a technical, vocational or professional institution."

    def formula_2000_01(person, period, parameters):
        return person("in_technical_or_professional_education", period)


class zakat_technical_education_grant_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK Zakat technical and professional education grant"
    reference = REFERENCE
    documentation = "All the conditions: the student's household has a mustahiq member; enrolled in technical, vocational or professional education."

    def formula_2000_01(person, period, parameters):
        return (
            person("zakat_technical_education_grant_mustahiq_family", period)
            * person("zakat_technical_education_grant_student", period)
        )


class zakat_technical_education_grant(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Zakat technical and professional education grant, PKR per month"
    reference = REFERENCE
    documentation = "The amount is not published (evidence: unknown): 0 here, never an invented number; the scheme registry marks it, and the one-window service answers undetermined: rule not published."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
