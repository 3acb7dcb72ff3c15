"""Old-age benefit (C102 Part V): a pension from the pensionable age, or a grant for a short career.

Pension = accrual rate x completed years of contribution x reference wage (uprated since award),
plus a supplement for a dependent spouse, and at least the minimum pension, for a person of
pensionable age with the qualifying period. A reduced pension (the accrued amount, with the minimum
only where the design says so) is paid after the shorter reduced qualifying period. A person with
fewer months but at least the grant qualifying period receives, in the month of reaching the
pensionable age, a lump sum of months of reference wage per completed year of contribution.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import Sex

#: The names of the values of ``Sex``, in the order of their indices.
SEX_NAMES = numpy.array([item.name for item in Sex])

C102 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"


class ss_old_age_in_force(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Old-age benefit: the branch is in force"
    reference = C102
    documentation = "Off in today's law; a reform brings the branch into force."

    def formula(person, period, parameters):
        return person.filled_array(parameters(period).ajk.social_security.old_age.in_force)


class ss_pensionable_age(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "year"
    label = "Pensionable age of the person under the contributory scheme"
    reference = C102
    documentation = "Set by sex (C102 Art 26(2): not more than 65)."

    def formula(person, period, parameters):
        # ``ages[person("sex", period).decode_to_str()]`` loops over the persons in Python: the node is
        # looked up once per value of Sex (the same vectorial access, so the same traced parameter,
        # transgender persons on their own parameter as before) and each person takes her sex's age.
        ages = parameters(period).ajk.social_security.old_age.pensionable_age
        by_sex = ages[SEX_NAMES]
        return by_sex[numpy.asarray(person("sex", period))]


class ss_old_age_age_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Old-age benefit: the person has reached the pensionable age"
    reference = C102
    documentation = "Age on the first day of the month at least the pensionable age (C102 Art 26(1))."

    def formula(person, period, parameters):
        return person("age", period) >= person("ss_pensionable_age", period)


class ss_old_age_retirement_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Old-age benefit: retired from insured employment, where the design requires it"
    reference = C102
    documentation = "C102 Art 26(3) allows suspending the benefit while the person is in prescribed gainful activity."

    def formula(person, period, parameters):
        required = parameters(period).ajk.social_security.old_age.retirement_condition
        return person("is_retired", period) + numpy.logical_not(required)


class ss_old_age_full_qualifying_period(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Old-age benefit: the qualifying period for the full pension is completed"
    reference = C102
    documentation = "Months of contribution at least the qualifying period (C102 Art 29(1): full benefit after at most 30 years)."

    def formula(person, period, parameters):
        qualifying_months = parameters(period).ajk.social_security.old_age.qualifying_months
        return person("ss_contribution_months", period) >= qualifying_months


class ss_old_age_reduced_qualifying_period(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Old-age benefit: only the qualifying period for a reduced pension is completed"
    reference = C102
    documentation = "Months of contribution at least the reduced qualifying period but short of the full one (C102 Art 29(2): reduced benefit after at most 15 years)."

    def formula(person, period, parameters):
        reduced_months = parameters(period).ajk.social_security.old_age.reduced_pension_qualifying_months
        reduced = person("ss_contribution_months", period) >= reduced_months
        return reduced * numpy.logical_not(person("ss_old_age_full_qualifying_period", period))


class ss_old_age_periodical_pension_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for an old-age pension (full or reduced)"
    reference = C102
    documentation = "Branch in force, pensionable age reached, retired where required, and the full or the reduced qualifying period completed."

    def formula(person, period, parameters):
        qualified = person("ss_old_age_full_qualifying_period", period) + person("ss_old_age_reduced_qualifying_period", period)
        return (
            person("ss_old_age_in_force", period)
            * person("ss_old_age_age_condition", period)
            * person("ss_old_age_retirement_condition", period)
            * qualified
        )


class ss_old_age_minimum_pension(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Minimum old-age pension that applies to the person, PKR per month"
    reference = C102
    documentation = "The higher of the minimum amount and the share of the minimum wage, for a full pension; for a reduced pension only where the design extends the minimum to it."

    def formula(person, period, parameters):
        old_age = parameters(period).ajk.social_security.old_age
        minimum = numpy.maximum(old_age.minimum_pension,
                                old_age.minimum_pension_share_of_minimum_wage * person("ss_minimum_wage", period))
        applies = (person("ss_old_age_full_qualifying_period", period)
                   + person("ss_old_age_reduced_qualifying_period", period) * old_age.reduced_pension_gets_minimum)
        return applies * minimum


class ss_old_age_periodical_pension(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Old-age pension (periodical), PKR per month"
    reference = C102
    documentation = "max(accrual rate x completed years x reference wage x uprating + spouse supplement, minimum pension)."

    def formula(person, period, parameters):
        old_age = parameters(period).ajk.social_security.old_age
        reference_wage = person("ss_reference_wage", period)
        accrued = (old_age.accrual_rate * person("ss_contribution_years", period) * reference_wage
                   * person("ss_pension_uprating_factor", period))
        supplement = old_age.spouse_supplement_rate * person("ss_has_dependent_spouse", period) * reference_wage
        pension = numpy.maximum(accrued + supplement, person("ss_old_age_minimum_pension", period))
        return person("ss_old_age_periodical_pension_eligible", period) * pension


class ss_old_age_reaches_pensionable_age(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Old-age grant: the person reaches the pensionable age in this month"
    reference = C102
    documentation = "At the pensionable age this month and below it last month (computed from the date of birth)."

    def formula(person, period, parameters):
        pensionable_age = person("ss_pensionable_age", period)
        below_last_month = person("age", period.last_month) < pensionable_age
        return person("ss_old_age_age_condition", period) * below_last_month


class ss_old_age_grant_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the old-age grant (lump sum for a short career)"
    reference = "https://pakobserver.net/eobi-disburses-rs-17921-699m-july-2016-march-2017/"
    documentation = "Branch in force, reaching the pensionable age this month, at least the grant qualifying period and no pension right (the EOBI old-age grant pattern)."

    def formula(person, period, parameters):
        old_age = parameters(period).ajk.social_security.old_age
        enough = person("ss_contribution_months", period) >= old_age.grant_minimum_months
        some_months = person("ss_contribution_months", period) > 0
        pension_right = person("ss_old_age_full_qualifying_period", period) + person("ss_old_age_reduced_qualifying_period", period)
        return (
            person("ss_old_age_in_force", period)
            * person("ss_old_age_reaches_pensionable_age", period)
            * enough * some_months
            * numpy.logical_not(pension_right)
        )


class ss_old_age_grant(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Old-age grant (one-off), PKR, counted in the month of reaching the pensionable age"
    reference = "https://pakobserver.net/eobi-disburses-rs-17921-699m-july-2016-march-2017/"
    documentation = "Months of reference wage per completed year of contribution."

    def formula(person, period, parameters):
        old_age = parameters(period).ajk.social_security.old_age
        grant = (old_age.grant_months_of_wage_per_year * person("ss_contribution_years", period)
                 * person("ss_reference_wage", period))
        return person("ss_old_age_grant_eligible", period) * grant


class ss_old_age_pension_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for an old-age benefit of the contributory scheme (pension or grant)"
    reference = C102
    documentation = "Eligible for the periodical pension, or for the grant in the month of reaching the pensionable age."

    def formula(person, period, parameters):
        return person("ss_old_age_periodical_pension_eligible", period) + person("ss_old_age_grant_eligible", period)


class ss_old_age_pension(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Old-age benefit of the contributory scheme, PKR per month"
    reference = C102
    documentation = "The periodical pension, plus the one-off old-age grant in the month it is due (one-off grants count in the month of the event)."

    def formula(person, period, parameters):
        return person("ss_old_age_periodical_pension", period) + person("ss_old_age_grant", period)
