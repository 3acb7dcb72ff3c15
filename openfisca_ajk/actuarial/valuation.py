"""One valuation (a law, a scenario, a sensitivity) and grids of them on any executor backend."""

from dataclasses import dataclass, field

import numpy

from openfisca_ajk.actuarial.design import first_year_in_force
from openfisca_ajk.actuarial.indicators import general_average_premium
from openfisca_ajk.actuarial.inputs import build_inputs
from openfisca_ajk.actuarial.model import project
from openfisca_ajk.actuarial.population_check import YEARS_CHECKED, population_check
from openfisca_ajk.actuarial.sampling import sampling_intervals
from openfisca_ajk.default_size import DEFAULT_SIZE
from openfisca_ajk.projection.executors import run_tasks
from openfisca_ajk.projection.grid import base_population
from openfisca_ajk.projection.laws import baseline_system, law_system

GAP_PERIODS = (10, 20, 30, 50, 75)
SEARCH_YEARS = 30          # how far after the base year to look for the branch coming into force
DEFAULT_BASE_YEAR = 2025
DEFAULT_SEED = 1


@dataclass(frozen=True)
class ValuationTask:
    law: str
    horizon: int = 75
    variant: str = "central"
    overrides: tuple = ()            # ((name, value), ...) - hashable for the task grid
    scenario: str = "central"
    base_year: int = DEFAULT_BASE_YEAR
    size: float = DEFAULT_SIZE
    seed: int = DEFAULT_SEED
    check_years: int = YEARS_CHECKED   # first years run through the population beside the valuation (central run)
    extra: dict = field(default_factory=dict, compare=False, hash=False)


def indicators_of(inputs, result):
    series = result.series
    gaps = {}
    for period in GAP_PERIODS:
        if period <= len(inputs.years):
            outgo = series["benefits"][period - 1] + series["administration"][period - 1]
            gaps[str(period)] = general_average_premium(series["benefits"], series["administration"],
                                                        series["insurable_earnings"], inputs.interest, period,
                                                        inputs.initial_reserve, inputs.target_reserve_years * outgo)
    return {**result.indicators, "general_average_premium": gaps,
            "contribution_rate_first_year": float(series["contribution_rate"][0])}


def value_system(tax_benefit_system, population, first, horizon, scenario="central", overrides=None):
    inputs = build_inputs(tax_benefit_system, population, first, horizon, scenario, overrides)
    result = project(inputs)
    return inputs, result, indicators_of(inputs, result)


def valuation_task(task):
    """A plain dict (picklable) with the series, the indicators and the design of one valuation."""
    system = law_system(task.law)
    first = first_year_in_force(system, task.base_year, task.base_year + SEARCH_YEARS)
    if first is None:
        raise ValueError(f"{task.law}: the old-age branch is not in force between {task.base_year} and "
                         f"{task.base_year + SEARCH_YEARS}; nothing to value")
    population = base_population(first, task.seed, task.size)
    inputs, result, indicators = value_system(system, population, first, task.horizon, task.scenario, dict(task.overrides))
    check, sampling = [], {}
    if task.variant == "central" and task.check_years > 0:
        check = population_check(system, baseline_system(), inputs, result, task.seed, task.size, task.check_years)
    if task.variant == "central":
        sampling = sampling_intervals(system, population, first, inputs, indicators, result.series, indicators_of)
    return {"law": task.law, "variant": task.variant, "overrides": dict(task.overrides), "scenario": task.scenario,
            "first_year": int(first), "years": [int(y) for y in result.years],
            "series": {k: numpy.asarray(v).tolist() for k, v in result.series.items()},
            "indicators": indicators, "design": inputs.design.summary(0), "notes": inputs.notes,
            "interest": inputs.interest.tolist(), "compliance": inputs.compliance.tolist(),
            "wage_index": inputs.wage_index.tolist(), "population_check": check, "sampling": sampling,
            "density": inputs.density}


def sensitivity_tasks(tax_benefit_system, law, horizon, **common):
    """The central run and the sensitivity runs of ``projection.actuarial.sensitivity``."""
    steps = tax_benefit_system.parameters(f"{common.get('base_year', DEFAULT_BASE_YEAR)}-01-01").projection.actuarial.sensitivity
    variants = [
        ("central", ()),
        ("wage_growth_plus", (("real_wage_growth_shift", float(steps.wage_growth_shift)),)),
        ("wage_growth_minus", (("real_wage_growth_shift", -float(steps.wage_growth_shift)),)),
        ("interest_plus", (("interest_shift", float(steps.interest_shift)),)),
        ("interest_minus", (("interest_shift", -float(steps.interest_shift)),)),
        ("coverage_low", (("coverage_multiplier", float(steps.coverage_multiplier_low)),)),
        ("coverage_high", (("coverage_multiplier", float(steps.coverage_multiplier_high)),)),
        ("mortality_low", (("mortality_multiplier", float(steps.mortality_multiplier_low)),)),
        ("mortality_high", (("mortality_multiplier", float(steps.mortality_multiplier_high)),)),
        ("density_low", (("density", float(steps.density_low)),)),
        ("density_high", (("density", float(steps.density_high)),)),
    ]
    return [ValuationTask(law, horizon, name, overrides, **common) for name, overrides in variants]


def valuation_grid(laws, horizon=75, sensitivities=True, backend="serial", workers=None, executor=None, progress=None,
                   **common):
    """Results (dicts) for every law x variant, in order."""
    tasks = []
    for law in laws:
        if sensitivities:
            tasks += sensitivity_tasks(baseline_system(), law, horizon, **common)
        else:
            tasks.append(ValuationTask(law, horizon, **common))
    return run_tasks(valuation_task, tasks, backend=backend, workers=workers, executor=executor, progress=progress)
