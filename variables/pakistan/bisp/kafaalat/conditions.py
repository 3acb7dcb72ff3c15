"""Benazir Kafaalat: the eligibility conditions, each as its own variable.

A household qualifies when its PMT score is under the cut-off and it has at
least one qualifying recipient: an ever-married woman (from 2023 also a
transgender person) holding a CNIC, who is not excluded by the December 2019
profiling filters applied to her or her spouse.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person
from openfisca_ajk.enums import MaritalStatus, Sex

BISP = "http://pakistanlawyer.com/2016/07/26/benazir-income-support-program-act-2010/"  # Benazir Income Support Programme Act 2010
FILTERS = "https://propakistani.pk/2019/12/24/govt-to-remove-600000-people-from-benazir-income-support-program/"


class bisp_kafaalat_pmt_condition(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Kafaalat: the household's PMT score is within the cut-off"
    reference = (
        "https://tribune.com.pk/story/2124132",
        "https://www.urdupoint.com/en/pakistan/finance-division-allocates-rs-364078-millio-1624977.html",
    )
    documentation = """
    Poverty scorecard era (2011-2019): score at or below the cut-off (16.17).
    NSER era (from 2020): score strictly below the cut-off (32); from 2026 a
    household with a person with a disability uses its own cut-off (37, assumed).
    """

    def formula_2011_01(household, period, parameters):
        cutoff = parameters(period).pakistan.bisp.kafaalat.pmt_cutoff
        return household("pmt_score", period) <= cutoff

    def formula_2020_01(household, period, parameters):
        kafaalat = parameters(period).pakistan.bisp.kafaalat
        has_disabled_member = household.any(household.members("has_disability", period))
        cutoff = numpy.where(has_disabled_member, kafaalat.pmt_cutoff_disability, kafaalat.pmt_cutoff)
        return household("pmt_score", period) < cutoff


class bisp_kafaalat_recipient_category(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kafaalat: the person belongs to a recipient category (ever-married woman; transgender person from 2023)"
    reference = (BISP, "https://www.urdupoint.com/en/pakistan/ppp-plans-to-propose-reserve-seats-in-senate-1626695.html")
    documentation = "The cash grant is paid to an ever-married woman (married, widowed or divorced); from January 2023 registered transgender persons also qualify."

    def formula_2008_07(person, period, parameters):
        sex = person("sex", period)
        marital_status = person("marital_status", period)
        ever_married = marital_status != MaritalStatus.never_married
        ever_married_woman = (sex == Sex.female) * ever_married
        transgender_allowed = parameters(period).pakistan.bisp.kafaalat.transgender_recipients
        transgender_person = (sex == Sex.transgender) * transgender_allowed
        return ever_married_woman + transgender_person


class bisp_kafaalat_own_exclusion_flag(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kafaalat: the person meets one of the December 2019 exclusion filters"
    reference = FILTERS
    documentation = "Public servant, travelled abroad, owns a motor vehicle, phone bill above the threshold, or used executive NADRA services."

    def formula_2019_12(person, period, parameters):
        filters = parameters(period).pakistan.bisp.kafaalat.exclusion_filters
        flagged = (
            person("is_public_servant", period)
            + person("has_travelled_abroad", period)
            + person("owns_motor_vehicle", period)
            + (person("average_phone_bill", period) > filters.phone_bill_threshold)
            + person("used_executive_nadra_services", period)
        )
        return flagged * filters.in_force


class bisp_kafaalat_excluded(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kafaalat: excluded because the person or the person's spouse meets an exclusion filter"
    reference = FILTERS
    documentation = """
    The filters apply to the beneficiary or her spouse. The head and the head's
    spouse are each other's spouse; for other members only their own record is
    known to the household roster.
    """

    def formula_2019_12(person, period, parameters):
        own_flag = person("bisp_kafaalat_own_exclusion_flag", period)
        head_flagged = person.household.any(own_flag, role=Household.HEAD)
        spouse_flagged = person.household.any(own_flag, role=Household.SPOUSE)
        partner_flag = (
            person.has_role(Household.HEAD) * spouse_flagged
            + person.has_role(Household.SPOUSE) * head_flagged
        )
        return own_flag + partner_flag


class bisp_kafaalat_qualifying_recipient(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kafaalat: the person can be the household's recipient"
    reference = BISP
    documentation = "In a recipient category, holds a CNIC and is not excluded by the profiling filters."

    def formula_2008_07(person, period, parameters):
        in_category = person("bisp_kafaalat_recipient_category", period)
        holds_cnic = person("has_cnic", period)
        excluded = person("bisp_kafaalat_excluded", period)
        return in_category * holds_cnic * numpy.logical_not(excluded)


class bisp_kafaalat_has_qualifying_recipient(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Kafaalat: the household has at least one qualifying recipient"
    reference = BISP
    documentation = "One recipient per household: the household qualifies through any one qualifying member."

    def formula_2008_07(household, period, parameters):
        return household.any(household.members("bisp_kafaalat_qualifying_recipient", period))
