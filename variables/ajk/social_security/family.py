"""Family benefit (C102 Part VII): an amount per child for the household of a protected person.

A household qualifies when a member is insured with the qualifying period, or receives a periodical
benefit of the scheme (so that family allowances continue during a contingency, Art 65(1)). The
amount per child under the age limit is a share of the minimum wage (C102 Art 44 measures the total
value against 3 % of the ordinary labourer's wage per child).
"""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person, group_max

C102 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"
PERIODICAL_BENEFITS = ("ss_sickness_benefit", "ss_unemployment_benefit", "ss_old_age_periodical_pension",
                       "ss_employment_injury_benefit", "ss_maternity_benefit", "ss_invalidity_pension",
                       "ss_survivors_periodical_pension")


class ss_family_benefit_in_force(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Family benefit: the branch is in force"
    reference = C102
    documentation = "Off in today's law; a reform brings the branch into force."

    def formula(household, period, parameters):
        return household.filled_array(parameters(period).ajk.social_security.family.in_force)


class ss_family_protected_person(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Family benefit: a protected person (insured and qualified, or receiving a benefit of the scheme)"
    reference = C102
    documentation = "Insured this month with the family benefit's qualifying period (C102 Art 43: at most 3 months), or receiving a periodical benefit of the scheme."

    def formula(person, period, parameters):
        qualifying_months = parameters(period).ajk.social_security.family.qualifying_months
        qualified = person("ss_insured", period) * (person("ss_contribution_months", period) >= qualifying_months)
        receiving = sum(person(name, period) for name in PERIODICAL_BENEFITS) > 0
        return qualified + receiving


class ss_family_benefit_protected_household(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Family benefit: a member of the household is a protected person"
    reference = C102
    documentation = "At least one protected person in the household."

    def formula(household, period, parameters):
        return household.any(household.members("ss_family_protected_person", period))


class ss_family_benefit_has_children(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Family benefit: the household has a child under the age limit"
    reference = C102
    documentation = "The contingency of C102 Art 40: responsibility for the maintenance of children."

    def formula(household, period, parameters):
        return household("ss_household_dependent_children", period) > 0


class ss_family_benefit_eligible(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Eligible for the family benefit of the contributory scheme"
    reference = C102
    documentation = "Branch in force, a protected member, and at least one child under the age limit."

    def formula(household, period, parameters):
        return (household("ss_family_benefit_in_force", period)
                * household("ss_family_benefit_protected_household", period)
                * household("ss_family_benefit_has_children", period))


class ss_family_benefit(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Family benefit of the contributory scheme, PKR per month"
    reference = C102
    documentation = "Children under the age limit x share of the minimum wage per child."

    def formula(household, period, parameters):
        share = parameters(period).ajk.social_security.family.amount_per_child_share_of_minimum_wage
        minimum_wage = group_max(household, household.members("ss_minimum_wage", period))
        children = household("ss_household_dependent_children", period)
        return household("ss_family_benefit_eligible", period) * children * share * minimum_wage
