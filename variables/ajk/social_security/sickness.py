"""Sickness benefit (C102 Part III): a daily rate of the reference wage for days of incapacity.

Paid to an insured person with the qualifying period, for the days of a case after the waiting
days and up to the maximum number of days paid per case, plus a supplement per dependant.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

C102 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"


def days_paid(days_before, days_now, waiting_days, maximum_days):
    """Days of this month that fall after the waiting days and within the maximum paid days of the case."""
    first = numpy.maximum(days_before, waiting_days)
    last = numpy.minimum(days_before + days_now, waiting_days + maximum_days)
    return numpy.maximum(last - first, 0)


class ss_sickness_in_force(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Sickness benefit: the branch is in force"
    reference = C102
    documentation = "Off in today's law; a reform brings the branch into force."

    def formula(person, period, parameters):
        return person.filled_array(parameters(period).ajk.social_security.sickness.in_force)


class ss_sickness_qualifying_period(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Sickness benefit: the qualifying period of contribution is completed"
    reference = C102
    documentation = "Months of contribution credited before this month at least the qualifying period (C102 Art 17)."

    def formula(person, period, parameters):
        qualifying_months = parameters(period).ajk.social_security.sickness.qualifying_months
        return person("ss_contribution_months", period) >= qualifying_months


class ss_sickness_incapacity(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Sickness benefit: incapable of work because of sickness in this month"
    reference = C102
    documentation = "At least one day of incapacity with suspension of earnings in the month (C102 Art 14)."

    def formula(person, period, parameters):
        return person("sickness_days", period) > 0


class ss_sickness_benefit_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the sickness benefit of the contributory scheme"
    reference = C102
    documentation = "Branch in force, insured, qualifying period completed and incapable of work this month. Nothing is paid for the waiting days."

    def formula(person, period, parameters):
        return (
            person("ss_sickness_in_force", period)
            * person("ss_insured", period)
            * person("ss_sickness_qualifying_period", period)
            * person("ss_sickness_incapacity", period)
        )


class ss_sickness_days_paid(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "day"
    label = "Sickness benefit: days of this month paid"
    reference = C102
    documentation = "Days of the case falling after the waiting days (C102 Art 18(1): at most 3) and within the maximum paid per case (at least 26 weeks)."

    def formula(person, period, parameters):
        sickness = parameters(period).ajk.social_security.sickness
        paid = days_paid(person("sickness_days_before", period), person("sickness_days", period),
                         sickness.waiting_days, sickness.maximum_days)
        return person("ss_sickness_benefit_eligible", period) * paid


class ss_sickness_daily_rate(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Sickness benefit per day paid, PKR"
    reference = C102
    documentation = "The benefit rate plus the supplement per dependant (up to the maximum), times the reference wage, divided by the days of a benefit month."

    def formula(person, period, parameters):
        social_security = parameters(period).ajk.social_security
        sickness = social_security.sickness
        dependants = numpy.minimum(person("ss_dependants_count", period), sickness.maximum_dependants)
        rate = sickness.benefit_rate + sickness.dependant_supplement_rate * dependants
        return rate * person("ss_reference_wage", period) / social_security.calendar.days_per_month


class ss_sickness_benefit(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Sickness benefit of the contributory scheme, PKR per month"
    reference = C102
    documentation = "Days paid in the month times the daily rate."

    def formula(person, period, parameters):
        return person("ss_sickness_days_paid", period) * person("ss_sickness_daily_rate", period)
