"""PBM support for families of persons with disabilities.

Two regimes: "Special Families" (reported 2009), Rs 25,000 a year to a family
with more than one person with a disability; and "Special Friends of PBM"
(quoted 2019), Rs 10,000 a year to a family with one disabled child and
Rs 25,000 a year to a family with two or more. The yearly grant is counted as
one twelfth in each month.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person
from openfisca_ajk.tools.dates import MONTHS_PER_YEAR

SPECIAL_FAMILIES = "https://brecorder.com/news/amp/3593488"
SPECIAL_FRIENDS = "https://www.urdupoint.com/en/pakistan/pakistan-bait-ul-mal-pbm-disburses-rs-1793-647705.html"


class pbm_special_friends_qualifying_member(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "PBM Special Friends: the person counts (a person with a disability; from 2019 a disabled child)"
    reference = (SPECIAL_FAMILIES, SPECIAL_FRIENDS)
    documentation = """
    Special Families (2009): any member with a disability.
    Special Friends (2019): a member with a disability below the child age limit (18, assumed).
    """

    def formula_2009_01(person, period, parameters):
        return person("has_disability", period)

    def formula_2019_01(person, period, parameters):
        age_limit = parameters(period).pakistan.bait_ul_mal.special_friends.child_age_limit
        return person("has_disability", period) * (person("age", period) < age_limit)


class pbm_special_friends_qualifying_members(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    unit = "person"
    label = "PBM Special Friends: number of members who count (disabled persons; from 2019 disabled children)"
    reference = (SPECIAL_FAMILIES, SPECIAL_FRIENDS)
    documentation = "Members for whom pbm_special_friends_qualifying_member holds."

    def formula_2009_01(household, period, parameters):
        return household.sum(household.members("pbm_special_friends_qualifying_member", period))


class pbm_special_friends_member_condition(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "PBM Special Friends: the family has enough disabled members (2009: more than one; 2019: at least one child)"
    reference = (SPECIAL_FAMILIES, SPECIAL_FRIENDS)
    documentation = """
    Special Families (2009) helped families with more than one person with a disability.
    Special Friends (2019) helps a family with one or more disabled children.
    """

    def formula_2009_01(household, period, parameters):
        return household("pbm_special_friends_qualifying_members", period) > 1

    def formula_2019_01(household, period, parameters):
        return household("pbm_special_friends_qualifying_members", period) >= 1


class pbm_special_friends_eligible(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Eligible for PBM support to families with disabled members (Special Families / Special Friends)"
    reference = (SPECIAL_FAMILIES, SPECIAL_FRIENDS)
    documentation = "No income test is stated in the sources; the family qualifies on its disabled members alone."

    def formula_2009_01(household, period, parameters):
        return household("pbm_special_friends_member_condition", period)


class pbm_special_friends_yearly_grant(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "PBM Special Families / Special Friends yearly grant in force this month, PKR per year"
    reference = (SPECIAL_FAMILIES, SPECIAL_FRIENDS)
    documentation = "The yearly grant an eligible family receives under the regime in force this month."

    def formula_2009_01(household, period, parameters):
        grant = parameters(period).pakistan.bait_ul_mal.special_friends.special_families_yearly_amount
        return household("pbm_special_friends_eligible", period) * grant

    def formula_2019_01(household, period, parameters):
        special_friends = parameters(period).pakistan.bait_ul_mal.special_friends
        children = household("pbm_special_friends_qualifying_members", period)
        grant = numpy.where(children > 1, special_friends.yearly_amount_two_or_more_children,
                            special_friends.yearly_amount_one_child)
        return household("pbm_special_friends_eligible", period) * grant


class pbm_special_friends(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "PBM Special Families / Special Friends grant, PKR per month"
    reference = (SPECIAL_FAMILIES, SPECIAL_FRIENDS)
    documentation = "One twelfth of the yearly grant is counted in each month (the payment month is not known)."

    def formula_2009_01(household, period, parameters):
        return household("pbm_special_friends_yearly_grant", period) / MONTHS_PER_YEAR
