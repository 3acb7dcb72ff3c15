"""AJK Employees Benevolent Fund grants: farewell grant on retirement, marriage grant for a daughter.

AJK Employees Benevolent Fund and Group Insurance Act 1971 and Rules 1972, as amended by the notification of
15 March 2021 (Rule 14-A). One-off grants are counted in the month of the event. A month in which a rule
changes uses the rule in force on the last day of the month.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

BF_RULES = "https://www.glxspace.com/2021/03/15/amendment-in-marriage-farewell-and-funeral-grant-bf-group-insurance-rules-1972-ajk/"
BF_ACT = "https://www.scribd.com/document/811222133/AJKBF-GI-Rules-1972-1"


class ajk_bf_farewell_grant_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Entitled to the Benevolent Fund farewell grant this month (retiring on pension, BPS 1-15)"
    reference = (BF_RULES, BF_ACT)
    documentation = """
    Retires this month on superannuation or after qualifying service (the civil pension's service
    condition), from a post in BPS 1 to 15.
    """

    def formula_2021_03(person, period, parameters):
        maximum_bps = parameters(period.stop).ajk.public_service.benevolent_fund.farewell_grant_maximum_bps
        grade = person("bps_grade", period)
        in_grades = (grade >= 1) * (grade <= maximum_bps)
        retiring = person("public_service_retired_this_month", period)
        return retiring * person("ajk_civil_pension_service_condition", period) * in_grades


class ajk_bf_farewell_grant(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Benevolent Fund farewell grant, PKR (one-off, in the month of retirement)"
    reference = BF_RULES
    documentation = "The last basic pay (taken as the last pensionable pay), up to Rs 75,000."

    def formula_2021_03(person, period, parameters):
        maximum = parameters(period.stop).ajk.public_service.benevolent_fund.farewell_grant_maximum
        grant = numpy.minimum(person("last_pensionable_pay", period), maximum)
        return person("ajk_bf_farewell_grant_eligible", period) * grant


class ajk_bf_marriage_grant_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Entitled to the Benevolent Fund marriage grant this month"
    reference = BF_RULES
    documentation = """
    A daughter married this month; the claimant is a serving government servant, a retired one, or the
    family pensioner of a deceased one; and the grant was not paid before (one daughter only).
    """

    def formula_2021_03(person, period, parameters):
        member_or_family = (
            person("is_public_servant", period)
            + person("is_retired_public_servant", period)
            + person("ajk_family_pension_death_condition", period)
        )
        first_grant = numpy.logical_not(person("bf_marriage_grant_received_before", period))
        return person("daughter_married_this_month", period) * member_or_family * first_grant


class ajk_bf_marriage_grant(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Benevolent Fund marriage grant, PKR (one-off, in the month of the marriage)"
    reference = BF_RULES
    documentation = "Rs 50,000 for the marriage of one daughter."

    def formula_2021_03(person, period, parameters):
        grant = parameters(period.stop).ajk.public_service.benevolent_fund.marriage_grant
        return person("ajk_bf_marriage_grant_eligible", period) * grant


class ajk_benevolent_fund_grants_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Entitled to a Benevolent Fund grant this month"
    reference = BF_RULES
    documentation = "Entitled to the farewell grant or the marriage grant."

    def formula_2021_03(person, period, parameters):
        farewell = person("ajk_bf_farewell_grant_eligible", period)
        return farewell + person("ajk_bf_marriage_grant_eligible", period)


class ajk_benevolent_fund_grants(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Benevolent Fund grants, PKR (one-offs, in the month of the event)"
    reference = (BF_RULES, BF_ACT)
    documentation = "Farewell grant plus marriage grant."

    def formula_2021_03(person, period, parameters):
        return person("ajk_bf_farewell_grant", period) + person("ajk_bf_marriage_grant", period)
