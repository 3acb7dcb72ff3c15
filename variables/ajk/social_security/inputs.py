"""Inputs of the draft contributory scheme: the career record and the contingency of the month.

The career record (``ss_contribution_months``, ``ss_reference_wage``) is given per month; the
contingency inputs say what happened in the month (days of sickness, a spell of unemployment, a
confinement, a work injury, invalidity, the death of an insured breadwinner).
"""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person

C102 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"


class ss_contribution_months(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "month"
    label = "Months of contribution credited to the person before this month"
    reference = C102
    documentation = "The career record of the contributory scheme: months of insured employment or voluntary contribution credited before the current month (C102 Art 1(1)(f), qualifying period)."


class ss_contributions_paid(Variable):
    value_type = bool
    default_value = True
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "The contributions due for the person this month are paid"
    reference = C102
    documentation = ("False for an insured person whose contributions of the month are not paid: an employee nobody "
                     "has registered with the Institution yet, arrears, a gap in insured work. Such a month is neither "
                     "collected nor credited to the record (ss_contribution_months). True unless said otherwise; "
                     "population runs draw it from the registration path and the contribution density "
                     "(projection.actuarial.compliance and density), as the actuarial valuation assumes.")


class ss_voluntary_contributor(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "The person has opted into voluntary insurance as an own-account worker"
    reference = C102
    documentation = "Own-account workers are insured only where the design allows voluntary cover and the person has opted in (C102 Art 6)."


class ss_pension_uprating_factor(Variable):
    value_type = float
    default_value = 1
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "/1"
    label = "Cumulative uprating of the person's pension since it was awarded"
    reference = C102
    documentation = "Pensions in payment are reviewed under Art 65(10); this factor (1 at award) carries the reviews applied since. Minimum pensions are not uprated by it: they follow their own dated values."


class is_retired(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Has left insured employment to draw an old-age pension"
    reference = C102
    documentation = "Used where the design makes the old-age pension conditional on leaving insured employment (C102 Art 26(3))."


class sickness_days(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "day"
    label = "Days of incapacity for work because of sickness in this month"
    reference = C102
    documentation = "Days of certified incapacity with suspension of earnings (C102 Art 14) in the month, for the current case of sickness."


class sickness_days_before(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "day"
    label = "Days of the same case of sickness before this month"
    reference = C102
    documentation = "Days of incapacity of the current case that fell in earlier months; the waiting days and the maximum duration count from the first day of the case."


class is_involuntarily_unemployed(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Unemployed all month, able and available for work and unable to find suitable work"
    reference = C102
    documentation = "The contingency of C102 Art 20: suspension of earnings because a person able and available to work cannot get suitable employment. Voluntary quits and trade disputes are excluded (Art 69(i))."


class unemployment_months_so_far(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "month"
    label = "Whole months of the current spell of unemployment before this month"
    reference = C102
    documentation = "0 in the first month of the spell. A month of unemployment counts as the days of a benefit month."


class maternity_leave_days(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "day"
    label = "Days of maternity leave (before or after confinement) in this month"
    reference = C102
    documentation = "Days of suspension of earnings because of pregnancy and confinement (C102 Art 47) in the month."


class maternity_leave_days_before(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "day"
    label = "Days of maternity leave for the same confinement before this month"
    reference = C102
    documentation = "Days already taken for the same confinement in earlier months; the maximum duration counts from the first day."


class work_injury_incapacity_days(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "day"
    label = "Days of temporary incapacity for work caused by a work injury in this month"
    reference = C102
    documentation = "Days of incapacity with suspension of earnings caused by an accident at work or a prescribed occupational disease (C102 Art 32(b))."


class work_injury_incapacity_days_before(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "day"
    label = "Days of temporary incapacity from the same work injury before this month"
    reference = C102
    documentation = "Days of the same case in earlier months; the waiting days and the maximum duration count from the first day."


class work_injury_degree_of_incapacity(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "/1"
    label = "Assessed permanent loss of earning capacity from a work injury (0 to 1)"
    reference = C102
    documentation = "Degree of permanent loss of earning capacity or of faculty caused by a work injury (C102 Art 32(c)); 1 is total loss."


class work_injury_occurred_in_insured_employment(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "The work injury happened while the person was insured"
    reference = C102
    documentation = "A person who is no longer in insured employment keeps the injury benefits of an accident that happened while insured. A person insured this month is covered without this input."


class invalidity_degree(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "/1"
    label = "Assessed loss of earning capacity not caused by a work injury (0 to 1)"
    reference = C102
    documentation = "Degree of inability to engage in gainful activity likely to be permanent (C102 Art 54); 1 is total invalidity."


class ss_deceased_insured_person(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "An insured breadwinner of the household has died"
    reference = C102
    documentation = """
    Household-level model of the death of a breadwinner (C102 Part X, Art 60; Part VI, Art 32(d)):
    the surviving spouse (a widowed head or spouse) and the children under the age limit of this
    household are the survivors. The deceased's career is given on the household.
    """


class ss_deceased_reference_wage(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-PKR"
    label = "Reference wage of the deceased breadwinner, PKR per month"
    reference = C102
    documentation = "The average insured wage of the deceased, on which survivors' benefits are computed."


class ss_deceased_contribution_months(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "month"
    label = "Months of contribution credited to the deceased breadwinner"
    reference = C102
    documentation = "The breadwinner's qualifying period (C102 Art 63)."


class ss_deceased_death_from_work_injury(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "The breadwinner died of a work injury"
    reference = C102
    documentation = "A death from a work injury gives the employment-injury survivors' benefit (Part VI) instead of the survivors' pension (Part X) where both branches are in force."


class ss_deceased_died_this_month(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "The insured breadwinner died in this month"
    reference = C102
    documentation = "The month of the death, in which a death grant is counted."
