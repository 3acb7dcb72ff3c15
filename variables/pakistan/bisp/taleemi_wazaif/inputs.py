"""Benazir Taleemi Wazaif: the input only this scheme needs."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person


class completed_primary_this_month(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Completed primary school (passed grade 5) in this month"
    reference = "https://tribune.com.pk/story/2307336/primary-school-graduation-bonus-for-girls-announced"
    documentation = """
    True only in the month the child completes primary school. Triggers the
    girls' one-off primary completion bonus of the Benazir Taleemi Wazaif.
    """
