"""Employment injury benefit (C102 Part VI): temporary incapacity, permanent loss, and survivors.

No qualifying period: the injury must have happened in insured employment. Temporary incapacity
is paid per day after the waiting days up to the maximum; a permanent loss of earning capacity at or
above the minimum degree gives a pension of the degree times the total-loss pension; the survivors
of a fatal work injury share the deceased's total-loss pension.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person

C102 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"


def days_paid(days_before, days_now, waiting_days, maximum_days):
    """Days of this month that fall after the waiting days and within the maximum paid days of the case."""
    first = numpy.maximum(days_before, waiting_days)
    last = numpy.minimum(days_before + days_now, waiting_days + maximum_days)
    return numpy.maximum(last - first, 0)


class ss_employment_injury_in_force(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Employment injury benefit: the branch is in force"
    reference = C102
    documentation = "Off in today's law; a reform brings the branch into force."

    def formula(person, period, parameters):
        return person.filled_array(parameters(period).ajk.social_security.employment_injury.in_force)


class ss_employment_injury_covered(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Employment injury benefit: the injury happened in insured employment"
    reference = C102
    documentation = "Insured this month, or the injury happened while insured (C102 Art 37: no qualifying period)."

    def formula(person, period, parameters):
        return person("ss_insured", period) + person("work_injury_occurred_in_insured_employment", period)


class ss_employment_injury_temporary_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Employment injury: eligible for the temporary incapacity benefit"
    reference = C102
    documentation = "Branch in force, covered, and days of incapacity from a work injury this month."

    def formula(person, period, parameters):
        incapacity = person("work_injury_incapacity_days", period) > 0
        return person("ss_employment_injury_in_force", period) * person("ss_employment_injury_covered", period) * incapacity


class ss_employment_injury_days_paid(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "day"
    label = "Employment injury: days of temporary incapacity paid this month"
    reference = C102
    documentation = "Days after the waiting days (C102 Art 38: at most 3) and within the maximum days paid per case."

    def formula(person, period, parameters):
        injury = parameters(period).ajk.social_security.employment_injury
        paid = days_paid(person("work_injury_incapacity_days_before", period), person("work_injury_incapacity_days", period),
                         injury.waiting_days, injury.maximum_days)
        return person("ss_employment_injury_temporary_eligible", period) * paid


class ss_employment_injury_supplement_rate(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "/1"
    label = "Employment injury: supplement for dependants, as a share of the reference wage"
    reference = C102
    documentation = "Supplement per dependant times the dependants (up to the maximum)."

    def formula(person, period, parameters):
        injury = parameters(period).ajk.social_security.employment_injury
        dependants = numpy.minimum(person("ss_dependants_count", period), injury.maximum_dependants)
        return injury.dependant_supplement_rate * dependants


class ss_employment_injury_temporary_benefit(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Employment injury: temporary incapacity benefit, PKR per month"
    reference = C102
    documentation = "Days paid x (benefit rate + dependants' supplement) x reference wage / days of a benefit month."

    def formula(person, period, parameters):
        social_security = parameters(period).ajk.social_security
        rate = social_security.employment_injury.temporary_benefit_rate + person("ss_employment_injury_supplement_rate", period)
        daily = rate * person("ss_reference_wage", period) / social_security.calendar.days_per_month
        return person("ss_employment_injury_days_paid", period) * daily


class ss_employment_injury_permanent_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Employment injury: eligible for the permanent incapacity pension"
    reference = C102
    documentation = "Branch in force, covered, and a permanent loss of earning capacity at or above the minimum degree (C102 Art 36(2)-(3))."

    def formula(person, period, parameters):
        minimum_degree = parameters(period).ajk.social_security.employment_injury.permanent_minimum_degree
        degree = person("work_injury_degree_of_incapacity", period)
        return (person("ss_employment_injury_in_force", period) * person("ss_employment_injury_covered", period)
                * (degree >= minimum_degree) * (degree > 0))


class ss_employment_injury_permanent_pension(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Employment injury: permanent incapacity pension, PKR per month"
    reference = C102
    documentation = "Degree x (total-loss rate + dependants' supplement) x reference wage x uprating."

    def formula(person, period, parameters):
        injury = parameters(period).ajk.social_security.employment_injury
        rate = injury.permanent_pension_rate + person("ss_employment_injury_supplement_rate", period)
        pension = (person("work_injury_degree_of_incapacity", period) * rate * person("ss_reference_wage", period)
                   * person("ss_pension_uprating_factor", period))
        return person("ss_employment_injury_permanent_eligible", period) * pension


class ss_employment_injury_survivors_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Employment injury: eligible for the survivors' benefit of a fatal work injury"
    reference = C102
    documentation = "Branch in force, a survivor, and the breadwinner died of a work injury (C102 Art 32(d))."

    def formula(person, period, parameters):
        work_injury = person.household("ss_deceased_death_from_work_injury", period)
        return person("ss_employment_injury_in_force", period) * person("is_survivor_of_insured_person", period) * work_injury


class ss_employment_injury_survivors_share_claimed(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "/1"
    label = "Employment injury survivors: the survivor's share before the cap"
    reference = C102
    documentation = "Spouse's share; each child's share, or the orphan's share where no spouse survives."

    def formula(person, period, parameters):
        shares = parameters(period).ajk.social_security.employment_injury.survivors
        spouse_survives = person.household("ss_household_spouse_survives", period)
        child_share = numpy.where(spouse_survives, shares.child_share, shares.orphan_share)
        return (person("ss_survivor_is_spouse", period) * shares.widow_share
                + person("ss_survivor_is_child", period) * child_share)


class ss_household_employment_injury_survivors_share_claimed(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "/1"
    label = "Employment injury survivors: the shares added up, before the cap"
    reference = C102
    documentation = "Sum of the survivors' shares in the household."

    def formula(household, period, parameters):
        return household.sum(household.members("ss_employment_injury_survivors_share_claimed", period))


class ss_employment_injury_survivors_benefit(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Employment injury: the survivor's benefit after a fatal work injury, PKR per month"
    reference = C102
    documentation = "The survivor's share (scaled down to the cap) of the deceased's total-loss pension (total-loss rate x the deceased's reference wage)."

    def formula(person, period, parameters):
        injury = parameters(period).ajk.social_security.employment_injury
        cap = injury.survivors.maximum_total_share
        total = person.household("ss_household_employment_injury_survivors_share_claimed", period)
        over = total > cap
        scale = numpy.where(over, cap / numpy.where(over, total, 1), 1)
        share = person("ss_employment_injury_survivors_share_claimed", period) * scale
        base = injury.permanent_pension_rate * person.household("ss_deceased_reference_wage", period)
        return person("ss_employment_injury_survivors_eligible", period) * share * base


class ss_employment_injury_benefit_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for an employment injury benefit of the contributory scheme"
    reference = C102
    documentation = "Eligible for the temporary benefit, the permanent pension or the survivors' benefit."

    def formula(person, period, parameters):
        return (person("ss_employment_injury_temporary_eligible", period)
                + person("ss_employment_injury_permanent_eligible", period)
                + person("ss_employment_injury_survivors_eligible", period))


class ss_employment_injury_benefit(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Employment injury benefit of the contributory scheme, PKR per month"
    reference = C102
    documentation = "Temporary incapacity benefit + permanent incapacity pension + survivors' benefit of a fatal work injury."

    def formula(person, period, parameters):
        return (person("ss_employment_injury_temporary_benefit", period)
                + person("ss_employment_injury_permanent_pension", period)
                + person("ss_employment_injury_survivors_benefit", period))
