"""Household characteristics: place, poverty score, survey weight."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import ETERNITY, MONTH, YEAR
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household
from openfisca_ajk.enums import District


class district(Variable):
    value_type = Enum
    possible_values = District
    default_value = District.muzaffarabad
    entity = Household
    definition_period = ETERNITY
    label = "District of residence in AJK"
    reference = "https://www.pbs.gov.pk/content/final-results-census-2017"
    documentation = "One of AJK's ten districts."


class is_urban(Variable):
    value_type = bool
    entity = Household
    definition_period = ETERNITY
    label = "Lives in an urban area"
    reference = "https://www.pbs.gov.pk/content/final-results-census-2017"
    documentation = "Urban as classified by the census."


class pmt_score(Variable):
    value_type = float
    default_value = 100
    entity = Household
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "score"
    label = "NSER proxy-means-test score (0 to 100)"
    reference = "https://www.urdupoint.com/en/pakistan/finance-division-allocates-rs-364078-millio-1624977.html"
    documentation = """
    Poverty score of the household in the National Socio-Economic Registry (NSER);
    lower is poorer. A household that was never surveyed has no score: the default
    of 100 places it above every cut-off.
    """


class household_weight(Variable):
    value_type = float
    default_value = 1
    entity = Household
    definition_period = YEAR
    set_input = set_input_dispatch_by_period
    label = "Survey weight: households this record stands for"
    reference = "https://nation.com.pk/27-Aug-2017/census-2017-ajk-population-rises-to-over-4m"
    documentation = "Weight of the household in a population; 1 for a single application."
