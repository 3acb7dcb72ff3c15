"""PBM Orphans and Widows Support Programme.

A monthly stipend to a widow registered with BISP whose orphan children go to
school with at least 75 % attendance: Rs 6,000 for one school-going orphan,
Rs 10,000 for two or more (Press Information Department, Dec 2022; Business
Recorder reports Rs 8,000 / 16,000 - see the parameters). Following PID, only
orphan girls count (parameter girls_only).
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person
from openfisca_ajk.enums import MaritalStatus, SchoolLevel, Sex

PID = "https://pid.gov.pk/site/press_detail/21729"
BRECORDER = "https://www.brecorder.com/news/40212504/pbm-plans-to-launch-project-for-helping-orphans-become-graduates"


class pbm_orphans_widows_support_qualifying_widow(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "PBM Orphans and Widows Support: the person is a widow registered with BISP"
    reference = PID
    documentation = "A woman whose marital status is widowed and who is registered with BISP."

    def formula_2022_12(person, period, parameters):
        widow = (person("sex", period) == Sex.female) * (person("marital_status", period) == MaritalStatus.widowed)
        return widow * person("is_registered_with_bisp", period)


class pbm_orphans_widows_support_has_widow(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "PBM Orphans and Widows Support: a member of the household is a BISP-registered widow"
    reference = PID
    documentation = "At least one member is a widow registered with BISP."

    def formula_2022_12(household, period, parameters):
        return household.any(household.members("pbm_orphans_widows_support_qualifying_widow", period))


class pbm_orphans_widows_support_qualifying_orphan(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "PBM Orphans and Widows Support: the person is a school-going orphan who counts"
    reference = (PID, BRECORDER)
    documentation = """
    A member other than the head and the head's spouse (the roster records no
    parentage: the widow's children are recorded as children of a widowed head,
    or as other members when she lives with her in-laws), enrolled in school and
    attending at least 75 % of school days; a girl while the parameter
    girls_only holds. That the father has died follows from the widow condition.
    """

    def formula_2022_12(person, period, parameters):
        owsp = parameters(period).pakistan.bait_ul_mal.orphans_widows_support
        is_child = person.has_role(Household.CHILD) + person.has_role(Household.OTHER)
        enrolled = person("school_level", period) != SchoolLevel.none
        attends = person("school_attendance_rate", period) >= owsp.minimum_attendance_rate
        sex_counts = numpy.logical_or(numpy.logical_not(owsp.girls_only), person("sex", period) == Sex.female)
        return is_child * enrolled * attends * sex_counts


class pbm_orphans_widows_support_qualifying_orphans(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    unit = "person"
    label = "PBM Orphans and Widows Support: number of school-going orphans who count"
    reference = (PID, BRECORDER)
    documentation = "Members for whom pbm_orphans_widows_support_qualifying_orphan holds."

    def formula_2022_12(household, period, parameters):
        return household.sum(household.members("pbm_orphans_widows_support_qualifying_orphan", period))


class pbm_orphans_widows_support_has_orphan(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "PBM Orphans and Widows Support: at least one school-going orphan counts"
    reference = (PID, BRECORDER)
    documentation = "At least one child enrolled in school with 75 % attendance (a girl while girls_only holds)."

    def formula_2022_12(household, period, parameters):
        return household("pbm_orphans_widows_support_qualifying_orphans", period) >= 1


class pbm_orphans_widows_support_eligible(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Eligible for the PBM Orphans and Widows Support stipend"
    reference = PID
    documentation = "A BISP-registered widow in the household, and at least one school-going orphan who counts."

    def formula_2022_12(household, period, parameters):
        has_widow = household("pbm_orphans_widows_support_has_widow", period)
        return has_widow * household("pbm_orphans_widows_support_has_orphan", period)


class pbm_orphans_widows_support(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "PBM Orphans and Widows Support stipend, PKR per month"
    reference = (PID, BRECORDER)
    documentation = "Rs 6,000 a month for one school-going orphan, Rs 10,000 for two or more (PID figures)."

    def formula_2022_12(household, period, parameters):
        owsp = parameters(period).pakistan.bait_ul_mal.orphans_widows_support
        orphans = household("pbm_orphans_widows_support_qualifying_orphans", period)
        stipend = numpy.where(orphans > 1, owsp.amount_two_or_more_orphans, owsp.amount_one_orphan)
        return household("pbm_orphans_widows_support_eligible", period) * stipend
