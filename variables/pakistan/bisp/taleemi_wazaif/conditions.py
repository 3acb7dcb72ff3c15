"""Benazir Taleemi Wazaif: the eligibility conditions, each as its own variable.

A child qualifies for the quarter's education stipend when the child's
household receives the Kafaalat, the child is enrolled at a covered level
(primary from the 2012 launch; secondary and higher secondary from July 2021),
is within the age limits, and attended at least 70 % of school days. Under the
2012 design no more than three children of a family are paid.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person, district_covered
from openfisca_ajk.enums import SchoolLevel

PID_2012 = "http://pid.gov.pk/site/press_detail/1322"
ENROLMENT_2021 = "https://www.urdupoint.com/en/pakistan/118-million-children-enrolled-under-benazir-t-1705170.html"
LAUNCH_2021 = "http://www.heartfile.org/pm-launches-nationwide-ehsaas-education-stipends/"
DESIGN_2012 = "https://archive.pakistantoday.com.pk/2012/01/31/waseela-e-taleem-to-enroll-1m-children-by-april/?amp=1"


class bisp_taleemi_wazaif_household_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Taleemi Wazaif: the child's household is eligible for the Benazir Kafaalat"
    reference = (PID_2012, ENROLMENT_2021)
    documentation = "The education stipend is a top-up for the children of Kafaalat households; it is paid to the mother."

    def formula_2012_10(person, period, parameters):
        return person.household("bisp_kafaalat_eligible", period)


class bisp_taleemi_wazaif_district_covered(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Taleemi Wazaif: the programme runs in the household's district"
    reference = (
        "http://nation.com.pk/national/22-Sep-2017/bisp-role-in-poverty-alleviation-discussed",
        "https://pakobserver.net/bisp-expand-wet-project-two-districts-ajk/",
        "https://www.samaa.tv/education/2020/11/pakistan-to-offer-stipend-to-five-million-primary-students/",
    )
    documentation = """
    In AJK the programme ran in Bagh, Kotli and Mirpur, then also in Neelum and Haveli from March 2018,
    and in every district from the nationwide expansion of November 2020 (parameter covered_districts).
    """

    def formula_2012_10(person, period, parameters):
        covered_districts = parameters(period).pakistan.bisp.taleemi_wazaif.covered_districts
        return district_covered(person.household, period, covered_districts)


class bisp_taleemi_wazaif_covered_level(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Taleemi Wazaif: the child is enrolled at a level the stipend covers"
    reference = (PID_2012, ENROLMENT_2021, LAUNCH_2021)
    documentation = """
    From the 2012 launch (Waseela-e-Taleem) only primary school (grades 1-5) is
    covered. From July 2021 the stipend also covers secondary (grades 6-10) and
    higher secondary (grades 11-12) school. Tertiary education is not covered.
    """

    def formula_2012_10(person, period, parameters):
        return person("school_level", period) == SchoolLevel.primary

    def formula_2021_07(person, period, parameters):
        level = person("school_level", period)
        return (
            (level == SchoolLevel.primary)
            + (level == SchoolLevel.secondary)
            + (level == SchoolLevel.higher_secondary)
        )


class bisp_taleemi_wazaif_age_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Taleemi Wazaif: the child's age is within the limits"
    reference = (DESIGN_2012, "https://www.samaa.tv/education/2020/11/pakistan-to-offer-stipend-to-five-million-primary-students/", LAUNCH_2021)
    documentation = """
    Age in completed years on the first day of the month, between the minimum
    and the maximum age inclusive: 5 to 12 in the 2012 design, 4 to 12 from
    November 2020, 4 to 22 from July 2021 for every level. Per-level age bands
    quoted only on unofficial sites are not applied.
    """

    def formula_2012_10(person, period, parameters):
        limits = parameters(period).pakistan.bisp.taleemi_wazaif.age_limits
        age = person("age", period)
        return (age >= limits.minimum) * (age <= limits.maximum)


class bisp_taleemi_wazaif_attendance_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Taleemi Wazaif: the child attended at least 70 % of school days in the quarter"
    reference = (PID_2012, ENROLMENT_2021)
    documentation = """
    Attendance over the quarter at or above the minimum rate (70 %). The law
    pays the first instalment on enrolment without the attendance condition;
    the model does not know which quarter is the first and applies the
    condition in every quarter (so a newly enrolled child's first quarter is
    understated when attendance is not given).
    """

    def formula_2012_10(person, period, parameters):
        minimum_rate = parameters(period).pakistan.bisp.taleemi_wazaif.minimum_attendance_rate
        return person("school_attendance_rate", period) >= minimum_rate


class bisp_taleemi_wazaif_within_children_cap(Variable):
    value_type = bool
    default_value = True
    entity = Person
    definition_period = MONTH
    label = "Taleemi Wazaif: the child is within the family's cap on paid children (2012 design)"
    reference = DESIGN_2012
    documentation = """
    The 2012 design pays up to three children per family. The source does not
    say which; the model pays the first three otherwise qualifying children in
    the order of the household roster. The cap is assumed lifted with the
    November 2020 nationwide expansion (its announcements state no cap).
    """

    def formula_2012_10(person, period, parameters):
        cap = parameters(period).pakistan.bisp.taleemi_wazaif.children_cap
        if not cap.in_force:
            # No cap in force: every child is within it; ranking the children would change nothing.
            return numpy.ones(person.count, dtype=bool)
        otherwise_qualifying = (
            person("bisp_taleemi_wazaif_household_eligible", period)
            * person("bisp_taleemi_wazaif_covered_level", period)
            * person("bisp_taleemi_wazaif_age_condition", period)
            * person("bisp_taleemi_wazaif_attendance_condition", period)
        )
        roster_order = person.household.members_position
        rank_among_qualifying = person.get_rank(person.household, roster_order, condition=otherwise_qualifying)
        within_cap = rank_among_qualifying < cap.max_children
        return within_cap
