"""AJK pensioners' medical allowance: eligibility."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

REFERENCE = "https://www.urdupoint.com/daily/livenews/2024-05-17/news-4020523.html"


class ajk_pensioners_medical_allowance_pensioner(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Pensioners' medical allowance: the person draws an AJK civil pension"
    reference = REFERENCE
    documentation = "A civil pensioner of the AJK government."

    def formula_2000_01(person, period, parameters):
        return person("ajk_civil_pension_eligible", period)


class ajk_pensioners_medical_allowance_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK pensioners' medical allowance"
    reference = REFERENCE
    documentation = "All the conditions: the person draws an AJK civil pension."

    def formula_2000_01(person, period, parameters):
        return person("ajk_pensioners_medical_allowance_pensioner", period)


class ajk_pensioners_medical_allowance(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK pensioners' medical allowance, PKR per month"
    reference = REFERENCE
    documentation = "The amount is not published (evidence: unknown): 0 here, never an invented number; the scheme registry marks it, and the one-window service answers undetermined: rule not published."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
