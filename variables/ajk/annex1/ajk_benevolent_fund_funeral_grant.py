"""AJK Employees Benevolent Fund funeral grant: eligibility."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.tools.dates import happened_within

REFERENCE = "https://www.glxspace.com/2021/03/15/amendment-in-marriage-farewell-and-funeral-grant-bf-group-insurance-rules-1972-ajk/"


class ajk_benevolent_fund_funeral_grant_death(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "BF funeral grant: the AJK government servant or pensioner of this family died this month"
    reference = REFERENCE
    documentation = "The death of the servant or pensioner is recorded on the family member (deceased_public_servant_death_date) and falls in this month."

    def formula_2021_03(person, period, parameters):
        return happened_within(person("deceased_public_servant_death_date", period), period)


class ajk_benevolent_fund_funeral_grant_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK Employees Benevolent Fund funeral grant"
    reference = REFERENCE
    documentation = "All the conditions: the AJK government servant or pensioner of this family died this month."

    def formula_2021_03(person, period, parameters):
        return person("ajk_benevolent_fund_funeral_grant_death", period)


class ajk_benevolent_fund_funeral_grant(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Employees Benevolent Fund funeral grant, PKR per month"
    reference = REFERENCE
    documentation = "The amount is not published (evidence: unknown): 0 here, never an invented number; the scheme registry marks it, and the one-window service answers undetermined: rule not published."

    def formula_2021_03(person, period, parameters):
        return person.empty_array()
