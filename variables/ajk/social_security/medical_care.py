"""Medical care (C102 Part II): entitlement of insured persons and, where covered, their dependants."""

import numpy
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person

C102 = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"


class ss_medical_care_in_force(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Medical care: the branch is in force"
    reference = C102
    documentation = "Off in today's law; a reform brings the branch into force."

    def formula(person, period, parameters):
        return person.filled_array(parameters(period).ajk.social_security.medical_care.in_force)


class ss_medical_care_insured_qualified(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Medical care: insured with the qualifying period"
    reference = C102
    documentation = "Insured this month and months of contribution at least the qualifying period (C102 Art 11)."

    def formula(person, period, parameters):
        qualifying_months = parameters(period).ajk.social_security.medical_care.qualifying_months
        return person("ss_insured", period) * (person("ss_contribution_months", period) >= qualifying_months)


class ss_household_breadwinner_insured_qualified(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Medical care: the head or the head's spouse is insured with the qualifying period"
    reference = C102
    documentation = "The household's breadwinner gives medical care to the dependants (C102 Art 9(a): wives and children)."

    def formula(household, period, parameters):
        qualified = household.members("ss_medical_care_insured_qualified", period)
        return household.any(qualified, role=Household.HEAD) + household.any(qualified, role=Household.SPOUSE)


class ss_medical_care_dependant(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Medical care: a dependant (spouse or child) of an insured breadwinner"
    reference = C102
    documentation = "Where the design covers dependants: the head, the spouse and children under the age limit of a household whose head or spouse is insured with the qualifying period."

    def formula(person, period, parameters):
        covered = parameters(period).ajk.social_security.medical_care.dependants_covered
        partner = person.has_role(Household.HEAD) + person.has_role(Household.SPOUSE)
        family_member = partner + person("ss_is_dependent_child", period)
        return covered * family_member * person.household("ss_household_breadwinner_insured_qualified", period)


class ss_medical_care_entitled_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Eligible for medical care of the contributory scheme"
    reference = C102
    documentation = "Branch in force, and insured with the qualifying period or a covered dependant."

    def formula(person, period, parameters):
        own_right = person("ss_medical_care_insured_qualified", period)
        derived_right = person("ss_medical_care_dependant", period)
        return person("ss_medical_care_in_force", period) * numpy.logical_or(own_right, derived_right)


class ss_medical_care_entitled(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Entitled to medical care of the contributory scheme (in kind)"
    reference = C102
    documentation = "Medical care is a benefit in kind; the entitlement equals the eligibility."

    def formula(person, period, parameters):
        return person("ss_medical_care_entitled_eligible", period)
