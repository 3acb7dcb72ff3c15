"""Schooling: the level a person is enrolled in and attendance."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import SchoolLevel


class school_level(Variable):
    value_type = Enum
    possible_values = SchoolLevel
    default_value = SchoolLevel.none
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "School level currently enrolled in"
    reference = "https://www.urdupoint.com/en/pakistan/118-million-children-enrolled-under-benazir-t-1705170.html"
    documentation = "None, primary, secondary, higher secondary or tertiary."


class school_attendance_rate(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "/1"
    label = "Share of school days attended (0 to 1)"
    reference = "https://www.urdupoint.com/en/pakistan/118-million-children-enrolled-under-benazir-t-1705170.html"
    documentation = "Attendance over the current quarter as a share of school days, between 0 and 1."
