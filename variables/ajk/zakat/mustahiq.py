"""Who is a mustahiq for the AJK zakat schemes."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person

ZAKAT_AJK = "https://zakat.ajk.gov.pk/zakat-disbursement"


class zakat_muslim_mustahiq(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Zakat: the person is a Muslim assessed as a mustahiq"
    reference = ZAKAT_AJK
    documentation = "Assessed as a mustahiq by the local zakat committee, and a Muslim."

    def formula(person, period, parameters):
        return person("is_zakat_mustahiq", period) * person("is_muslim", period)


class zakat_mustahiq_household(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Zakat: a member of the household is a Muslim assessed as a mustahiq"
    reference = ZAKAT_AJK
    documentation = "The family of a mustahiq; used by the marriage grant and the health-care grant."

    def formula(household, period, parameters):
        return household.any(household.members("zakat_muslim_mustahiq", period))


class zakat_household_size(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    unit = "person"
    label = "Number of members of the household, for the zakat guzara schedule"
    reference = "https://zakat.ajk.gov.pk/zakat-disbursement"
    documentation = "All members of the household, whatever their role."

    def formula(household, period, parameters):
        return household.nb_persons()
