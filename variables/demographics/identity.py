"""Who a person is: birth date, age, sex, marital status, identity card, disability, pregnancy."""

from datetime import date

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import MaritalStatus, Sex
from openfisca_ajk.tools.dates import MissingAgeInputError, completed_years

NADRA = "http://paklaws2014.blogspot.com/2014/11/national-database-and-registration.html"  # National Database and Registration Authority Ordinance 2000


class date_of_birth(Variable):
    value_type = date
    entity = Person
    definition_period = ETERNITY
    default_value = date(1970, 1, 1)
    label = "Date of birth"
    reference = NADRA
    documentation = """
    Date of birth as recorded on the CNIC or B-form (child registration certificate). The age may be given
    instead: a rule that needs a date (months of age, age at retirement) then takes the latest date of
    birth compatible with the age given (openfisca_ajk.tools.dates.birth_dates).
    """


class age(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    unit = "year"
    label = "Age in completed years on the first day of the month"
    reference = NADRA
    documentation = """
    Completed years of age on the first day of the month, from the date of birth.
    It may be given directly instead of the date of birth. With neither input in the situation, a rule
    that needs the age raises an error naming both (never a silent default date of birth).
    """

    def formula(person, period, parameters):
        if not person.simulation.get_holder("date_of_birth").get_known_periods():
            raise MissingAgeInputError(
                f"age ({period}): a rule needs the age, but neither 'date_of_birth' nor 'age' is given; "
                "give one of them for every person")
        years = completed_years(person("date_of_birth", period), period.start)
        return numpy.maximum(years, 0)


class sex(Variable):
    value_type = Enum
    possible_values = Sex
    default_value = Sex.female
    entity = Person
    definition_period = ETERNITY
    label = "Sex as recorded on the CNIC (female, male or transgender)"
    reference = "https://www.pakistancode.gov.pk/english/UY2FqaJw1-apaUY2Fqa-apaUY2Jvbpw%3D-sg-jjjjjjjjjjjjj"
    documentation = "Transgender persons are recorded under the Transgender Persons (Protection of Rights) Act 2018."


class marital_status(Variable):
    value_type = Enum
    possible_values = MaritalStatus
    default_value = MaritalStatus.never_married
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Marital status"
    reference = NADRA
    documentation = "Ever-married persons are those married, widowed or divorced."


class has_cnic(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Holds a valid computerised national identity card (CNIC)"
    reference = NADRA
    documentation = "Most federal cash transfers are paid only to a holder of a valid CNIC verified by NADRA."


class has_disability(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Has a disability (special CNIC or disability certificate)"
    reference = "https://www.brecorder.com/news/40037157/two-million-families-to-benefit-from-new-ehsaas-kafaalat-policy-for-special-persons-pm"
    documentation = "A person with a disability as certified for the special CNIC or by the Social Welfare Department."


class is_pregnant(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Is pregnant this month"
    reference = "https://en.dailypakistan.com.pk/13-Aug-2020/ehsaas-nashonuma-program-set-to-launch-in-the-nine-districts-of-country-today-says-sania"
    documentation = "Used by maternal and nutrition benefits (BISP Nashonuma, maternity benefits)."
