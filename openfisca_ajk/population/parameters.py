"""Reading the population parameters (and the macro values the generator needs) for a year."""

from openfisca_ajk.enums import District

DISTRICTS = tuple(District)


def instant_of(year: int) -> str:
    return f"{int(year)}-01-01"


def population_parameters(tax_benefit_system, year: int):
    """The ``population`` parameter node at 1 January of ``year``."""
    try:
        return tax_benefit_system.parameters(instant_of(year)).population
    except Exception as error:  # ParameterNotFound and friends carry the parameter name
        raise ValueError(f"population parameters are not defined for {year}: {error}") from error


def optional_parameter(tax_benefit_system, instant, path):
    node = tax_benefit_system.parameters
    for name in path.split("."):
        children = getattr(node, "children", {})
        if name not in children:
            return None
        node = children[name]
    try:
        return node(instant)
    except Exception:
        return None


def minimum_wage(tax_benefit_system, year: int) -> tuple:
    """(value, parameter name): ``macro.minimum_wage.applicable`` if present, else the population fallback."""
    instant = instant_of(year)
    value = optional_parameter(tax_benefit_system, instant, "macro.minimum_wage.applicable")
    if value is not None:
        return float(value), "macro.minimum_wage.applicable"
    return float(tax_benefit_system.parameters(instant).population.minimum_wage_fallback), \
        "population.minimum_wage_fallback"


def poverty_line(tax_benefit_system, year: int) -> tuple:
    """(PKR per adult equivalent per month, parameter name)."""
    instant = instant_of(year)
    for path in ("macro.poverty_line.cbn_official", "macro.poverty_line.national"):
        value = optional_parameter(tax_benefit_system, instant, path)
        if value is not None and not hasattr(value, "_children"):
            return float(value), path
    return float(tax_benefit_system.parameters(instant).population.poverty.line), "population.poverty.line"


def fiscal_denominators(tax_benefit_system, year: int) -> dict:
    """AJK social-protection budget, total budget and GDP (PKR per year), with the parameter used for each.

    The social-protection allocation is (None, None) unless a sourced one is encoded (``openfisca_ajk.denominators``).
    """
    instant = f"{int(year)}-07-01"
    fallback = tax_benefit_system.parameters(instant).population.fiscal
    result = {}
    candidates = {
        "social_protection_budget": ("macro.ajk_budget.social_protection",),
        "total_budget": ("macro.ajk_budget.total_outlay",),
        "gdp": ("macro.ajk_economy.gdp_pkr", "macro.ajk_economy.gdp"),
    }
    for key, paths in candidates.items():
        for path in paths:
            value = optional_parameter(tax_benefit_system, instant, path)
            if value is not None and not hasattr(value, "_children"):
                result[key] = (float(value), path)
                break
        else:
            if key in fallback._children:
                result[key] = (float(getattr(fallback, key)), f"population.fiscal.{key}")
            else:   # no sourced figure: no share (openfisca_ajk.denominators)
                result[key] = (None, None)
    return result


def named_children(node) -> dict:
    """{child name: value} of a parameter node at an instant, in file order."""
    return {name: child for name, child in node._children.items()}


def band_edges(name: str) -> tuple:
    """``age_10_14`` -> (10, 14); ``age_80_plus`` -> (80, 120); ``size_50_250`` -> (50, 250)."""
    parts = name.split("_")[1:]
    low = int(parts[0])
    high = 120 if parts[1] == "plus" else int(parts[1])
    return low, high
