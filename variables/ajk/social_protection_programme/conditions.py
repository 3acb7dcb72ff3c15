"""AJK Social Protection Programme: the target groups and the other conditions, each as its own variable.

Social Protection of Vulnerable Population Act 2024: widows, orphans, persons with disabilities, divorced
women, transgender persons and the elderly (65 and over) who are not already in any other assistance
programme; registration opened in August 2024.
"""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person
from openfisca_ajk.enums import MaritalStatus, Sex

SPP = "https://spp.swdajk.gov.pk/?p=52"
REGISTRATION = "https://spp.swdajk.gov.pk/2024/10/09/118825-applications-received-for-assistance"
OTHER_PROGRAMME = "https://k2times.com/the-government-of-azad-kashmir-has-started-the-process-of-registration-of-the-beneficiaries-under-the-social-protection-program"


class ajk_social_protection_allowance_widow(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "AJK SPP target group: a widow"
    reference = SPP
    documentation = "A woman whose marital status is widowed."

    def formula_2024_03(person, period, parameters):
        is_woman = person("sex", period) == Sex.female
        return is_woman * (person("marital_status", period) == MaritalStatus.widowed)


class ajk_social_protection_allowance_orphan(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "AJK SPP target group: an orphan (under 18 whose father has died)"
    reference = SPP
    documentation = "A person under the orphan age limit (18, an assumption) whose father has died."

    def formula_2024_03(person, period, parameters):
        age_limit = parameters(period).ajk.social_protection_programme.orphan_age_limit
        is_minor = person("age", period) < age_limit
        return is_minor * person("father_is_deceased", period)


class ajk_social_protection_allowance_disability(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "AJK SPP target group: a person with a disability"
    reference = SPP
    documentation = "A person with a disability (special CNIC or Social Welfare Department certificate)."

    def formula_2024_03(person, period, parameters):
        return person("has_disability", period)


class ajk_social_protection_allowance_divorced_woman(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "AJK SPP target group: a divorced woman"
    reference = SPP
    documentation = "A woman whose marital status is divorced."

    def formula_2024_03(person, period, parameters):
        is_woman = person("sex", period) == Sex.female
        return is_woman * (person("marital_status", period) == MaritalStatus.divorced)


class ajk_social_protection_allowance_transgender(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "AJK SPP target group: a transgender person"
    reference = SPP
    documentation = "A person recorded as transgender on the CNIC."

    def formula_2024_03(person, period, parameters):
        return person("sex", period) == Sex.transgender


class ajk_social_protection_allowance_elderly(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "AJK SPP target group: an older person (65 and over)"
    reference = SPP
    documentation = "A person aged 65 or more in completed years."

    def formula_2024_03(person, period, parameters):
        elderly_age = parameters(period).ajk.social_protection_programme.elderly_age
        return person("age", period) >= elderly_age


class ajk_social_protection_allowance_target_group(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "AJK SPP: the person belongs to at least one target group"
    reference = SPP
    documentation = "Widow, orphan, person with a disability, divorced woman, transgender person, or elderly."

    def formula_2024_03(person, period, parameters):
        groups = (
            person("ajk_social_protection_allowance_widow", period)
            + person("ajk_social_protection_allowance_orphan", period)
            + person("ajk_social_protection_allowance_disability", period)
            + person("ajk_social_protection_allowance_divorced_woman", period)
            + person("ajk_social_protection_allowance_transgender", period)
            + person("ajk_social_protection_allowance_elderly", period)
        )
        return groups > 0


class ajk_social_protection_allowance_in_other_programme(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "AJK SPP: the person is already in another assistance programme"
    reference = OTHER_PROGRAMME
    documentation = """
    Registry-free reading of "not already in any other assistance programme": the person's household is
    eligible for BISP Kafaalat (a household transfer, so every member counts as covered), or the person
    declares other regular cash assistance (receives_other_cash_assistance: Bait-ul-Mal, zakat, other).
    """

    def formula_2024_03(person, period, parameters):
        kafaalat_household = person.household("bisp_kafaalat_eligible", period)
        return kafaalat_household + person("receives_other_cash_assistance", period)


class ajk_social_protection_allowance_registration_opened(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "AJK SPP: registration of beneficiaries has opened (from August 2024)"
    reference = REGISTRATION
    documentation = "Registration opened on 12 August 2024 through the District Social Welfare Officers."

    def formula_2024_03(person, period, parameters):
        opened = parameters(period).ajk.social_protection_programme.registration_opened
        return person.filled_array(opened)


class ajk_social_protection_allowance_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for the AJK Social Protection Programme allowance"
    reference = (SPP, REGISTRATION)
    documentation = "In a target group, not already in another assistance programme, and registration has opened."

    def formula_2024_03(person, period, parameters):
        in_target_group = person("ajk_social_protection_allowance_target_group", period)
        in_other_programme = person("ajk_social_protection_allowance_in_other_programme", period)
        registration = person("ajk_social_protection_allowance_registration_opened", period)
        return in_target_group * numpy.logical_not(in_other_programme) * registration
