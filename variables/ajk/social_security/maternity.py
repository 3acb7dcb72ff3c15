"""Maternity benefit (C102 Part VIII): a daily rate of the reference wage for the days of maternity leave."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import Sex

C102 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"


def days_paid(days_before, days_now, waiting_days, maximum_days):
    """Days of this month that fall after the waiting days and within the maximum paid days of the leave."""
    first = numpy.maximum(days_before, waiting_days)
    last = numpy.minimum(days_before + days_now, waiting_days + maximum_days)
    return numpy.maximum(last - first, 0)


class ss_maternity_in_force(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Maternity benefit: the branch is in force"
    reference = C102
    documentation = "Off in today's law; a reform brings the branch into force."

    def formula(person, period, parameters):
        return person.filled_array(parameters(period).ajk.social_security.maternity.in_force)


class ss_maternity_qualifying_period(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Maternity benefit: the qualifying period of contribution is completed"
    reference = C102
    documentation = "Months of contribution credited before this month at least the qualifying period (C102 Art 51)."

    def formula(person, period, parameters):
        qualifying_months = parameters(period).ajk.social_security.maternity.qualifying_months
        return person("ss_contribution_months", period) >= qualifying_months


class ss_maternity_person_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Maternity benefit: the person can claim it (a woman, where the design is limited to women)"
    reference = C102
    documentation = "C102 Art 48 protects women; the design may open it to any person on maternity leave."

    def formula(person, period, parameters):
        female_only = parameters(period).ajk.social_security.maternity.eligible_sexes_female_only
        female = person("sex", period) == Sex.female
        return female + numpy.logical_not(female_only)


class ss_maternity_on_leave(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Maternity benefit: on maternity leave in this month"
    reference = C102
    documentation = "At least one day of maternity leave in the month (C102 Art 47)."

    def formula(person, period, parameters):
        return person("maternity_leave_days", period) > 0


class ss_maternity_benefit_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the maternity benefit of the contributory scheme"
    reference = C102
    documentation = "Branch in force, insured, a woman (where required), qualifying period completed and on maternity leave this month."

    def formula(person, period, parameters):
        return (
            person("ss_maternity_in_force", period)
            * person("ss_insured", period)
            * person("ss_maternity_person_condition", period)
            * person("ss_maternity_qualifying_period", period)
            * person("ss_maternity_on_leave", period)
        )


class ss_maternity_days_paid(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "day"
    label = "Maternity benefit: days of this month paid"
    reference = C102
    documentation = "Days of leave after any waiting days and within the maximum duration (C102 Art 52: at least 12 weeks)."

    def formula(person, period, parameters):
        maternity = parameters(period).ajk.social_security.maternity
        paid = days_paid(person("maternity_leave_days_before", period), person("maternity_leave_days", period),
                         maternity.waiting_days, maternity.maximum_days)
        return person("ss_maternity_benefit_eligible", period) * paid


class ss_maternity_benefit(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Maternity benefit of the contributory scheme, PKR per month"
    reference = C102
    documentation = "Days paid times the benefit rate times the reference wage divided by the days of a benefit month."

    def formula(person, period, parameters):
        social_security = parameters(period).ajk.social_security
        daily_wage = person("ss_reference_wage", period) / social_security.calendar.days_per_month
        return person("ss_maternity_days_paid", period) * social_security.maternity.benefit_rate * daily_wage
