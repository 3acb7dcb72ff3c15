"""Unemployment benefit (C102 Part IV): a daily rate of the reference wage for a spell of unemployment.

A month of involuntary unemployment counts as the days of a benefit month; the waiting days and the
maximum duration count from the first day of the spell.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

C102 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"


def days_paid(days_before, days_now, waiting_days, maximum_days):
    """Days of this month that fall after the waiting days and within the maximum paid days of the spell."""
    first = numpy.maximum(days_before, waiting_days)
    last = numpy.minimum(days_before + days_now, waiting_days + maximum_days)
    return numpy.maximum(last - first, 0)


class ss_unemployment_in_force(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Unemployment benefit: the branch is in force"
    reference = C102
    documentation = "Off in today's law; a reform brings the branch into force."

    def formula(person, period, parameters):
        return person.filled_array(parameters(period).ajk.social_security.unemployment.in_force)


class ss_unemployment_qualifying_period(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Unemployment benefit: the qualifying period of contribution is completed"
    reference = C102
    documentation = "Months of contribution credited before this month at least the qualifying period (C102 Art 23)."

    def formula(person, period, parameters):
        qualifying_months = parameters(period).ajk.social_security.unemployment.qualifying_months
        return person("ss_contribution_months", period) >= qualifying_months


class ss_unemployment_benefit_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the unemployment benefit of the contributory scheme"
    reference = C102
    documentation = "Branch in force, involuntarily unemployed this month and qualifying period completed."

    def formula(person, period, parameters):
        return (
            person("ss_unemployment_in_force", period)
            * person("is_involuntarily_unemployed", period)
            * person("ss_unemployment_qualifying_period", period)
        )


class ss_unemployment_days_paid(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "day"
    label = "Unemployment benefit: days of this month paid"
    reference = C102
    documentation = "Days of the spell after the waiting days (C102 Art 24(3): at most 7) and within the maximum duration (at least 13 weeks in 12 months)."

    def formula(person, period, parameters):
        social_security = parameters(period).ajk.social_security
        unemployment = social_security.unemployment
        days_per_month = social_security.calendar.days_per_month
        before = person("unemployment_months_so_far", period) * days_per_month
        paid = days_paid(before, days_per_month, unemployment.waiting_days, unemployment.maximum_days)
        return person("ss_unemployment_benefit_eligible", period) * paid


class ss_unemployment_daily_rate(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Unemployment benefit per day paid, PKR"
    reference = C102
    documentation = "The benefit rate plus the supplement per dependant (up to the maximum), times the reference wage, divided by the days of a benefit month."

    def formula(person, period, parameters):
        social_security = parameters(period).ajk.social_security
        unemployment = social_security.unemployment
        dependants = numpy.minimum(person("ss_dependants_count", period), unemployment.maximum_dependants)
        rate = unemployment.benefit_rate + unemployment.dependant_supplement_rate * dependants
        return rate * person("ss_reference_wage", period) / social_security.calendar.days_per_month


class ss_unemployment_benefit(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Unemployment benefit of the contributory scheme, PKR per month"
    reference = C102
    documentation = "Days paid in the month times the daily rate."

    def formula(person, period, parameters):
        return person("ss_unemployment_days_paid", period) * person("ss_unemployment_daily_rate", period)
