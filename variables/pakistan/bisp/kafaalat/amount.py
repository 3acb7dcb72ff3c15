"""Benazir Kafaalat: eligibility and the amount paid."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household
from openfisca_ajk.tools.dates import MONTHS_PER_QUARTER

BISP = "http://pakistanlawyer.com/2016/07/26/benazir-income-support-program-act-2010/"  # Benazir Income Support Programme Act 2010


class bisp_kafaalat_modelled(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Benazir Kafaalat: the package models the scheme this month (from January 2011)"
    reference = (BISP, "http://www.bisp.gov.pk/SC_Introduction.aspx")
    documentation = """
    False before 2011: from July 2008 to April 2009 recipients were chosen on forms distributed through
    parliamentarians, and the poverty scorecard applies from 2011, so the eligibility of 2008-2010 cannot be
    computed from a household's data. In those months bisp_kafaalat is 0 because the scheme is not modelled,
    not because the household is ineligible; the scheme registry says so (modelled_from).
    """

    def formula_2011_01(household, period, parameters):
        return numpy.ones(household.count, dtype=bool)


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
        return household("bisp_kafaalat_quarterly_instalment", period) / MONTHS_PER_QUARTER
