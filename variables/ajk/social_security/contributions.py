"""Contributions of the insured person and the employer: per-branch rates on the insurable wage.

Only branches in force are charged, and only in a month whose contributions are paid
(``ss_contributions_paid``: true unless said otherwise). A voluntary member (own-account worker) pays both shares as
the insured person's contribution; no employer contribution is due for them.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

C102 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"
BRANCHES = ("medical_care", "sickness", "unemployment", "old_age", "employment_injury", "family",
            "maternity", "invalidity", "survivors")


def rate_of_branches_in_force(parameters, period, rate_name):
    """Sum over the branches in force of each branch's contribution rate ``rate_name``."""
    social_security = parameters(period).ajk.social_security
    return sum(social_security[b].in_force * social_security[b][rate_name] for b in BRANCHES)


class ss_employee_contribution_rate(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "/1"
    label = "Insured person's contribution rate, all branches in force"
    reference = C102
    documentation = "Sum of the insured person's rates of the branches in force."

    def formula(person, period, parameters):
        rate = rate_of_branches_in_force(parameters, period, "employee_contribution_rate")
        return person.filled_array(rate, dtype=numpy.float32)   # the dtype the engine casts to


class ss_employer_contribution_rate(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "/1"
    label = "Employer's contribution rate, all branches in force"
    reference = C102
    documentation = "Sum of the employer's rates of the branches in force."

    def formula(person, period, parameters):
        rate = rate_of_branches_in_force(parameters, period, "employer_contribution_rate")
        return person.filled_array(rate, dtype=numpy.float32)   # the dtype the engine casts to


class ss_employee_contribution_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "The insured person's contribution is due and paid this month"
    reference = C102
    documentation = "Insured this month (at least one branch in force), and the month's contributions are paid (ss_contributions_paid)."

    def formula(person, period, parameters):
        return person("ss_insured", period) * person("ss_contributions_paid", period)


class ss_employee_contribution(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Insured person's contribution to the contributory scheme, PKR per month"
    reference = C102
    documentation = "Insurable wage x the insured person's rate; a voluntary member also pays the employer's rate."

    def formula(person, period, parameters):
        voluntary = person("ss_voluntary_member", period)
        rate = voluntary * person("ss_employer_contribution_rate", period)   # a fresh array, updated in place
        numpy.add(person("ss_employee_contribution_rate", period), rate, out=rate)
        numpy.multiply(person("ss_employee_contribution_eligible", period), rate, out=rate)
        return numpy.multiply(rate, person("ss_insurable_wage", period), out=rate)


class ss_employer_contribution_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "An employer's contribution is due and paid for the person this month"
    reference = C102
    documentation = "Insured as an employee (not as a voluntary member), and the month's contributions are paid (ss_contributions_paid)."

    def formula(person, period, parameters):
        employee = person("ss_insured", period) * numpy.logical_not(person("ss_voluntary_member", period))
        return employee * person("ss_contributions_paid", period)


class ss_employer_contribution(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Employer's contribution for the person, PKR per month"
    reference = C102
    documentation = "Insurable wage x the employer's rate."

    def formula(person, period, parameters):
        rate = person("ss_employer_contribution_rate", period)
        return person("ss_employer_contribution_eligible", period) * rate * person("ss_insurable_wage", period)
