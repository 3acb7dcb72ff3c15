"""AJK Zakat guzara (subsistence) allowance.

Paid from zakat to an adult Muslim mustahiq, one allowance per household.
Widows and persons with disabilities have preference (not a condition).
Two reported regimes conflict: a monthly schedule by household size (Dec 2016)
and Rs 3,000 once a year (Jun 2022); each has its own dated formula.
"""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Household, Person
from openfisca_ajk.enums import MaritalStatus
from openfisca_ajk.tools.dates import MONTHS_PER_YEAR

ZAKAT_HEADS = "https://zakat.ajk.gov.pk/zakat-disbursement"
REPORT_2022 = "https://www.dawn.com/news/1695688/azad-kashmir-to-improve-collection-distribution-of-zakat"
CZC_RULES = "http://www.zakat.gop.pk/forms/ZakatDistributionProces.aspx?MID=3"


class zakat_guzara_allowance_adult(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Zakat guzara allowance: the person is an adult (18 or older, assumed)"
    reference = CZC_RULES
    documentation = "The guzara allowance is paid to adults; age at or above the adult age (18, assumed)."

    def formula_2016_12(person, period, parameters):
        adult_age = parameters(period).ajk.zakat.guzara_allowance.adult_age
        return person("age", period) >= adult_age


class zakat_guzara_allowance_qualifying_member(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Zakat guzara allowance: the person is an adult Muslim mustahiq"
    reference = (CZC_RULES, REPORT_2022)
    documentation = "Assessed as a mustahiq by the local zakat committee, Muslim, and adult."

    def formula_2016_12(person, period, parameters):
        return person("zakat_muslim_mustahiq", period) * person("zakat_guzara_allowance_adult", period)


class zakat_guzara_allowance_has_qualifying_member(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Zakat guzara allowance: a member of the household is an adult Muslim mustahiq"
    reference = (CZC_RULES, REPORT_2022)
    documentation = "One allowance per household, whatever the number of qualifying members."

    def formula_2016_12(household, period, parameters):
        return household.any(household.members("zakat_guzara_allowance_qualifying_member", period))


class zakat_guzara_allowance_eligible(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Eligible for the AJK Zakat guzara allowance"
    reference = (ZAKAT_HEADS, REPORT_2022)
    documentation = "The household has an adult Muslim member assessed as a mustahiq by the local zakat committee."

    def formula_2016_12(household, period, parameters):
        return household("zakat_guzara_allowance_has_qualifying_member", period)


class zakat_guzara_allowance_priority(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Zakat guzara allowance: the household has preference (a widow or a person with a disability)"
    reference = CZC_RULES
    documentation = "Widows and persons with disabilities have preference when funds are short; this is not a condition."

    def formula_2016_12(household, period, parameters):
        widowed = household.members("marital_status", period) == MaritalStatus.widowed
        disabled = household.members("has_disability", period)
        return household.any(widowed + disabled)


class zakat_guzara_allowance(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "AJK Zakat guzara (subsistence) allowance, PKR per month"
    reference = (ZAKAT_HEADS, REPORT_2022, "https://dailytimes.com.pk/954874/zakat-systems-digitalization-afoot-ajk-pm-3/")
    documentation = """
    December 2016 schedule, per month by household size: up to 3 members Rs 1,000;
    4 to 6 members Rs 1,300; 7 or more Rs 1,600.
    From June 2022: Rs 3,000 once a year per beneficiary (one per household),
    counted as one twelfth (Rs 250) in each month.
    """

    def formula_2016_12(household, period, parameters):
        schedule = parameters(period).ajk.zakat.guzara_allowance.monthly_by_household_size
        amount = schedule.calc(household("zakat_household_size", period))
        return household("zakat_guzara_allowance_eligible", period) * amount

    def formula_2022_06(household, period, parameters):
        yearly = parameters(period).ajk.zakat.guzara_allowance.yearly_per_beneficiary
        return household("zakat_guzara_allowance_eligible", period) * yearly / MONTHS_PER_YEAR
