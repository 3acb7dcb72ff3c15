"""Benazir Nashonuma: eligibility, the quarterly instalment and the monthly amount."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import Sex
from openfisca_ajk.tools.dates import MONTHS_PER_QUARTER

LAUNCH = "https://en.dailypakistan.com.pk/13-Aug-2020/ehsaas-nashonuma-program-set-to-launch-in-the-nine-districts-of-country-today-says-sania"
RATES_2023 = "https://www.urdupoint.com/en/pakistan/benazir-nashonuma-center-inaugurated-at-dhq-n-1661997.html"
RATES_2024 = "https://www.urdupoint.com/en/pakistan/benazir-kafaalat-stipends-amount-increased-up-1790187.html"
SURVEY_2025 = "https://www.app.com.pk/national/over-860000-women-and-children-benefit-from-benazir-nashonuma-programme-during-fy-2025"


class bisp_nashonuma_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the Benazir Nashonuma nutrition stipend"
    reference = (LAUNCH, RATES_2023)
    documentation = """
    A pregnant woman or a child under two whose household is Kafaalat-eligible,
    in a district the programme runs in (in AJK Bagh from the launch in August
    2020, every district from July 2023).
    """

    def formula_2020_08(person, period, parameters):
        household_eligible = person("bisp_nashonuma_household_eligible", period)
        in_district = person("bisp_nashonuma_district_covered", period)
        in_category = person("bisp_nashonuma_beneficiary_category", period)
        return household_eligible * in_district * in_category


class bisp_nashonuma_quarterly_stipend(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Benazir Nashonuma stipend (without the travel amount) for the quarter containing this month, PKR"
    reference = (LAUNCH, RATES_2023, RATES_2024, SURVEY_2025)
    documentation = """
    A pregnant woman receives the pregnant woman's rate (equal to the boy's);
    a girl under two the girls' rate; any other child under two the boys' rate.
    2024-25 rates: the BISP secretary's (2,500 / 3,000) are used rather than the
    Economic Survey's (3,000 / 3,500), see the parameter's note.
    """

    def formula_2020_08(person, period, parameters):
        rates = parameters(period).pakistan.bisp.nashonuma.quarterly_stipend
        pregnant = person("bisp_nashonuma_pregnant_woman", period)
        is_girl = person("sex", period) == Sex.female
        child_rate = numpy.where(is_girl, rates.girl, rates.boy)
        rate = numpy.where(pregnant, rates.pregnant_woman, child_rate)
        return person("bisp_nashonuma_eligible", period) * rate


class bisp_nashonuma_quarterly_instalment(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Benazir Nashonuma quarterly instalment (stipend plus travel amount), PKR"
    reference = (LAUNCH, RATES_2024)
    documentation = """
    The stipend plus the Rs 500 travel amount paid with it each quarter to an
    eligible beneficiary. The travel amount is cash paid with the stipend, so
    it is counted (assumed to continue after launch; see the parameter).
    """

    def formula_2020_08(person, period, parameters):
        travel_amount = parameters(period).pakistan.bisp.nashonuma.travel_allowance
        eligible = person("bisp_nashonuma_eligible", period)
        return person("bisp_nashonuma_quarterly_stipend", period) + eligible * travel_amount


class bisp_nashonuma(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Benazir Nashonuma nutrition stipend, PKR per month"
    reference = (LAUNCH, RATES_2023, RATES_2024)
    documentation = "One third of the quarterly instalment (stipend plus travel amount) is counted in each month of the quarter."

    def formula_2020_08(person, period, parameters):
        return person("bisp_nashonuma_quarterly_instalment", period) / MONTHS_PER_QUARTER
