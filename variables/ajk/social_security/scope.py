"""Who is insured, on which wage, and the person's reference wage and dependants.

A person is insured when at least one branch is in force and the person is an employee of an
establishment of the minimum size (public servants excluded where the design says so) or an
own-account worker who has opted into voluntary cover.
"""

import numpy
from openfisca_core.periods import MONTH, DateUnit, Period
from openfisca_core.populations import ADD
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person
from openfisca_ajk.enums import EmploymentStatus, MaritalStatus
from openfisca_ajk.tools.dates import MONTHS_PER_YEAR

C102 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"
BRANCHES = ("medical_care", "sickness", "unemployment", "old_age", "employment_injury", "family",
            "maternity", "invalidity", "survivors")


class ss_minimum_wage(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Minimum wage the draft scheme's floors, ceilings and flat amounts refer to, PKR per month"
    reference = C102
    documentation = "The applicable minimum wage (parameter macro.minimum_wage.applicable). It may be given directly, e.g. to test a design against another wage."

    def formula(person, period, parameters):
        # filled directly in the variable's dtype: the engine would otherwise cast a float64 array (same values)
        return person.filled_array(parameters(period).macro.minimum_wage.applicable, dtype=numpy.float32)


class ss_scheme_in_force(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "At least one branch of the contributory scheme is in force"
    reference = C102
    documentation = "No one is insured, and no contribution is due, while every branch is off (today's law)."

    def formula(person, period, parameters):
        social_security = parameters(period).ajk.social_security
        in_force = sum(bool(social_security[branch].in_force) for branch in BRANCHES)
        return person.filled_array(in_force > 0)


class ss_excluded_public_servant(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Excluded from the scheme as a public servant"
    reference = C102
    documentation = "Public servants keep their own pension rules where the design excludes them."

    def formula(person, period, parameters):
        excluded = parameters(period).ajk.social_security.scope.public_servants_excluded
        return person("is_public_servant", period) * excluded


class ss_in_scope_employee(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "An employee of an establishment within the scheme's compulsory scope"
    reference = C102
    documentation = "An employee whose establishment employs at least the minimum number of persons and who is not an excluded public servant (C102 Art 27(a): prescribed classes of employees)."

    def formula(person, period, parameters):
        scope = parameters(period).ajk.social_security.scope
        employee = person("employment_status", period) == EmploymentStatus.employee
        large_enough = person("establishment_size", period) >= scope.minimum_establishment_size
        excluded = person("ss_excluded_public_servant", period)
        return employee * large_enough * numpy.logical_not(excluded)


class ss_voluntary_member(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "An own-account worker insured voluntarily"
    reference = C102
    documentation = "An own-account worker who opted in, where the design allows voluntary cover (C102 Art 6)."

    def formula(person, period, parameters):
        allowed = parameters(period).ajk.social_security.scope.own_account_workers_voluntary
        own_account = person("employment_status", period) == EmploymentStatus.own_account_worker
        return own_account * person("ss_voluntary_contributor", period) * allowed


class ss_insured(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Insured under the contributory scheme this month"
    reference = C102
    documentation = "In the compulsory scope or a voluntary member, while at least one branch is in force."

    def formula(person, period, parameters):
        in_scope = person("ss_in_scope_employee", period) + person("ss_voluntary_member", period)
        return in_scope * person("ss_scheme_in_force", period)


class ss_insurable_wage_floor(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Floor of the insurable wage, PKR per month"
    reference = C102
    documentation = "A multiple of the minimum wage (0 means no floor)."

    def formula(person, period, parameters):
        floor_multiple = parameters(period).ajk.social_security.insurable_wage.floor_multiple
        return floor_multiple * person("ss_minimum_wage", period)


class ss_insurable_wage_ceiling(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Ceiling of the insurable wage, PKR per month (meaningful only where a ceiling applies)"
    reference = C102
    documentation = "A multiple of the minimum wage (C102 Art 65(3) allows a ceiling on the earnings counted)."

    def formula(person, period, parameters):
        ceiling_multiple = parameters(period).ajk.social_security.insurable_wage.ceiling_multiple
        return ceiling_multiple * person("ss_minimum_wage", period)


class ss_insurable_wage(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Insurable wage on which contributions are levied, PKR per month"
    reference = C102
    documentation = """
    For an insured employee the monthly wage, for a voluntary member the self-employment income,
    raised to the floor and, where a ceiling applies, cut to the ceiling. Zero for a person not insured.
    """

    def formula(person, period, parameters):
        insurable_wage = parameters(period).ajk.social_security.insurable_wage
        earnings = numpy.where(person("ss_voluntary_member", period),
                               person("self_employment_income", period), person("monthly_wage", period))
        # ``earnings`` is a fresh array: raise, cap and zero it in place (same values, fewer temporaries)
        raised = numpy.maximum(earnings, person("ss_insurable_wage_floor", period), out=earnings)
        if numpy.ndim(insurable_wage.ceiling_applies) or insurable_wage.ceiling_applies:
            capped = numpy.where(insurable_wage.ceiling_applies,
                                 numpy.minimum(raised, person("ss_insurable_wage_ceiling", period)), raised)
        else:
            capped = raised
        return numpy.multiply(person("ss_insured", period), capped, out=capped)


class ss_reference_wage(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Reference wage of earnings-related benefits, PKR per month"
    reference = C102
    documentation = """
    The average insured wage the earnings-related benefits use (C102 Art 65(2), previous earnings).
    Give it directly; otherwise it is the average monthly wage of the months before this one (the
    averaging period is a parameter), capped at the insurable wage ceiling where the design says so.
    """

    def formula(person, period, parameters):
        reference_wage = parameters(period).ajk.social_security.reference_wage
        months = reference_wage.averaging_months
        history = Period((DateUnit.MONTH, period.start.offset(-months, DateUnit.MONTH), months))
        average = person("monthly_wage", history, options=[ADD]) / months
        ceiling = person("ss_insurable_wage_ceiling", period)
        capped = reference_wage.capped_at_ceiling * parameters(period).ajk.social_security.insurable_wage.ceiling_applies
        return numpy.where(capped, numpy.minimum(average, ceiling), average)


class ss_contribution_years(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "year"
    label = "Completed years of contribution credited before this month"
    reference = C102
    documentation = "Whole years in the months of contribution (a part year does not count)."

    def formula(person, period, parameters):
        return numpy.floor_divide(person("ss_contribution_months", period), MONTHS_PER_YEAR)


class ss_has_earnings(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Has a wage or self-employment income this month"
    reference = C102
    documentation = "A spouse without earnings of their own counts as a dependant."

    def formula(person, period, parameters):
        earnings = person("monthly_wage", period) + person("self_employment_income", period)
        return earnings > 0


class ss_is_dependent_child(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "A child of the household head under the scheme's child age limit"
    reference = C102
    documentation = "C102 Art 1(1)(e): a child under school-leaving age or under 15, as prescribed (the age limit is a parameter)."

    def formula(person, period, parameters):
        age_limit = parameters(period).ajk.social_security.dependants.child_age_limit
        return person.has_role(Household.CHILD) * (person("age", period) < age_limit)


class ss_household_dependent_children(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    unit = "person"
    label = "Children of the household under the scheme's child age limit"
    reference = C102
    documentation = "Children of the head (role child) younger than the age limit."

    def formula(household, period, parameters):
        return household.sum(household.members("ss_is_dependent_child", period))


class ss_household_spouses_without_earnings(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    unit = "person"
    label = "Spouses of the head who have no earnings"
    reference = C102
    documentation = "A wife maintained by her husband (C102 Art 1(1)(c)), read gender-neutrally."

    def formula(household, period, parameters):
        no_earnings = numpy.logical_not(household.members("ss_has_earnings", period))
        return household.sum(no_earnings, role=Household.SPOUSE)


class ss_household_head_without_earnings(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "The head of the household has no earnings"
    reference = C102
    documentation = "A head maintained by the spouse counts as the spouse's dependant."

    def formula(household, period, parameters):
        no_earnings = numpy.logical_not(household.members("ss_has_earnings", period))
        return household.sum(no_earnings, role=Household.HEAD) > 0


class ss_has_dependent_spouse(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "The person's spouse has no earnings and counts as a dependant"
    reference = C102
    documentation = "For the head: a spouse without earnings. For a spouse: a head without earnings."

    def formula(person, period, parameters):
        head = person.has_role(Household.HEAD)
        spouse = person.has_role(Household.SPOUSE)
        spouse_dependent = person.household("ss_household_spouses_without_earnings", period) > 0
        head_dependent = person.household("ss_household_head_without_earnings", period)
        married = person("marital_status", period) == MaritalStatus.married
        return married * (head * spouse_dependent + spouse * head_dependent)


class ss_dependants_count(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "person"
    label = "Dependants for the supplements of the person's benefits"
    reference = C102
    documentation = """
    The dependent spouse and the children under the age limit. The children count for the head, and
    for the spouse only where the head has no earnings (one breadwinner claims them).
    """

    def formula(person, period, parameters):
        children = person.household("ss_household_dependent_children", period)
        head = person.has_role(Household.HEAD)
        spouse = person.has_role(Household.SPOUSE)
        head_dependent = person.household("ss_household_head_without_earnings", period)
        claims_children = head + spouse * head_dependent
        return person("ss_has_dependent_spouse", period) + claims_children * children
