"""Survivors' benefit (C102 Part X) and the death grant.

Household-level model: when an insured breadwinner of the household dies (``ss_deceased_*``
inputs on the household), the widowed head or spouse and the head's children under the age limit
are the survivors. The survivors' base is max((base rate + accrual rate x the deceased's completed
years) x the deceased's reference wage, minimum). The surviving spouse receives the spouse's share
of the base and each child the child's share (the orphan's share when no spouse survives); where
the shares add up to more than the cap they are scaled down together.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person
from openfisca_ajk.enums import MaritalStatus
from openfisca_ajk.tools.dates import MONTHS_PER_YEAR

C102 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"
ESSI_KP = "https://asianetpakistan.com/official-news/government-institutions/163890/main-objectives-of-social-security-scheme-is-to-provide-benefits-to-employees-and-their-dependents/"


class is_survivor_of_insured_person(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "A survivor (surviving spouse or child) of an insured breadwinner of the household"
    reference = C102
    documentation = "The widowed head or spouse, and the head's children under the age limit, of a household whose insured breadwinner died (C102 Art 60(1)). May be given directly."

    def formula(person, period, parameters):
        breadwinner_died = person.household("ss_deceased_insured_person", period)
        partner_role = person.has_role(Household.HEAD) + person.has_role(Household.SPOUSE)
        widowed = person("marital_status", period) == MaritalStatus.widowed
        return breadwinner_died * (partner_role * widowed + person("ss_is_dependent_child", period))


class ss_survivor_is_spouse(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "The survivor is the surviving spouse"
    reference = C102
    documentation = "A survivor who is widowed."

    def formula(person, period, parameters):
        widowed = person("marital_status", period) == MaritalStatus.widowed
        return person("is_survivor_of_insured_person", period) * widowed


class ss_survivor_is_child(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "The survivor is a child under the age limit"
    reference = C102
    documentation = "A survivor who is not the spouse and is younger than the child age limit."

    def formula(person, period, parameters):
        age_limit = parameters(period).ajk.social_security.dependants.child_age_limit
        young = person("age", period) < age_limit
        not_spouse = numpy.logical_not(person("ss_survivor_is_spouse", period))
        return person("is_survivor_of_insured_person", period) * not_spouse * young


class ss_household_spouse_survives(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "A spouse of the deceased breadwinner survives in the household"
    reference = C102
    documentation = "Children of a household without a surviving spouse are orphans and receive the orphan's share."

    def formula(household, period, parameters):
        return household.any(household.members("ss_survivor_is_spouse", period))


class ss_household_survivors_count(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    unit = "person"
    label = "Survivors of the deceased breadwinner in the household"
    reference = C102
    documentation = "Surviving spouse and children under the age limit."

    def formula(household, period, parameters):
        survivor = household.members("ss_survivor_is_spouse", period) + household.members("ss_survivor_is_child", period)
        return household.sum(survivor)


class ss_deceased_contribution_years(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    unit = "year"
    label = "Completed years of contribution of the deceased breadwinner"
    reference = C102
    documentation = "Whole years in the deceased's months of contribution."

    def formula(household, period, parameters):
        return numpy.floor_divide(household("ss_deceased_contribution_months", period), MONTHS_PER_YEAR)


class ss_survivors_in_force(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Survivors' benefit: the branch is in force"
    reference = C102
    documentation = "Off in today's law; a reform brings the branch into force."

    def formula(person, period, parameters):
        return person.filled_array(parameters(period).ajk.social_security.survivors.in_force)


class ss_survivors_qualifying_period(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Survivors' benefit: the deceased completed the qualifying period"
    reference = C102
    documentation = "The breadwinner's months of contribution at least the qualifying period (C102 Art 63)."

    def formula(person, period, parameters):
        qualifying_months = parameters(period).ajk.social_security.survivors.qualifying_months
        return person.household("ss_deceased_contribution_months", period) >= qualifying_months


class ss_survivors_not_work_injury(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Survivors' benefit: the death is not covered by the employment-injury branch"
    reference = C102
    documentation = "A death from a work injury gives the employment-injury survivors' benefit where that branch is in force (no double benefit for one contingency, C102 Art 69(c))."

    def formula(person, period, parameters):
        injury_in_force = parameters(period).ajk.social_security.employment_injury.in_force
        work_injury = person.household("ss_deceased_death_from_work_injury", period) * injury_in_force
        return numpy.logical_not(work_injury)


class ss_survivors_share_claimed(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "/1"
    label = "Survivors' benefit: the survivor's share of the base before the cap"
    reference = C102
    documentation = "Spouse's share; each child's share, or the orphan's share where no spouse survives."

    def formula(person, period, parameters):
        survivors = parameters(period).ajk.social_security.survivors
        spouse_survives = person.household("ss_household_spouse_survives", period)
        child_share = numpy.where(spouse_survives, survivors.child_share, survivors.orphan_share)
        return (person("ss_survivor_is_spouse", period) * survivors.widow_share
                + person("ss_survivor_is_child", period) * child_share)


class ss_household_survivors_share_claimed(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "/1"
    label = "Survivors' benefit: the survivors' shares added up, before the cap"
    reference = C102
    documentation = "Sum of the survivors' shares in the household."

    def formula(household, period, parameters):
        return household.sum(household.members("ss_survivors_share_claimed", period))


class ss_survivors_share(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "/1"
    label = "Survivors' benefit: the survivor's share of the base after the cap"
    reference = C102
    documentation = "Shares are scaled down together so that they add up to at most the cap."

    def formula(person, period, parameters):
        cap = parameters(period).ajk.social_security.survivors.maximum_total_share
        total = person.household("ss_household_survivors_share_claimed", period)
        over = total > cap
        scale = numpy.where(over, cap / numpy.where(over, total, 1), 1)
        return person("ss_survivors_share_claimed", period) * scale


class ss_survivors_base_pension(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Survivors' benefit: the base shared among the survivors, PKR per month"
    reference = C102
    documentation = "max((base rate + accrual rate x the deceased's completed years) x the deceased's reference wage, minimum pension)."

    def formula(person, period, parameters):
        survivors = parameters(period).ajk.social_security.survivors
        years = person.household("ss_deceased_contribution_years", period)
        wage = person.household("ss_deceased_reference_wage", period)
        earned = (survivors.base_rate + survivors.accrual_rate * years) * wage
        return numpy.maximum(earned, survivors.minimum_pension)


class ss_survivors_periodical_pension_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for a survivors' pension"
    reference = C102
    documentation = "Branch in force, a survivor, the deceased's qualifying period completed, and the death not covered by the injury branch."

    def formula(person, period, parameters):
        return (
            person("ss_survivors_in_force", period)
            * person("is_survivor_of_insured_person", period)
            * person("ss_survivors_qualifying_period", period)
            * person("ss_survivors_not_work_injury", period)
        )


class ss_survivors_periodical_pension(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Survivors' pension (periodical), PKR per month"
    reference = C102
    documentation = "The survivor's share of the survivors' base."

    def formula(person, period, parameters):
        pension = person("ss_survivors_share", period) * person("ss_survivors_base_pension", period)
        return person("ss_survivors_periodical_pension_eligible", period) * pension


class ss_death_grant_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for a part of the death grant"
    reference = ESSI_KP
    documentation = "Death grant in force, the insured breadwinner died this month, and the person is a survivor."

    def formula(person, period, parameters):
        in_force = parameters(period).ajk.social_security.death_grant.in_force
        died_now = person.household("ss_deceased_died_this_month", period)
        return in_force * died_now * person("is_survivor_of_insured_person", period)


class ss_death_grant(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Death grant (one-off), PKR, the survivor's equal part, counted in the month of the death"
    reference = ESSI_KP
    documentation = "Days of the deceased's daily sickness-benefit rate (KP ESSI: 30 days), shared equally among the survivors."

    def formula(person, period, parameters):
        social_security = parameters(period).ajk.social_security
        daily_sickness_rate = (social_security.sickness.benefit_rate * person.household("ss_deceased_reference_wage", period)
                               / social_security.calendar.days_per_month)
        grant = social_security.death_grant.days_of_sickness_benefit * daily_sickness_rate
        survivors = person.household("ss_household_survivors_count", period)
        eligible = person("ss_death_grant_eligible", period)
        return eligible * grant / numpy.where(survivors > 0, survivors, 1)


class ss_survivors_pension_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for a survivors' benefit of the contributory scheme (pension or death grant)"
    reference = C102
    documentation = "Eligible for the periodical survivors' pension, or for a part of the death grant in the month of the death."

    def formula(person, period, parameters):
        return person("ss_survivors_periodical_pension_eligible", period) + person("ss_death_grant_eligible", period)


class ss_survivors_pension(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Survivors' benefit of the contributory scheme, PKR per month"
    reference = C102
    documentation = "The survivor's pension, plus the survivor's part of the one-off death grant in the month of the death."

    def formula(person, period, parameters):
        return person("ss_survivors_periodical_pension", period) + person("ss_death_grant", period)
