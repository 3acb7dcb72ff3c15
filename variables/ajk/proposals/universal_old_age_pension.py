"""Proposed universal old-age social pension (R202 guarantee (d)): dormant until a reform switches it on.

Every person who has reached the minimum age (65) receives each month a share (100 %) of the national
poverty line per adult equivalent in force, without a means test or contribution record. The scheme is
a proposal, not law: ``ajk.proposals.universal_old_age_pension.in_force`` is false in the baseline and
``reforms/universal_old_age_pension.yaml`` sets it.
"""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

R202 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:R202"
ESS58 = "https://informaleconomy.social-protection.org/gimi/ShowRessource.action?id=54915&lang=EN"


class proposal_universal_old_age_pension_in_force(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Proposed universal old-age pension: the scheme is in force"
    reference = R202
    documentation = "A design switch of the proposal (false in today's law); reforms/universal_old_age_pension.yaml sets it."

    def formula(person, period, parameters):
        return person.filled_array(parameters(period).ajk.proposals.universal_old_age_pension.in_force)


class proposal_universal_old_age_pension_age_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Proposed universal old-age pension: the person has reached the minimum age"
    reference = (R202, ESS58)
    documentation = "Age on the first day of the month at least the minimum age (65 in the proposal)."

    def formula(person, period, parameters):
        minimum_age = parameters(period).ajk.proposals.universal_old_age_pension.minimum_age
        return person("age", period) >= minimum_age


class proposal_universal_old_age_pension_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the proposed universal old-age pension"
    reference = R202
    documentation = "The scheme is in force and the person has reached the minimum age; no means test, no contribution record."

    def formula(person, period, parameters):
        in_force = person("proposal_universal_old_age_pension_in_force", period)
        return in_force * person("proposal_universal_old_age_pension_age_condition", period)


class proposal_universal_old_age_pension(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Proposed universal old-age pension, PKR per month"
    reference = (R202, ESS58)
    documentation = "The share of the national poverty line per adult equivalent in force (100 % in the proposal), to every eligible person."

    def formula(person, period, parameters):
        share = parameters(period).ajk.proposals.universal_old_age_pension.share_of_poverty_line
        line = person.household("poverty_line_per_adult_equivalent", period)
        return person("proposal_universal_old_age_pension_eligible", period) * share * line
