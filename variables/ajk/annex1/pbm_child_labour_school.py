"""Pakistan Bait-ul-Mal school for the rehabilitation of child labour (NCRCL): eligibility (an eligibility-only entry: the service refers the applicant)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person
from openfisca_ajk.enums import EmploymentStatus

REFERENCE = "https://www.brecorder.com/news/40212504/pbm-plans-to-launch-project-for-helping-orphans-become-graduates"


class pbm_child_labour_school_working_child(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "NCRCL: a child who works"
    reference = REFERENCE
    documentation = "Children withdrawn from work; the age range is not published."

    def formula_2000_01(person, period, parameters):
        return person.has_role(Household.CHILD) * (person("employment_status", period) != EmploymentStatus.not_in_labour_force)


class pbm_child_labour_school_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the Pakistan Bait-ul-Mal school for the rehabilitation of child labour (NCRCL)"
    reference = REFERENCE
    documentation = "All the conditions: a child who works."

    def formula_2000_01(person, period, parameters):
        return person("pbm_child_labour_school_working_child", period)


class pbm_child_labour_school(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Pakistan Bait-ul-Mal school for the rehabilitation of child labour (NCRCL), PKR per month"
    reference = REFERENCE
    documentation = "An admission or a service in kind, not cash: always 0 PKR (the scheme registry marks it in kind)."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
