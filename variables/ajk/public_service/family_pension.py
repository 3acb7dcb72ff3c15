"""Family pension of the family of an AJK government servant who died in service or as a pensioner."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.tools.dates import happened_before, increase_factor

FORMULA_GUIDE = "https://jobsgar.com/pension-calculation-formula/"
INCREASES = "https://kashmirenglish.pk/ajk-govt-increase-in-pension-ad-hoc-relief-allowance"


class ajk_family_pension_death_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "AJK family pension: the government servant or pensioner died before this month"
    reference = FORMULA_GUIDE
    documentation = "The recorded death date of the deceased servant is before the first day of the month."

    def formula_2008_07(person, period, parameters):
        return happened_before(person("deceased_public_servant_death_date", period), period.start)


class ajk_family_pension_service_condition(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "AJK family pension: the deceased was a pensioner, or died in service after 10 years"
    reference = FORMULA_GUIDE
    documentation = """
    The deceased had retired on pension before dying, or died in service with at least the qualifying
    service for a family pension (10 years).
    """

    def formula_2008_07(person, period, parameters):
        family_pension = parameters(period).ajk.public_service.family_pension
        death_date = person("deceased_public_servant_death_date", period)
        retirement_date = person("deceased_public_servant_retirement_date", period)
        died_as_pensioner = retirement_date < death_date
        service = person("deceased_public_servant_service_years", period)
        return died_as_pensioner + (service >= family_pension.minimum_service_death_in_service)


class ajk_family_pension_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Entitled to an AJK family pension this month"
    reference = FORMULA_GUIDE
    documentation = "The death happened before this month and the service condition is met."

    def formula_2008_07(person, period, parameters):
        died = person("ajk_family_pension_death_condition", period)
        return died * person("ajk_family_pension_service_condition", period)


class ajk_family_pension(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK family pension paid, PKR per month"
    reference = (FORMULA_GUIDE, INCREASES)
    documentation = """
    Share (75 %, an assumption) of the deceased's gross pension (last pensionable pay x 70 % x
    min(service, 30) / 30), times the compound factor of the AJK increases granted since the pension began:
    the deceased's retirement if he or she died as a pensioner, otherwise the death.
    """

    def formula_2008_07(person, period, parameters):
        public_service = parameters(period).ajk.public_service
        pension = public_service.pension
        counted_service = numpy.minimum(person("deceased_public_servant_service_years", period),
                                        pension.maximum_qualifying_service)
        service_fraction = counted_service / pension.maximum_qualifying_service
        gross = person("deceased_public_servant_last_pay", period) * pension.full_pension_rate * service_fraction
        started = numpy.minimum(person("deceased_public_servant_retirement_date", period),
                                person("deceased_public_servant_death_date", period))
        history = person.simulation.tax_benefit_system.parameters.ajk.public_service.pension
        factor = increase_factor(history.increase_rate, started, period.start, history.increase_for_later_retirees)
        family_share = public_service.family_pension.share_of_pension
        return person("ajk_family_pension_eligible", period) * family_share * gross * factor
