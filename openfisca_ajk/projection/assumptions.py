"""Projection assumptions from ``parameters/projection``, for a scenario, as arrays indexed by year.

Dated parameters are read through ``values_list`` so that a value dated in the middle of a path
(e.g. TFR 3.25 in 2030) is interpolated linearly between its neighbours; flat outside the dates.
"""

from dataclasses import dataclass, field

import numpy

SCENARIOS = ("low", "central", "high")


def dated_points(parameter):
    """[(year as a float, value)] of a parameter's dated values (nulls skipped), in time order."""
    points = []
    for at in parameter.values_list:
        if at.value is None:
            continue
        year, month = int(at.instant_str[:4]), int(at.instant_str[5:7])
        points.append((year + (month - 1) / 12, float(at.value)))
    return sorted(points)


def interpolate(parameter, years, offset=0.0):
    """Values of ``parameter`` at ``years + offset`` (linear between dates, flat outside)."""
    points = dated_points(parameter)
    xs = numpy.array([p[0] for p in points])
    ys = numpy.array([p[1] for p in points])
    return numpy.interp(numpy.asarray(years, dtype=float) + offset, xs, ys)


def step(parameter, years):
    """The value in force on 1 January of each year (the OpenFisca reading)."""
    return numpy.array([float(parameter(f"{int(y)}-01-01")) for y in years])


def scenario_node(tax_benefit_system, scenario):
    if scenario not in SCENARIOS:
        raise ValueError(f"unknown scenario '{scenario}' (one of {', '.join(SCENARIOS)})")
    return tax_benefit_system.parameters.projection.scenarios.children[scenario]


@dataclass
class Assumptions:
    """Year-indexed paths for years ``first .. last`` (inclusive)."""

    scenario: str
    years: numpy.ndarray
    inflation: numpy.ndarray
    real_gdp_growth: numpy.ndarray
    real_wage_growth: numpy.ndarray
    total_fertility: numpy.ndarray
    unemployment: numpy.ndarray
    participation_change: dict           # {"female": rate points a year, "male": ...}
    net_migration_rate: numpy.ndarray
    take_up_multiplier: float
    take_up_phase_in: tuple              # (year 1, year 2, year 3 and later)
    budget_elasticity: float
    overrides: dict = field(default_factory=dict)

    def at(self, name, year):
        return getattr(self, name)[int(year) - int(self.years[0])]


def load_assumptions(tax_benefit_system, first, last, scenario="central", overrides=None):
    """Read the projection paths for ``first..last``; ``overrides`` shifts paths for sensitivities.

    ``overrides`` keys: ``inflation_shift``, ``real_wage_growth_shift``, ``real_gdp_growth_shift``
    (added to the paths) on top of the scenario's own shifts.
    """
    overrides = dict(overrides or {})
    node = tax_benefit_system.parameters.projection
    instant = f"{int(first)}-01-01"
    variant = scenario_node(tax_benefit_system, scenario)(instant)
    years = numpy.arange(int(first), int(last) + 1)
    economy = node.economy
    participation = node.labour.participation_change(instant)
    phase = node.take_up.phase_in(instant)
    return Assumptions(
        scenario=scenario,
        years=years,
        inflation=step(economy.inflation, years) + float(variant.inflation_shift) + overrides.get("inflation_shift", 0.0),
        real_gdp_growth=step(economy.real_gdp_growth, years) + float(variant.real_gdp_growth_shift)
        + overrides.get("real_gdp_growth_shift", 0.0),
        real_wage_growth=step(economy.real_wage_growth, years) + float(variant.real_wage_growth_shift)
        + overrides.get("real_wage_growth_shift", 0.0),
        total_fertility=interpolate(node.fertility.total_fertility_rate, years) * float(variant.fertility_multiplier),
        unemployment=interpolate(node.labour.unemployment_rate, years),
        participation_change={"female": float(participation.female), "male": float(participation.male)},
        net_migration_rate=step(node.migration.net_rate, years) + float(variant.net_migration_shift),
        take_up_multiplier=float(variant.take_up_multiplier),
        take_up_phase_in=(float(phase.year_1), float(phase.year_2), float(phase.year_3)),
        budget_elasticity=float(node.budget.elasticity_to_gdp(instant)),
        overrides=overrides,
    )
