"""Benazir Kafaalat: eligibility and the amount paid."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household

BISP = "http://pakistanlawyer.com/2016/07/26/benazir-income-support-program-act-2010/"  # Benazir Income Support Programme Act 2010


class bisp_kafaalat_eligible(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Eligible for the Benazir Kafaalat cash transfer"
    reference = BISP
    documentation = "PMT score within the cut-off, and at least one qualifying recipient in the household."

    def formula_2011_01(household, period, parameters):
        score_within_cutoff = household("bisp_kafaalat_pmt_condition", period)
        has_recipient = household("bisp_kafaalat_has_qualifying_recipient", period)
        return score_within_cutoff * has_recipient


class bisp_kafaalat_quarterly_instalment(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Benazir Kafaalat instalment for the quarter containing this month, PKR"
    reference = "https://pid.gov.pk/site/press_detail/26435"
    documentation = "The quarterly instalment an eligible household receives (one recipient per household)."

    def formula_2011_01(household, period, parameters):
        instalment = parameters(period).pakistan.bisp.kafaalat.quarterly_instalment
        return household("bisp_kafaalat_eligible", period) * instalment


class bisp_kafaalat(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Benazir Kafaalat unconditional cash transfer, PKR per month"
    reference = "https://pid.gov.pk/site/press_detail/26435"
    documentation = "One third of the quarterly instalment is counted in each month of the quarter."

    def formula_2011_01(household, period, parameters):
        months_per_quarter = parameters(period).general.months_per_quarter
        return household("bisp_kafaalat_quarterly_instalment", period) / months_per_quarter
