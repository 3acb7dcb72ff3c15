"""PBM Child Support Programme: the eligibility conditions, each as its own variable.

A family qualifies when its PMT score is at or below the BISP poverty
scorecard cut-off (16.17), it lives in a district where the programme runs
(in AJK: Muzaffarabad and Hattian Bala), and it has at least one child aged
5 to 16 enrolled in school who attends at least 80 % of school days.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person
from openfisca_ajk.enums import District, SchoolLevel

CSP = "http://www.pbm.gov.pk/csp.html"
ATTENDANCE = "https://brecorder.com/news/amp/3878654"


class pbm_child_support_age_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "PBM Child Support: the child is aged 5 to 16 (both included)"
    reference = CSP
    documentation = "Children aged 5 to 16 years; a child aged exactly 5 or exactly 16 qualifies."

    def formula_2011_01(person, period, parameters):
        child_support = parameters(period).pakistan.bait_ul_mal.child_support
        age = person("age", period)
        return (age >= child_support.minimum_age) * (age <= child_support.maximum_age)


class pbm_child_support_enrolment_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "PBM Child Support: the child is enrolled in school"
    reference = CSP
    documentation = "Enrolled at any school level (school level other than 'none')."

    def formula_2011_01(person, period, parameters):
        return person("school_level", period) != SchoolLevel.none


class pbm_child_support_attendance_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "PBM Child Support: the child attends at least 80 % of school days"
    reference = ATTENDANCE
    documentation = "Attendance at or above the minimum rate (80 %); exactly 80 % qualifies."

    def formula_2011_01(person, period, parameters):
        minimum = parameters(period).pakistan.bait_ul_mal.child_support.minimum_attendance_rate
        return person("school_attendance_rate", period) >= minimum


class pbm_child_support_qualifying_child(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "PBM Child Support: the person is a qualifying child"
    reference = CSP
    documentation = """
    Aged 5 to 16, enrolled in school and attending at least 80 % of school days.
    Any member of the family counts, whatever the relationship to the head.
    """

    def formula_2011_01(person, period, parameters):
        of_age = person("pbm_child_support_age_condition", period)
        enrolled = person("pbm_child_support_enrolment_condition", period)
        attends = person("pbm_child_support_attendance_condition", period)
        return of_age * enrolled * attends


class pbm_child_support_qualifying_children(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    unit = "person"
    label = "PBM Child Support: number of qualifying children in the family"
    reference = CSP
    documentation = "Members aged 5 to 16 enrolled in school with at least 80 % attendance."

    def formula_2011_01(household, period, parameters):
        return household.sum(household.members("pbm_child_support_qualifying_child", period))


class pbm_child_support_has_qualifying_child(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "PBM Child Support: the family has at least one qualifying child"
    reference = CSP
    documentation = "At least one member aged 5 to 16 enrolled in school with at least 80 % attendance."

    def formula_2011_01(household, period, parameters):
        return household("pbm_child_support_qualifying_children", period) >= 1


class pbm_child_support_pmt_condition(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "PBM Child Support: the household's PMT score is at or below the cut-off (16.17)"
    reference = ("https://www.pbm.gov.pk:443/csp.html", "https://tribune.com.pk/story/2124132")
    documentation = "PBM uses the BISP poverty scorecard cut-off: a score at or below 16.17 qualifies."

    def formula_2011_01(household, period, parameters):
        cutoff = parameters(period).pakistan.bait_ul_mal.child_support.pmt_cutoff
        return household("pmt_score", period) <= cutoff


class pbm_child_support_district_condition(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "PBM Child Support: the programme runs in the household's district"
    reference = CSP
    documentation = """
    The programme runs only in selected districts; in AJK in Muzaffarabad and
    Hattian Bala. The coverage of each of the ten districts is read once and
    looked up by each household's district code.
    """

    def formula_2011_01(household, period, parameters):
        covered_districts = parameters(period).pakistan.bait_ul_mal.child_support.covered_districts
        all_districts = numpy.array([item.name for item in District])
        covered_by_code = numpy.asarray(covered_districts[all_districts], dtype=bool)
        district_codes = numpy.asarray(household("district", period))
        return covered_by_code[district_codes]
