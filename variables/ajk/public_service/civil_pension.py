"""Civil pension of a retired AJK government servant.

Gross pension = last pensionable pay x qualifying service (at most 30 years) x 7/300, i.e. 70 % of pay at
30 years. A servant qualifies after 25 years of service at any age, or on superannuation at 60 with the
minimum qualifying service. AJK applies the federal Civil Service Regulations; the AJK text was not found.
"""

import numpy
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.tools.dates import birth_dates, completed_years_between, happened_before, happened_within, increase_factor

PENSION_GUIDE = "https://786times.com/how-to-calculate-pension-commutation/"
FORMULA_GUIDE = "https://jobsgar.com/pension-calculation-formula/"
INCREASES = (
    "https://dailytimes.com.pk/958004/ajk-presents-rs163bn-budget-for-fy-2022-23/",
    "https://www.nation.com.pk/28-Jul-2023/ajk-minister-announces-up-to-35pc-raise-in-govt-employees-salaries",
    "https://kashmirenglish.pk/ajk-govt-increase-in-pension-ad-hoc-relief-allowance",
)


class is_retired_public_servant(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Retired from AJK government service before this month"
    reference = PENSION_GUIDE
    documentation = "The retirement date is before the first day of the month (may also be given directly)."

    def formula(person, period, parameters):
        return happened_before(person("public_service_retirement_date", period), period.start)


class public_service_retired_this_month(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Retired from AJK government service in this month"
    reference = PENSION_GUIDE
    documentation = "The retirement date falls in the month; one-off retirement grants are counted in it."

    def formula(person, period, parameters):
        return happened_within(person("public_service_retirement_date", period), period)


class age_at_public_service_retirement(Variable):
    value_type = int
    entity = Person
    definition_period = ETERNITY
    unit = "year"
    label = "Age in completed years on the date of retirement from AJK government service"
    reference = PENSION_GUIDE
    documentation = "From the date of birth (or the age given, see openfisca_ajk.tools.dates.birth_dates) and the retirement date."

    def formula(person, period, parameters):
        birth = birth_dates(person, period)
        return completed_years_between(birth, person("public_service_retirement_date", period))


class ajk_civil_pension_service_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "AJK civil pension: 25 years of qualifying service, or superannuation age with the minimum service"
    reference = (PENSION_GUIDE, FORMULA_GUIDE)
    documentation = """
    Qualifying service of at least 25 years (retirement at any age), or retirement at or after the
    superannuation age (60) with at least the minimum qualifying service (10 years, an assumption).
    """

    def formula_2008_07(person, period, parameters):
        pension = parameters(period).ajk.public_service.pension
        service = person("public_service_years", period)
        age_at_retirement = person("age_at_public_service_retirement", period)
        long_service = service >= pension.minimum_service_any_age
        superannuation = (age_at_retirement >= pension.superannuation_age) * (
            service >= pension.minimum_service_superannuation)
        return long_service + superannuation


class ajk_civil_pension_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Entitled to an AJK civil pension this month"
    reference = (PENSION_GUIDE, FORMULA_GUIDE)
    documentation = "Retired before this month and meets the qualifying service condition."

    def formula_2008_07(person, period, parameters):
        retired = person("is_retired_public_servant", period)
        return retired * person("ajk_civil_pension_service_condition", period)


class ajk_civil_pension_gross(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK gross pension at retirement, before increases and commutation, PKR per month"
    reference = (PENSION_GUIDE, FORMULA_GUIDE)
    documentation = """
    Last pensionable pay x qualifying service (counted up to 30 years) x 7/300, written as
    pay x 70 % x min(service, 30) / 30. May be given directly, e.g. for a pension that began before July
    2022 at its June 2022 level.
    """

    def formula_2008_07(person, period, parameters):
        pension = parameters(period).ajk.public_service.pension
        counted_service = numpy.minimum(person("public_service_years", period), pension.maximum_qualifying_service)
        service_fraction = counted_service / pension.maximum_qualifying_service
        return person("last_pensionable_pay", period) * pension.full_pension_rate * service_fraction


class ajk_civil_pension_increase_factor(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Compound factor of the AJK increases granted to the pension since it began"
    reference = INCREASES
    documentation = """
    Product of (1 + rate) of every increase (15 % Jul 2022, 17.5 % Jul 2023, 7 % Jul 2025) dated on or before
    this month and granted to the pension: one dated after the retirement date, or one that is also admissible
    to pensioners who retire on or after its date (the 2025 notification says so; 2023 read the same way).
    """

    def formula_2008_07(person, period, parameters):
        history = person.simulation.tax_benefit_system.parameters.ajk.public_service.pension
        retirement_date = person("public_service_retirement_date", period)
        return increase_factor(history.increase_rate, retirement_date, period.start, history.increase_for_later_retirees)


class ajk_civil_pension(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK civil pension paid, PKR per month"
    reference = (PENSION_GUIDE, *INCREASES)
    documentation = """
    Gross pension, less the commuted share (35 %) if the pensioner commuted, times the compound factor of
    the increases granted since retirement. The commutation lump sum is not computed (its age-based rate
    table is not in the sources).
    """

    def formula_2008_07(person, period, parameters):
        commutation_share = parameters(period).ajk.public_service.pension.commutation_share
        commuted = person("ajk_civil_pension_commuted", period)
        kept_share = 1 - commuted * commutation_share
        gross = person("ajk_civil_pension_gross", period)
        increases = person("ajk_civil_pension_increase_factor", period)
        return person("ajk_civil_pension_eligible", period) * gross * kept_share * increases
