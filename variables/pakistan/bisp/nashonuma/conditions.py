"""Benazir Nashonuma: the eligibility conditions, each as its own variable.

A pregnant woman, or a child under two, of a Kafaalat household is a
beneficiary of the nutrition stipend (launched 13 August 2020). The health
conditions (antenatal check-ups, awareness sessions, specialised nutritious
food, immunisation and growth monitoring) are not observed by the model and
are taken as met.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.tools.dates import birth_dates, months_between
from openfisca_ajk.entities import Person, district_covered

LAUNCH = "https://en.dailypakistan.com.pk/13-Aug-2020/ehsaas-nashonuma-program-set-to-launch-in-the-nine-districts-of-country-today-says-sania"
TWO_YEARS = "https://www.bolnews.com/pakistan/2020/08/government-decides-to-give-stipend-to-mothers-for-2-years-from-birth/"
CONDITIONS = "https://www.urdupoint.com/en/pakistan/rs-1083-billion-paid-to-1873557-beneficiari-1834352.html"


class bisp_nashonuma_household_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Nashonuma: the person's household is eligible for the Benazir Kafaalat"
    reference = (LAUNCH, CONDITIONS)
    documentation = "Nashonuma serves pregnant women and young children of Kafaalat households."

    def formula_2020_08(person, period, parameters):
        return person.household("bisp_kafaalat_eligible", period)


class bisp_nashonuma_district_covered(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Nashonuma: the programme runs in the person's district"
    reference = (LAUNCH, CONDITIONS)
    documentation = """
    In AJK the programme started in Bagh at its launch (August 2020) and covers every district from July
    2023 (its extension dates are not reported; parameter covered_districts).
    """

    def formula_2020_08(person, period, parameters):
        covered_districts = parameters(period).pakistan.bisp.nashonuma.covered_districts
        return district_covered(person.household, period, covered_districts)


class bisp_nashonuma_pregnant_woman(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Nashonuma: the person is a pregnant woman"
    reference = (LAUNCH, CONDITIONS)
    documentation = """
    Pregnant this month. After birth the stipend continues for the child until
    the child is two (it is paid to the mother), so a lactating mother is not
    counted a second time.
    """

    def formula_2020_08(person, period, parameters):
        return person("is_pregnant", period)


class bisp_nashonuma_child_age_in_months(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "month"
    label = "Nashonuma: age in completed months on the first day of the month"
    reference = TWO_YEARS
    documentation = """
    Completed months of age on the first day of the month, from the date of
    birth (0 for a child born during the month). A child given by age in years
    is taken to have reached that age on the first day of the month the age is
    given for (so 0 or 1 year is under two, 2 years is not).
    """

    def formula(person, period, parameters):
        months = months_between(birth_dates(person, period), period.start)
        return numpy.maximum(months, 0)


class bisp_nashonuma_child_under_age_limit(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Nashonuma: the person is a child under two (under 24 completed months)"
    reference = TWO_YEARS
    documentation = "The stipend runs from birth until the child is two: the age in completed months is below the limit (24)."

    def formula_2020_08(person, period, parameters):
        limit = parameters(period).pakistan.bisp.nashonuma.child_age_limit
        return person("bisp_nashonuma_child_age_in_months", period) < limit


class bisp_nashonuma_beneficiary_category(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Nashonuma: the person is a pregnant woman or a child under two"
    reference = (LAUNCH, TWO_YEARS)
    documentation = "Either a pregnant woman or a child under two is a beneficiary category."

    def formula_2020_08(person, period, parameters):
        pregnant = person("bisp_nashonuma_pregnant_woman", period)
        young_child = person("bisp_nashonuma_child_under_age_limit", period)
        return pregnant + young_child
