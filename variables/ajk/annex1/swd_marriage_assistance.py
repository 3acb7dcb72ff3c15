"""AJK Social Welfare Department marriage assistance for orphan girls: eligibility."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import Sex

REFERENCE = "https://spp.swdajk.gov.pk/?p=52"


class swd_marriage_assistance_orphan_bride(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "SWD marriage assistance: an orphan girl (father deceased) marries this month"
    reference = REFERENCE
    documentation = "A woman whose father has died, in the month of her marriage."

    def formula_2000_01(person, period, parameters):
        return (person("sex", period) == Sex.female) * person("marries_this_month", period) * person("father_is_deceased", period)


class swd_marriage_assistance_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK Social Welfare Department marriage assistance for orphan girls"
    reference = REFERENCE
    documentation = "All the conditions: an orphan girl (father deceased) marries this month."

    def formula_2000_01(person, period, parameters):
        return person("swd_marriage_assistance_orphan_bride", period)


class swd_marriage_assistance(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Social Welfare Department marriage assistance for orphan girls, PKR per month"
    reference = REFERENCE
    documentation = "The amount is not published (evidence: unknown): 0 here, never an invented number; the scheme registry marks it, and the one-window service answers undetermined: rule not published."

    def formula_2000_01(person, period, parameters):
        return person.empty_array()
