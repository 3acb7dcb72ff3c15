"""Inputs of the Annex 1 entries: studies, and the department's assessment of destitution."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

ZAKAT_HEADS = "https://zakat.ajk.gov.pk/zakat-disbursement"


class studies_at_deeni_madrassa(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Residential student of a registered deeni madrassa (religious seminary)"
    reference = ZAKAT_HEADS
    documentation = "Zakat pays stipends to residential students of deeni madaris through the institutions."


class in_technical_or_professional_education(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Enrolled in a technical, vocational or professional institution"
    reference = ZAKAT_HEADS
    documentation = "For the zakat technical and professional education grants."


class studies_at_public_university(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Studies at a public-sector university or college on a merit seat"
    reference = "https://pbm.gov.pk/projects.html"
    documentation = "PBM education support excludes private institutions and self-finance seats."


class is_destitute(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Assessed as destitute or needy by the Social Welfare Department"
    reference = "https://spp.swdajk.gov.pk/?p=52"
    documentation = """
    The assessment of the department that admits a person to a shelter home, a mother and child home, a
    vocational centre or legal assistance; its test is not published, so it is an input.
    """
