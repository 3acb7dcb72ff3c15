"""Macroeconomic and budget paths: price and wage indices, nominal GDP, government budgets.

Base-year denominators are those of the microsimulation report (``fiscal_denominators``), so the two
agree in the base year. Later years grow nominal GDP by (1 + real growth)(1 + inflation); the total
budget takes the encoded AJK budget of a year where one exists (``macro.ajk_budget.total_outlay``,
fiscal year starting in July), otherwise the previous year's grown with nominal GDP to the power of
the budget elasticity; the social-protection budget grows with nominal GDP the same way.
"""

from dataclasses import dataclass

import numpy

from openfisca_ajk.population.parameters import fiscal_denominators

TOTAL_BUDGET_PATH = ("macro", "ajk_budget", "total_outlay")


@dataclass
class MacroPaths:
    years: numpy.ndarray
    price_index: numpy.ndarray      # 1 in the first year
    wage_index: numpy.ndarray       # nominal average wage, 1 in the first year
    gdp: numpy.ndarray              # PKR per year
    total_budget: numpy.ndarray
    social_protection_budget: numpy.ndarray
    sources: dict

    def index(self, rule):
        if rule == "prices":
            return self.price_index
        if rule == "wages":
            return self.wage_index
        if rule == "none":
            return numpy.ones_like(self.price_index)
        raise ValueError(f"unknown indexation rule '{rule}' (prices, wages or none)")


def _budget_of_year(tax_benefit_system, year):
    node = tax_benefit_system.parameters
    for name in TOTAL_BUDGET_PATH:
        children = getattr(node, "children", {})
        if name not in children:
            return None
        node = children[name]
    for at in node.values_list:
        if at.instant_str == f"{int(year)}-07-01" and at.value is not None:
            return float(at.value)
    return None


def macro_paths(tax_benefit_system, assumptions):
    years = assumptions.years
    growth_prices = numpy.concatenate([[1.0], 1 + assumptions.inflation[1:]])
    growth_real = numpy.concatenate([[1.0], 1 + assumptions.real_gdp_growth[1:]])
    growth_wages = numpy.concatenate([[1.0], 1 + assumptions.real_wage_growth[1:]])
    price_index = numpy.cumprod(growth_prices)
    wage_index = numpy.cumprod(growth_prices * growth_wages)
    nominal = numpy.cumprod(growth_prices * growth_real)
    base = fiscal_denominators(tax_benefit_system, int(years[0]))
    gdp = base["gdp"][0] * nominal
    elasticity = assumptions.budget_elasticity
    social_base = base["social_protection_budget"][0]    # None without a sourced allocation (openfisca_ajk.denominators)
    social = None if social_base is None else social_base * nominal ** elasticity
    total = numpy.zeros(len(years))
    total[0] = base["total_budget"][0]
    for i in range(1, len(years)):
        known = _budget_of_year(tax_benefit_system, years[i])
        total[i] = known if known is not None else total[i - 1] * (nominal[i] / nominal[i - 1]) ** elasticity
    sources = {key: parameter for key, (_, parameter) in base.items()}
    return MacroPaths(years=years, price_index=price_index, wage_index=wage_index, gdp=gdp, total_budget=total,
                      social_protection_budget=social, sources=sources)
