"""Pakistan Bait-ul-Mal education support (graduation and above): eligibility."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person
from openfisca_ajk.enums import SchoolLevel
from openfisca_ajk.tools.dates import MONTHS_PER_YEAR

REFERENCE = "https://pbm.gov.pk/projects.html"


class pbm_education_support_student(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "PBM education support: a student of a public-sector university or college at graduation level or above"
    reference = ("https://pbm.gov.pk/projects.html", "https://dailytimes.com.pk/806709/pbm-disbursed-rs-3-83bn-among-deserving-in-last-financial-year/")
    documentation = "Tertiary level at a public-sector institution, admitted on merit (no private or self-finance seats)."

    def formula_2021_01(person, period, parameters):
        return (person("school_level", period) == SchoolLevel.tertiary) * person("studies_at_public_university", period)


class pbm_education_support_income_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "PBM education support: household income at or below PBM's income test"
    reference = REFERENCE
    documentation = "Monthly household income at or below the threshold (Rs 74,000 on the current PBM site)."

    def formula_2021_01(person, period, parameters):
        threshold = parameters(period).pakistan.bait_ul_mal.education_support.income_threshold
        return person.household("pbm_household_income", period) <= threshold


class pbm_education_support_public_servant_family(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "PBM education support: a member of the household is a government employee (excluded)"
    reference = REFERENCE
    documentation = "Children of government employees are excluded."

    def formula_2021_01(person, period, parameters):
        return person.household("pbm_education_support_household_has_public_servant", period)


class pbm_education_support_household_has_public_servant(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "PBM education support: a member of the household is a government employee"
    reference = REFERENCE
    documentation = "Any member of the household is employed by the AJK or federal government."

    def formula_2000_01(household, period, parameters):
        return household.any(household.members("is_public_servant", period))


class pbm_education_support_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the Pakistan Bait-ul-Mal education support (graduation and above)"
    reference = REFERENCE
    documentation = "All the conditions: a student of a public-sector university or college at graduation level or above; household income at or below PBM's income test; a member of the household is a government employee (excluded)."

    def formula_2021_01(person, period, parameters):
        return (
            person("pbm_education_support_student", period)
            * person("pbm_education_support_income_condition", period)
            * ~person("pbm_education_support_public_servant_family", period)
        )


class pbm_education_support(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Pakistan Bait-ul-Mal education support (graduation and above), PKR per month"
    reference = REFERENCE
    documentation = "One twelfth of the yearly stipend for an eligible student."

    def formula_2021_01(person, period, parameters):
        yearly = parameters(period).pakistan.bait_ul_mal.education_support.yearly_amount
        return person("pbm_education_support_eligible", period) * yearly / MONTHS_PER_YEAR
