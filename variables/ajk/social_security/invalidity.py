"""Invalidity benefit (C102 Part IX): a pension for a lasting loss of earning capacity.

Pension = max((base rate + accrual rate x completed years) x reference wage x uprating + supplement
per dependant x reference wage, minimum), for a person below the pensionable age whose degree of
invalidity reaches the minimum degree and who has the qualifying period. The old-age pension takes
over at the pensionable age.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

C102 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"


class ss_invalidity_in_force(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Invalidity benefit: the branch is in force"
    reference = C102
    documentation = "Off in today's law; a reform brings the branch into force."

    def formula(person, period, parameters):
        return person.filled_array(parameters(period).ajk.social_security.invalidity.in_force)


class ss_invalidity_degree_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Invalidity benefit: the degree of invalidity reaches the minimum"
    reference = C102
    documentation = "Assessed loss of earning capacity at least the minimum degree (C102 Art 54; the EOBI pattern asks for two thirds)."

    def formula(person, period, parameters):
        minimum_degree = parameters(period).ajk.social_security.invalidity.minimum_degree
        degree = person("invalidity_degree", period)
        return (degree >= minimum_degree) * (degree > 0)


class ss_invalidity_qualifying_period(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Invalidity benefit: the qualifying period of contribution is completed"
    reference = C102
    documentation = "Months of contribution at least the qualifying period (C102 Art 57: full benefit after at most 15 years, reduced after 5)."

    def formula(person, period, parameters):
        qualifying_months = parameters(period).ajk.social_security.invalidity.qualifying_months
        return person("ss_contribution_months", period) >= qualifying_months


class ss_invalidity_below_pensionable_age(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Invalidity benefit: the person is below the pensionable age"
    reference = C102
    documentation = "C102 Art 58: paid until an old-age benefit replaces it."

    def formula(person, period, parameters):
        return numpy.logical_not(person("ss_old_age_age_condition", period))


class ss_invalidity_pension_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the invalidity pension of the contributory scheme"
    reference = C102
    documentation = "Branch in force, degree of invalidity reached, qualifying period completed and below the pensionable age."

    def formula(person, period, parameters):
        return (
            person("ss_invalidity_in_force", period)
            * person("ss_invalidity_degree_condition", period)
            * person("ss_invalidity_qualifying_period", period)
            * person("ss_invalidity_below_pensionable_age", period)
        )


class ss_invalidity_pension(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Invalidity pension of the contributory scheme, PKR per month"
    reference = C102
    documentation = "max((base + accrual x years) x reference wage x uprating + dependants' supplements, minimum pension)."

    def formula(person, period, parameters):
        invalidity = parameters(period).ajk.social_security.invalidity
        reference_wage = person("ss_reference_wage", period)
        rate = invalidity.base_rate + invalidity.accrual_rate * person("ss_contribution_years", period)
        earned = rate * reference_wage * person("ss_pension_uprating_factor", period)
        dependants = numpy.minimum(person("ss_dependants_count", period), invalidity.maximum_dependants)
        supplement = invalidity.dependant_supplement_rate * dependants * reference_wage
        pension = numpy.maximum(earned + supplement, invalidity.minimum_pension)
        return person("ss_invalidity_pension_eligible", period) * pension
