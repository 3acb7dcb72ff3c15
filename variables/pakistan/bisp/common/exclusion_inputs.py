"""Inputs of the December 2019 profiling filters (NADRA data analytics on the beneficiary or spouse)."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

FILTERS = "https://propakistani.pk/2019/12/24/govt-to-remove-600000-people-from-benazir-income-support-program/"


class has_travelled_abroad(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Has travelled abroad (once or more)"
    reference = FILTERS
    documentation = "Foreign travel recorded by immigration; one of BISP's December 2019 exclusion filters."


class owns_motor_vehicle(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Has one or more motor vehicles registered in the person's name"
    reference = FILTERS
    documentation = "Vehicle registration; one of BISP's December 2019 exclusion filters."


class average_phone_bill(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-PKR"
    label = "Average monthly PTCL or mobile phone bill over the last six months, PKR"
    reference = "https://tribune.com.pk/story/2124132"
    documentation = "Average of the last six months' PTCL or mobile bills; one of BISP's December 2019 exclusion filters."


class used_executive_nadra_services(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Obtained a passport through an executive centre, or a CNIC at the executive fee"
    reference = "https://tribune.com.pk/story/2124132"
    documentation = "Executive passport or executive-fee identity services; one of BISP's December 2019 exclusion filters."
