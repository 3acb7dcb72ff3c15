"""Pakistan Bait-ul-Mal Pakistan Sweet Home (residential care for orphans): eligibility (an eligibility-only entry: the service refers the applicant)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person

REFERENCE = "https://www.brecorder.com/news/40212504/pbm-plans-to-launch-project-for-helping-orphans-become-graduates"


class pbm_sweet_home_orphan(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Sweet Home: an orphan (a child of the household whose father has died)"
    reference = REFERENCE
    documentation = "Orphan children, educated to matric; the admission age is not published."

    def formula_2000_01(person, period, parameters):
        return person.has_role(Household.CHILD) * person("father_is_deceased", period)


class pbm_sweet_home_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the Pakistan Bait-ul-Mal Pakistan Sweet Home (residential care for orphans)"
    reference = REFERENCE
    documentation = "All the conditions: an orphan (father deceased)."

    def formula_2000_01(person, period, parameters):
        return person("pbm_sweet_home_orphan", period)


class pbm_sweet_home(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Pakistan Bait-ul-Mal Pakistan Sweet Home (residential care for orphans), PKR per month"
    reference = REFERENCE
    documentation = "An admission or a service in kind, not cash: always 0 PKR (the scheme registry marks it in kind)."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
