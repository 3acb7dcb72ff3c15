"""AJK Zakat marriage (dowry) grant: paid once for a daughter of a mustahiq family on her marriage."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person
from openfisca_ajk.enums import Sex

DOWRY = "https://www.urdupoint.com/en/pakistan/ajk-govt-increases-zakat-dowry-fund-1416091.html"
ZAKAT_AJK = "https://zakat.ajk.gov.pk/zakat-disbursement"


class zakat_marriage_grant_qualifying_bride(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Zakat marriage grant: the person is a Muslim girl who marries this month"
    reference = (DOWRY, ZAKAT_AJK)
    documentation = "A female Muslim member of the household whose marriage takes place in this month."

    def formula_2016_12(person, period, parameters):
        female = person("sex", period) == Sex.female
        return female * person("is_muslim", period) * person("marries_this_month", period)


class zakat_marriage_grant_brides(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    unit = "person"
    label = "Zakat marriage grant: number of daughters of the household who marry this month"
    reference = DOWRY
    documentation = "Members for whom zakat_marriage_grant_qualifying_bride holds."

    def formula_2016_12(household, period, parameters):
        return household.sum(household.members("zakat_marriage_grant_qualifying_bride", period))


class zakat_marriage_grant_has_bride(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Zakat marriage grant: a daughter of the household marries this month"
    reference = DOWRY
    documentation = "At least one female Muslim member marries in this month."

    def formula_2016_12(household, period, parameters):
        return household("zakat_marriage_grant_brides", period) >= 1


class zakat_marriage_grant_eligible(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Eligible for the AJK Zakat marriage (dowry) grant this month"
    reference = (DOWRY, ZAKAT_AJK)
    documentation = "A mustahiq household (a member assessed by the zakat committee) with a daughter marrying this month."

    def formula_2016_12(household, period, parameters):
        return household("zakat_mustahiq_household", period) * household("zakat_marriage_grant_has_bride", period)


class zakat_marriage_grant(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Zakat marriage (dowry) grant, PKR in the month of the marriage"
    reference = (DOWRY, "https://www.dawn.com/news/1695688/azad-kashmir-to-improve-collection-distribution-of-zakat")
    documentation = """
    A one-off grant for each daughter who marries in the month (ajk.zakat.marriage_grant.amount): Rs 12,000,
    the amount reported as paid in June 2022. The raise to Rs 50,000 decided on 1 December 2021 is not shown
    to be paid, so it is in the library reform announced_values, not in today's law.
    """

    def formula_2016_12(household, period, parameters):
        grant = parameters(period).ajk.zakat.marriage_grant.amount
        eligible = household("zakat_marriage_grant_eligible", period)
        return eligible * household("zakat_marriage_grant_brides", period) * grant
