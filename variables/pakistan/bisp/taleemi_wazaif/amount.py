"""Benazir Taleemi Wazaif: eligibility, the quarterly stipend, the girls' completion bonus and the monthly amount."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import SchoolLevel, Sex
from openfisca_ajk.tools.dates import MONTHS_PER_QUARTER

RATES_2024 = "https://www.urdupoint.com/en/pakistan/benazir-kafaalat-stipends-amount-increased-up-1790187.html"
RATES_2021 = "https://www.urdupoint.com/en/pakistan/118-million-children-enrolled-under-benazir-t-1705170.html"
RATES_2012 = "http://pid.gov.pk/site/press_detail/1322"
BONUS = "https://tribune.com.pk/story/2307336/primary-school-graduation-bonus-for-girls-announced"


class bisp_taleemi_wazaif_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the Benazir Taleemi Wazaif education stipend"
    reference = (RATES_2012, RATES_2021)
    documentation = """
    The child's household receives the Kafaalat in a district the programme
    runs in, the child is enrolled at a
    covered level, is within the age limits, attended at least 70 % of school
    days, and (2012 design) is among the family's first three paid children.
    """

    def formula_2012_10(person, period, parameters):
        return (
            person("bisp_taleemi_wazaif_household_eligible", period)
            * person("bisp_taleemi_wazaif_district_covered", period)
            * person("bisp_taleemi_wazaif_covered_level", period)
            * person("bisp_taleemi_wazaif_age_condition", period)
            * person("bisp_taleemi_wazaif_attendance_condition", period)
            * person("bisp_taleemi_wazaif_within_children_cap", period)
        )


def stipend_by_sex(level_rates, is_girl):
    """The girls' rate for a girl, the boys' rate otherwise."""
    return numpy.where(is_girl, level_rates.girl, level_rates.boy)


def rate_by_level_and_sex(level, is_girl, covered):
    """The stipend of each child's level and sex, 0 at a level not covered.

    ``covered`` is ((SchoolLevel item, rates with .girl and .boy), ...). One table per sex indexed by the
    level's code: the values of ``numpy.select`` over the levels of ``stipend_by_sex``, in two gathers.
    """
    girl_rates, boy_rates = numpy.zeros(len(SchoolLevel)), numpy.zeros(len(SchoolLevel))
    for item, level_rates in covered:
        girl_rates[item.index], boy_rates[item.index] = level_rates.girl, level_rates.boy
    codes = numpy.asarray(level.view(numpy.ndarray) if hasattr(level, "possible_values") else level)
    return numpy.where(is_girl, girl_rates[codes], boy_rates[codes])


class bisp_taleemi_wazaif_quarterly_instalment(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Benazir Taleemi Wazaif stipend for the quarter containing this month, PKR"
    reference = (RATES_2012, "https://www.samaa.tv/education/2020/11/pakistan-to-offer-stipend-to-five-million-primary-students/", RATES_2021, RATES_2024)
    documentation = """
    The quarterly stipend of an eligible child, by school level and sex (girls
    receive more from November 2020). A child recorded as transgender is paid
    the boys' rate (the sources name only boys and girls; an assumption).
    2012 regime: primary only. July 2021 regime: primary, secondary and
    higher secondary.
    """

    def formula_2012_10(person, period, parameters):
        rates = parameters(period).pakistan.bisp.taleemi_wazaif.quarterly_stipend
        is_girl = person("sex", period) == Sex.female
        primary_rate = stipend_by_sex(rates.primary, is_girl)
        return person("bisp_taleemi_wazaif_eligible", period) * primary_rate

    def formula_2021_07(person, period, parameters):
        rates = parameters(period).pakistan.bisp.taleemi_wazaif.quarterly_stipend
        is_girl = person("sex", period) == Sex.female
        level = person("school_level", period)
        covered = ((SchoolLevel.primary, rates.primary), (SchoolLevel.secondary, rates.secondary),
                   (SchoolLevel.higher_secondary, rates.higher_secondary))
        rate = rate_by_level_and_sex(level, is_girl, covered)
        return person("bisp_taleemi_wazaif_eligible", period) * rate


class bisp_taleemi_wazaif_primary_completion_bonus(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Benazir Taleemi Wazaif girls' primary completion bonus, PKR, in the month of completion"
    reference = BONUS
    documentation = """
    A one-off Rs 3,000 paid to a girl who completes primary school (grade 5)
    while a stipend beneficiary, counted in the month of completion (from
    July 2021; the bonus was announced on 25 June 2021).
    """

    def formula_2021_07(person, period, parameters):
        bonus = parameters(period).pakistan.bisp.taleemi_wazaif.primary_completion_bonus
        is_girl = person("sex", period) == Sex.female
        beneficiary = person("bisp_taleemi_wazaif_eligible", period)
        completed = person("completed_primary_this_month", period)
        return beneficiary * is_girl * completed * bonus


class bisp_taleemi_wazaif(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Benazir Taleemi Wazaif education stipend, PKR per month"
    reference = (RATES_2012, RATES_2021, RATES_2024, BONUS)
    documentation = """
    One third of the quarterly stipend in each month of the quarter, plus the
    girls' one-off primary completion bonus in the month it falls due (the
    contract counts one-off grants in the month of the event).
    """

    def formula_2012_10(person, period, parameters):
        monthly_stipend = person("bisp_taleemi_wazaif_quarterly_instalment", period) / MONTHS_PER_QUARTER
        return monthly_stipend + person("bisp_taleemi_wazaif_primary_completion_bonus", period)
