"""PBM Child Support Programme: eligibility and the stipend paid to the family."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household

CSP = "http://www.pbm.gov.pk/csp.html"


class pbm_child_support_eligible(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Eligible for the PBM Child Support Programme stipend"
    reference = CSP
    documentation = "PMT score within the cut-off, district covered by the programme, and at least one qualifying child."

    def formula_2011_01(household, period, parameters):
        poor = household("pbm_child_support_pmt_condition", period)
        district_covered = household("pbm_child_support_district_condition", period)
        has_child = household("pbm_child_support_has_qualifying_child", period)
        return poor * district_covered * has_child


class pbm_child_support(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "PBM Child Support Programme stipend, PKR per month"
    reference = (CSP, "https://www.thenews.com.pk/print/540767-pbm-enrols-28-462-families-for-paying-stipends-to-their-children")
    documentation = """
    Per family, not per child: Rs 300 a month with one qualifying child,
    Rs 600 a month with two or more.
    """

    def formula_2011_01(household, period, parameters):
        child_support = parameters(period).pakistan.bait_ul_mal.child_support
        children = household("pbm_child_support_qualifying_children", period)
        stipend = numpy.where(children > 1, child_support.amount_two_or_more_children, child_support.amount_one_child)
        return household("pbm_child_support_eligible", period) * stipend
