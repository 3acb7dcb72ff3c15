"""Proposed disability benefit for persons of working age (R202 guarantee (c)): dormant until a reform switches it on.

Every person with a disability from the minimum age (18) to below the maximum age (65, where the
proposed universal old-age pension starts) receives each month a share (100 %) of the national poverty
line per adult equivalent in force. A proposal, not law: ``ajk.proposals.disability_benefit.in_force``
is false in the baseline and ``reforms/disability_benefit.yaml`` sets it.
"""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

R202 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:R202"
ESS58 = "https://informaleconomy.social-protection.org/gimi/ShowRessource.action?id=54915&lang=EN"


class proposal_disability_benefit_in_force(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Proposed disability benefit: the scheme is in force"
    reference = R202
    documentation = "A design switch of the proposal (false in today's law); reforms/disability_benefit.yaml sets it."

    def formula(person, period, parameters):
        return person.filled_array(parameters(period).ajk.proposals.disability_benefit.in_force)


class proposal_disability_benefit_age_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Proposed disability benefit: the person is of working age (18 to 64)"
    reference = R202
    documentation = "Age on the first day of the month at least the minimum age and below the maximum age."

    def formula(person, period, parameters):
        benefit = parameters(period).ajk.proposals.disability_benefit
        age = person("age", period)
        return (age >= benefit.minimum_age) * (age < benefit.maximum_age)


class proposal_disability_benefit_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the proposed disability benefit"
    reference = R202
    documentation = "The scheme is in force, the person has a disability and is of working age; no means test."

    def formula(person, period, parameters):
        in_force = person("proposal_disability_benefit_in_force", period)
        return in_force * person("has_disability", period) * person("proposal_disability_benefit_age_condition", period)


class proposal_disability_benefit(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Proposed disability benefit, PKR per month"
    reference = (R202, ESS58)
    documentation = "The share of the national poverty line per adult equivalent in force (100 % in the proposal), to every eligible person."

    def formula(person, period, parameters):
        share = parameters(period).ajk.proposals.disability_benefit.share_of_poverty_line
        line = person.household("poverty_line_per_adult_equivalent", period)
        return person("proposal_disability_benefit_eligible", period) * share * line
