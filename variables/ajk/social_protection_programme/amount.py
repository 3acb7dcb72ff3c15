"""AJK Social Protection Programme: the allowance paid."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.tools.dates import MONTHS_PER_YEAR


class ajk_social_protection_allowance(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Social Protection Programme subsistence allowance, PKR per month"
    reference = (
        "https://arynews.tv/ajk-govt-establishes-rs5b-endowment-fund-for-deserving-citizens/",
        "https://www.urdupoint.com/en/kashmir/ajk-govt-launches-social-protection-welfare-p-1911244.html",
    )
    documentation = """
    One twelfth of the yearly allowance for each eligible person, once payments have started. Both the
    rate (Rs 20,000 a year) and the start of payments (January 2025) are assumptions: the Social
    Protection Board's decision was not found.
    """

    def formula_2024_03(person, period, parameters):
        programme = parameters(period).ajk.social_protection_programme
        monthly_allowance = programme.allowance_per_year / MONTHS_PER_YEAR
        eligible = person("ajk_social_protection_allowance_eligible", period)
        return eligible * programme.payments_started * monthly_allowance
