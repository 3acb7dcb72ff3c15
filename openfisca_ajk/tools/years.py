"""The years the model covers, read from the parameters, and the check every command makes on a year.

The first year is the census base year of the synthetic population
(``population.census_year``: district populations are grown from it, and
before it they are unknown); the last is the latest year of the projection
assumptions (``projection.*``: fertility, mortality, growth...), after which
nothing is assumed. A year outside is refused with this range, before any work.
"""

import re

YEAR_PATTERN = re.compile(r"^(\d{4})(-(0[1-9]|1[0-2]))?$")


def _latest_year(node) -> int:
    latest = 0
    children = getattr(node, "children", None)
    if children is not None:
        for child in children.values():
            latest = max(latest, _latest_year(child))
        return latest
    for item in getattr(node, "values_list", None) or []:
        latest = max(latest, int(item.instant_str[:4]))
    for bracket in getattr(node, "brackets", None) or []:
        for name in ("threshold", "rate", "amount", "average_rate", "base"):
            part = getattr(bracket, name, None)
            if part is not None:
                latest = max(latest, _latest_year(part))
    return latest


def modelled_years(tax_benefit_system) -> tuple:
    """(first, last) year the model covers (inclusive)."""
    parameters = tax_benefit_system.parameters
    census = parameters.population.census_year
    first = int(census(census.values_list[-1].instant_str))
    last = _latest_year(parameters.projection)
    return first, max(first, last)


def check_year(tax_benefit_system, year, option="--year", given=None) -> int:
    """``year`` as an int; ``ValueError`` naming ``option`` (and the value ``given``) and the modelled range if outside."""
    first, last = modelled_years(tax_benefit_system)
    if not first <= int(year) <= last:
        raise ValueError(f"{option} {year if given is None else given} is outside the years the model covers, {first} to {last} "
                         f"(from the {first} census base of the population to the last projection assumption)")
    return int(year)


def check_period(tax_benefit_system, text, option="--period") -> str:
    """A year ``YYYY`` or month ``YYYY-MM`` inside the modelled years; ``ValueError`` naming ``option`` otherwise."""
    match = YEAR_PATTERN.match(str(text).strip())
    if not match:
        raise ValueError(f"{option} must be a year (YYYY) or a month (YYYY-MM), got '{text}'")
    check_year(tax_benefit_system, int(match.group(1)), option, given=str(text).strip())
    return str(text).strip()
