"""Inputs of the AJK public-service benefits: career, pay, grade and events (retirement, death, marriage)."""

from datetime import date

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

PENSION_GUIDE = "https://786times.com/how-to-calculate-pension-commutation/"
BF_RULES = "https://www.glxspace.com/2021/03/15/amendment-in-marriage-farewell-and-funeral-grant-bf-group-insurance-rules-1972-ajk/"
NO_EVENT = date(2999, 12, 31)


class public_service_years(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "year"
    label = "Qualifying service in AJK government service, years"
    reference = PENSION_GUIDE
    documentation = """
    Qualifying service as the Accountant General counts it, in years (fractions allowed): at retirement for
    a pensioner, to date for a serving government servant.
    """


class last_pensionable_pay(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-PKR"
    label = "Last pensionable pay, PKR per month"
    reference = PENSION_GUIDE
    documentation = """
    Pay counted for the pension, at the pay scales in force on the day of retirement (for a serving
    servant: the current pay). For most servants it is the last basic pay, which the Benevolent Fund
    farewell grant also uses.
    """


class bps_grade(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Basic Pay Scale (BPS 1 to 22) of the government servant's post; 0 if none"
    reference = "https://www.glxspace.com/2022/05/13/death-assistance-package-ajk-restored-just-like-federal-government/"
    documentation = "Grade of the post held (for a pensioner or a deceased servant: the last post)."


class public_service_retirement_date(Variable):
    value_type = date
    entity = Person
    definition_period = ETERNITY
    default_value = NO_EVENT
    label = "Date of retirement from AJK government service on pension"
    reference = PENSION_GUIDE
    documentation = """
    Last day of service (superannuation, or voluntary retirement after qualifying service). The default,
    31 Dec 2999, means the person has not retired. The pension is paid from the month after this date.
    """


class ajk_civil_pension_commuted(Variable):
    value_type = bool
    entity = Person
    definition_period = ETERNITY
    label = "The pensioner commuted part of the gross pension into a lump sum at retirement"
    reference = PENSION_GUIDE
    documentation = "Commutation is optional; when chosen the monthly pension is reduced by the commuted share (35 %)."


class died_in_service_this_month(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "The person, an AJK government servant, died in service this month"
    reference = "https://www.glxspace.com/2022/05/13/death-assistance-package-ajk-restored-just-like-federal-government/"
    documentation = "Event on the record of the deceased; the death-in-service assistance is counted in this month."


class daughter_married_this_month(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "A daughter of the (serving, retired or deceased) government servant married this month"
    reference = BF_RULES
    documentation = "Event on the record of the servant, the pensioner or the family pensioner who claims the grant."


class bf_marriage_grant_received_before(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "The Benevolent Fund marriage grant has already been paid for a daughter of this servant"
    reference = BF_RULES
    documentation = "The grant is paid for one daughter only."


class deceased_public_servant_death_date(Variable):
    value_type = date
    entity = Person
    definition_period = ETERNITY
    default_value = NO_EVENT
    label = "Date of death of the AJK government servant or pensioner whose family pension this person receives"
    reference = "https://jobsgar.com/pension-calculation-formula/"
    documentation = """
    Recorded on the family pensioner (the widow or widower, or the child entitled after the spouse). The
    default, 31 Dec 2999, means the person is not a family pensioner. The family pension is paid from the
    month after the death.
    """


class deceased_public_servant_retirement_date(Variable):
    value_type = date
    entity = Person
    definition_period = ETERNITY
    default_value = NO_EVENT
    label = "Date of retirement of the deceased government servant, if he or she died as a pensioner"
    reference = "https://jobsgar.com/pension-calculation-formula/"
    documentation = "The default, 31 Dec 2999, means the servant died in service."


class deceased_public_servant_last_pay(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-PKR"
    label = "Last pensionable pay of the deceased government servant, PKR per month"
    reference = "https://jobsgar.com/pension-calculation-formula/"
    documentation = "At retirement if the servant died as a pensioner, otherwise at death."


class deceased_public_servant_service_years(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "year"
    label = "Qualifying service of the deceased government servant, years"
    reference = "https://jobsgar.com/pension-calculation-formula/"
    documentation = "At retirement if the servant died as a pensioner, otherwise at death."
