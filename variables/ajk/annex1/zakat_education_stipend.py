"""AJK Zakat education stipend (general education and deeni madaris): eligibility."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import SchoolLevel

REFERENCE = "https://zakat.ajk.gov.pk/zakat-disbursement"


class zakat_education_stipend_mustahiq_family(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Zakat education stipend: the student's household has a mustahiq (needy Muslim) member"
    reference = REFERENCE
    documentation = "The family is assessed as mustahiq by the local zakat committee."

    def formula_2000_01(person, period, parameters):
        return person.household("zakat_mustahiq_household", period)


class zakat_education_stipend_student(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Zakat education stipend: enrolled in school or college, or a residential student of a deeni madrassa"
    reference = ("https://zakat.ajk.gov.pk/zakat-disbursement", "https://epaper.dawn.com/DetailImage.php?StoryImage=12_01_2025_152_009")
    documentation = "A student at any level, or a residential student of a registered deeni madrassa."

    def formula_2000_01(person, period, parameters):
        return (person("school_level", period) != SchoolLevel.none) + person("studies_at_deeni_madrassa", period)


class zakat_education_stipend_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK Zakat education stipend (general education and deeni madaris)"
    reference = REFERENCE
    documentation = "All the conditions: the student's household has a mustahiq (needy Muslim) member; enrolled in school or college, or a residential student of a deeni madrassa."

    def formula_2000_01(person, period, parameters):
        return (
            person("zakat_education_stipend_mustahiq_family", period)
            * person("zakat_education_stipend_student", period)
        )


class zakat_education_stipend(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Zakat education stipend (general education and deeni madaris), PKR per month"
    reference = REFERENCE
    documentation = "The amount is not published (evidence: unknown): 0 here, never an invented number; the scheme registry marks it, and the one-window service answers undetermined: rule not published."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
