"""Assistance to the family of an AJK government servant who dies in service (restored May 2022).

A lump sum by the deceased's Basic Pay Scale; the full pay continued to the family until the deceased's
retirement date and the job for the spouse or a child are not encoded. A month in which the rule changes
uses the rule in force on its last day.
"""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

PACKAGE = "https://www.glxspace.com/2022/05/13/death-assistance-package-ajk-restored-just-like-federal-government/"


class ajk_death_in_service_assistance_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "The family of this government servant, who died in service this month, is entitled to the lump sum"
    reference = PACKAGE
    documentation = "Died in service this month, holding a post in a Basic Pay Scale."

    def formula_2022_05(person, period, parameters):
        in_a_grade = person("bps_grade", period) >= 1
        return person("died_in_service_this_month", period) * in_a_grade


class ajk_death_in_service_assistance(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Death-in-service lump sum to the family, PKR (one-off, in the month of death; on the deceased's record)"
    reference = PACKAGE
    documentation = """
    Rs 0.4 m (BPS 1-4), 0.6 m (5-10), 0.8 m (11-15), 1.0 m (16-17), 2.0 m (18-19); BPS 20-22 not in the
    source (zero).
    """

    def formula_2022_05(person, period, parameters):
        scale = parameters(period.stop).ajk.public_service.death_in_service.lump_sum
        lump_sum = scale.calc(person("bps_grade", period))
        return person("ajk_death_in_service_assistance_eligible", period) * lump_sum
