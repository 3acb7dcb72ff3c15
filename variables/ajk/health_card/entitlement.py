"""AJK Sehat card: entitlement and the value of the cover (in kind)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household
from openfisca_ajk.tools.dates import MONTHS_PER_YEAR

LAUNCH_2019 = "https://arynews.tv/en/govt-launches-sehat-sahulat-program-in-ajk/"
COVER_2024 = "https://tribune.com.pk/story/2502891/ajk-residents-plead-for-health-card-restoration?amp=1"


class sehat_card_entitled(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Entitled to use the AJK Sehat card (health insurance) this month"
    reference = (LAUNCH_2019, "https://www.thenews.com.pk/print/760892-1-2-million-families-in-ajk-to-get-health-insurance-cover")
    documentation = "The card is active and the household belongs to a covered group."

    def formula_2019_08(household, period, parameters):
        active = household("sehat_card_programme_active", period)
        return active * household("sehat_card_covered_group", period)


class sehat_card_eligible(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Eligible for the AJK Sehat card this month (same as sehat_card_entitled)"
    reference = LAUNCH_2019
    documentation = "The conventional <scheme>_eligible name of sehat_card_entitled."

    def formula_2019_08(household, period, parameters):
        return household("sehat_card_entitled", period)


class sehat_card_annual_cover(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Sehat card cover for the family, PKR per year"
    reference = (LAUNCH_2019, COVER_2024)
    documentation = """
    Most the card pays for the family's inpatient treatment in a year, for an
    entitled household: Rs 720,000 (2019 poverty-targeted card), Rs 1,000,000
    (universal card, reported 2024; conflicting sources), 0 otherwise.
    """

    def formula_2019_08(household, period, parameters):
        cover = parameters(period).ajk.health_card.annual_cover
        return household("sehat_card_entitled", period) * cover


class sehat_card(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Sehat card, monthly equivalent of the yearly cover, PKR per month (in kind, not cash)"
    reference = (LAUNCH_2019, COVER_2024)
    documentation = """
    One twelfth of the yearly family cover for an entitled household, 0 otherwise.
    It is the ceiling of an in-kind benefit (hospital care paid to the hospital by
    the insurer), not the value of care used nor cash: it must not be added to
    disposable income. The registry marks it periodicity in_kind.
    """

    def formula_2019_08(household, period, parameters):
        return household("sehat_card_annual_cover", period) / MONTHS_PER_YEAR
