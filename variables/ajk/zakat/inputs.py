"""Inputs of the AJK zakat schemes: the zakat committee's assessment, religion, marriage, medical cost."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

ZAKAT_AJK = "https://zakat.ajk.gov.pk/zakat-disbursement"
CZC_RULES = "http://www.zakat.gop.pk/forms/ZakatDistributionProces.aspx?MID=3"


class is_zakat_mustahiq(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Assessed by the local zakat committee as a mustahiq (a needy person entitled to zakat)"
    reference = (ZAKAT_AJK, CZC_RULES)
    documentation = """
    The local zakat committee decides who is a mustahiq (needy: poor, widowed,
    orphaned, disabled). The federal guidelines tie it to a poverty line
    (Rs 670-675 a month, 2002 era); the AJK committees' current test is not
    published, so the committee's decision is taken as an input.
    """


class is_muslim(Variable):
    value_type = bool
    default_value = True
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Is a Muslim"
    reference = CZC_RULES
    documentation = "Zakat is paid to Muslim mustahiqeen only. Defaults to true (AJK's population is almost entirely Muslim)."


class marries_this_month(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Gets married in this month"
    reference = "https://www.urdupoint.com/en/pakistan/ajk-govt-increases-zakat-dowry-fund-1416091.html"
    documentation = "The person's marriage (nikah) takes place in this month; used by the zakat marriage (dowry) grant."


class medical_cost_not_covered_by_sehat_card(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Cost of the person's treatment this month that the Sehat card does not cover, PKR"
    reference = "https://www.urdupoint.com/en/pakistan/ajk-govt-increases-zakat-dowry-fund-1416091.html"
    documentation = """
    Cost of treatment at a public hospital (CMH, AIMS, DHQ, RHC, BHU) for a
    disease or procedure the Sehat card does not cover, or beyond its cover.
    """
