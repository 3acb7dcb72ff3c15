"""A person's work: labour-force status, sector, employer, earnings."""

from openfisca_core.holders import set_input_dispatch_by_period, set_input_divide_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import EmploymentStatus, IndustrySector

LFS = "https://www.pbs.gov.pk/content/labour-force-survey"


class employment_status(Variable):
    value_type = Enum
    possible_values = EmploymentStatus
    default_value = EmploymentStatus.not_in_labour_force
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Status in employment (Labour Force Survey categories)"
    reference = LFS
    documentation = "Employee, own-account worker, contributing family worker, employer, unemployed, or not in the labour force."


class industry_sector(Variable):
    value_type = Enum
    possible_values = IndustrySector
    default_value = IndustrySector.other
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Industry sector of the main job"
    reference = LFS
    documentation = "Sector of economic activity of the main job, in the Labour Force Survey's major groups."


class is_public_servant(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Employed by the AJK or federal government"
    reference = "https://propakistani.pk/2019/12/24/govt-to-remove-600000-people-from-benazir-income-support-program/"
    documentation = "Public servants of AJK or of the federal government (including autonomous bodies)."


class monthly_wage(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-PKR"
    label = "Gross wage from employment, PKR per month"
    reference = LFS
    documentation = "Gross monthly wage. A yearly amount given as input is spread evenly over its months."


class self_employment_income(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    set_input = set_input_divide_by_period
    unit = "currency-PKR"
    label = "Income from self-employment, PKR per month"
    reference = LFS
    documentation = "Net income of own-account work or of an employer's business."


class establishment_size(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "person"
    label = "Number of persons working at the person's establishment"
    reference = LFS
    documentation = "Persons working at the establishment of the main job (used by coverage thresholds)."
