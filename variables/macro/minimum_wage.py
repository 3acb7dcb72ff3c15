"""The minimum wage the AJK engine applies, as a variable formulas and population reports can read."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_ajk.entities import Person


class minimum_wage(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Minimum wage of an unskilled worker applicable in AJK, PKR per month"
    reference = (
        "https://tribune.com.pk/story/1273264/legislation-ajk-bans-child-labour-brick-kilns",
        "https://www.brecorder.com/news/40367206/minimum-wage-to-remain-unchanged-at-rs37000-in-fy26-says-aurangzeb",
    )
    documentation = """
    The AJK Minimum Wages Act 2016 fixed Rs 14,000 from July 2016. Before it, and from July 2017 when no
    later AJK value is known, the federal (ICT) minimum wage is applied (parameter
    macro.minimum_wage.applicable, whose metadata says which by date). The same for every person.
    """

    def formula_2013_07(person, period, parameters):
        applicable_wage = parameters(period).macro.minimum_wage.applicable
        return person.filled_array(applicable_wage)
