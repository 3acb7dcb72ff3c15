"""Proposed child benefit for children aged 0 to 5 (R202 guarantee (b)): dormant until a reform switches it on.

Every child under the age limit (6) receives each month a share (20 %) of the national poverty line per
adult equivalent in force, paid with the household. A proposal, not law:
``ajk.proposals.child_benefit.in_force`` is false in the baseline and ``reforms/child_benefit_0_5.yaml``
sets it.
"""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person

R202 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:R202"
ESS58 = "https://informaleconomy.social-protection.org/gimi/ShowRessource.action?id=54915&lang=EN"


class proposal_child_benefit_in_force(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Proposed child benefit: the scheme is in force"
    reference = R202
    documentation = "A design switch of the proposal (false in today's law); reforms/child_benefit_0_5.yaml sets it."

    def formula(household, period, parameters):
        return household.filled_array(parameters(period).ajk.proposals.child_benefit.in_force)


class proposal_child_benefit_qualifying_child(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Proposed child benefit: the person is a child under the age limit"
    reference = (R202, ESS58)
    documentation = "Age on the first day of the month below the age limit (6: children aged 0 to 5)."

    def formula(person, period, parameters):
        return person("age", period) < parameters(period).ajk.proposals.child_benefit.age_limit


class proposal_child_benefit_qualifying_children(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    unit = "person"
    label = "Proposed child benefit: number of children under the age limit in the household"
    reference = R202
    documentation = "Members for whom proposal_child_benefit_qualifying_child holds."

    def formula(household, period, parameters):
        return household.sum(household.members("proposal_child_benefit_qualifying_child", period))


class proposal_child_benefit_has_qualifying_child(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Proposed child benefit: the household has at least one child under the age limit"
    reference = R202
    documentation = "At least one member for whom proposal_child_benefit_qualifying_child holds."

    def formula(household, period, parameters):
        return household("proposal_child_benefit_qualifying_children", period) > 0


class proposal_child_benefit_eligible(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Eligible for the proposed child benefit"
    reference = R202
    documentation = "The scheme is in force and the household has a child under the age limit; no means test."

    def formula(household, period, parameters):
        in_force = household("proposal_child_benefit_in_force", period)
        return in_force * household("proposal_child_benefit_has_qualifying_child", period)


class proposal_child_benefit(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Proposed child benefit, PKR per month"
    reference = (R202, ESS58)
    documentation = "Per child under the age limit, the share of the national poverty line per adult equivalent in force (20 % in the proposal)."

    def formula(household, period, parameters):
        share = parameters(period).ajk.proposals.child_benefit.share_of_poverty_line
        per_child = share * household("poverty_line_per_adult_equivalent", period)
        children = household("proposal_child_benefit_qualifying_children", period)
        return household("proposal_child_benefit_eligible", period) * children * per_child
