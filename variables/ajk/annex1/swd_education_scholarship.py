"""AJK Social Welfare Department scholarship for orphan and needy students: eligibility."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import SchoolLevel

REFERENCE = "https://spp.swdajk.gov.pk/?p=52"


class swd_education_scholarship_student(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "SWD scholarship: enrolled in school or college"
    reference = REFERENCE
    documentation = "A student at any level."

    def formula_2000_01(person, period, parameters):
        return person("school_level", period) != SchoolLevel.none


class swd_education_scholarship_orphan(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "SWD scholarship: the student is an orphan (father deceased)"
    reference = REFERENCE
    documentation = "Orphans; the test of a 'needy' student is not published, so only orphans are recognised here."

    def formula_2000_01(person, period, parameters):
        return person("father_is_deceased", period)


class swd_education_scholarship_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK Social Welfare Department scholarship for orphan and needy students"
    reference = REFERENCE
    documentation = "All the conditions: enrolled in school or college; the student is an orphan (father deceased)."

    def formula_2000_01(person, period, parameters):
        return (
            person("swd_education_scholarship_student", period)
            * person("swd_education_scholarship_orphan", period)
        )


class swd_education_scholarship(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Social Welfare Department scholarship for orphan and needy students, PKR per month"
    reference = REFERENCE
    documentation = "The amount is not published (evidence: unknown): 0 here, never an invented number; the scheme registry marks it, and the one-window service answers undetermined: rule not published."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
