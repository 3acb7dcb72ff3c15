"""AJK Sehat card: the entitlement conditions, each as its own variable.

From 26 Aug 2019 the card covered PMT-poor households and households with a
registered person with a disability; from 18 Dec 2020 every AJK household.
The card was inactive in 2024-2025 (from July 2024, assumed) and restored in
January 2026.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household

LAUNCH_2019 = "https://arynews.tv/en/govt-launches-sehat-sahulat-program-in-ajk/"
UNIVERSAL_2020 = "https://www.thenews.com.pk/print/760892-1-2-million-families-in-ajk-to-get-health-insurance-cover"
INACTIVE_2024 = "https://tribune.com.pk/story/2502891/ajk-residents-plead-for-health-card-restoration?amp=1"
RESTORED_2026 = "https://en.dailypakistan.com.pk/03-Jan-2026/free-health-card-facility-rolled-out-in-another-region"


class sehat_card_poverty_condition(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Sehat card: the household is below the poverty line by its PMT score"
    reference = (LAUNCH_2019, "https://opentro.com/bisp/pmt-score")
    documentation = "PMT score strictly below the Sehat card cut-off (32.5, from an unofficial source), while poor households are covered."

    def formula_2019_08(household, period, parameters):
        health_card = parameters(period).ajk.health_card
        below_cutoff = household("pmt_score", period) < health_card.pmt_cutoff
        return below_cutoff * health_card.poor_households_covered


class sehat_card_disability_condition(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Sehat card: a member of the household is a registered person with a disability"
    reference = (LAUNCH_2019, "https://www.app.com.pk/national/sehat-sahulat-programme-a-true-social-health-protection-initiative/")
    documentation = "Households with a registered person with a disability are covered without a poverty test."

    def formula_2019_08(household, period, parameters):
        covered = parameters(period).ajk.health_card.persons_with_disability_covered
        return household.any(household.members("has_disability", period)) * covered


class sehat_card_universal_condition(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Sehat card: every AJK household is covered (universal card)"
    reference = (UNIVERSAL_2020, "https://arynews.tv/govt-health-cards-azad-kashmir-people/")
    documentation = "From the universal launch of 18 Dec 2020 every household resident in AJK is covered."

    def formula_2019_08(household, period, parameters):
        universal = parameters(period).ajk.health_card.universal_coverage
        return numpy.full(household.count, universal, dtype=bool)


class sehat_card_covered_group(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Sehat card: the household belongs to a covered group"
    reference = (LAUNCH_2019, UNIVERSAL_2020)
    documentation = "Every household once the card is universal; before that PMT-poor households and households with a person with a disability."

    def formula_2019_08(household, period, parameters):
        poor = household("sehat_card_poverty_condition", period)
        disability = household("sehat_card_disability_condition", period)
        universal = household("sehat_card_universal_condition", period)
        return poor + disability + universal


class sehat_card_programme_active(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Sehat card: the card can be used in AJK this month"
    reference = (LAUNCH_2019, INACTIVE_2024, RESTORED_2026, "https://cwpakistan.com/?p=34118")
    documentation = "Active from the 2019 launch, inactive from July 2024 (assumed) and restored in January 2026."

    def formula_2019_08(household, period, parameters):
        active = parameters(period).ajk.health_card.card_active
        return numpy.full(household.count, active, dtype=bool)
