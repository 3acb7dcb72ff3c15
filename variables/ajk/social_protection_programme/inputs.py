"""Inputs of the AJK Social Protection Programme that no other scheme records."""

from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person

SPP = "https://spp.swdajk.gov.pk/?p=52"


class father_is_deceased(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "The person's father has died"
    reference = SPP
    documentation = """
    Used to define an orphan: a child under the orphan age limit whose father has died (the usual meaning
    in Pakistan's social-protection programmes; the AJK Act's own definition was not found).
    """


class receives_other_cash_assistance(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Receives regular cash assistance from a programme other than BISP Kafaalat (PBM, zakat, other)"
    reference = "https://k2times.com/the-government-of-azad-kashmir-has-started-the-process-of-registration-of-the-beneficiaries-under-the-social-protection-program"
    documentation = """
    Declared on the application (or found in another programme's register): the person already receives
    assistance from Pakistan Bait-ul-Mal, the Zakat department or another programme. Membership of a
    Kafaalat household is derived, not declared (see ajk_social_protection_allowance_in_other_programme).
    """
