"""The national poverty line, per adult equivalent and for a household."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person

LINE_2014 = "https://www.dawn.com/news/1250694"
LINE_2025 = "https://www.inp.net.pk/article-detail/inp-wealthpk/poverty-line-updated-to-rs8484-per-month-under-2024-25-estimation-framework"


class adult_equivalent_weight(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Adult equivalents the person counts for in the poverty line"
    reference = "http://pc.gov.pk/web/press/get_press/22"
    documentation = """
    A person under the child age limit (18) counts 0.8 adult equivalents, an adult 1.0. The scale is an
    assumption (see parameters macro.poverty_line.adult_equivalence).
    """

    def formula_2013_07(person, period, parameters):
        scale = parameters(period).macro.poverty_line.adult_equivalence
        is_child = person("age", period) < scale.child_age_limit
        return numpy.where(is_child, scale.child_weight, scale.adult_weight)


class household_adult_equivalents(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Number of adult equivalents in the household"
    reference = "http://pc.gov.pk/web/press/get_press/22"
    documentation = "Sum of the members' adult-equivalent weights."

    def formula_2013_07(household, period, parameters):
        return household.sum(household.members("adult_equivalent_weight", period))


class poverty_line_per_adult_equivalent(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "National CBN poverty line in force, PKR per adult equivalent per month"
    reference = (LINE_2014, LINE_2025)
    documentation = """
    The official cost-of-basic-needs line (Rs 3,030.32 at 2013-14 prices; Rs 8,484 at 2024-25 prices),
    uprated between surveys by the ratio of the fiscal year's consumer price index to the index of the
    line's survey year, when macro.poverty_line.uprate_by_cpi is true (an assumption: the official lines of
    2015-16 and 2018-19 are not known). From July 2024 the uprating factor is 1 until a FY2025-26 index is
    encoded.
    """

    def formula_2013_07(household, period, parameters):
        macro = parameters(period).macro
        official_line = macro.poverty_line.cbn_official
        price_ratio = macro.cpi.price_index / macro.poverty_line.cbn_official_price_index
        uprating = numpy.where(macro.poverty_line.uprate_by_cpi, price_ratio, 1)
        return household.filled_array(official_line) * uprating


class poverty_line_household(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Poverty line of the household, PKR per month"
    reference = (LINE_2014, LINE_2025)
    documentation = "The poverty line per adult equivalent times the household's adult equivalents."

    def formula_2013_07(household, period, parameters):
        line = household("poverty_line_per_adult_equivalent", period)
        return line * household("household_adult_equivalents", period)
