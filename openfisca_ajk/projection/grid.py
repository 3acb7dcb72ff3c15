"""Costing grids: laws x scenarios over a range of years, one task per law (its microsimulation runs
are shared by the scenarios), mapped on a backend of ``executors``."""

from dataclasses import dataclass
from functools import lru_cache

from openfisca_ajk.default_size import DEFAULT_SIZE
from openfisca_ajk.population import generate_population
from openfisca_ajk.projection.assumptions import load_assumptions
from openfisca_ajk.projection.costing import evaluate, on_baseline, project_costs
from openfisca_ajk.projection.demography import employment, project_population
from openfisca_ajk.projection.executors import run_tasks
from openfisca_ajk.projection.laws import BASELINE, baseline_system, change_years, law_system, maturing_years
from openfisca_ajk.projection.macro import macro_paths
from openfisca_ajk.scheme_registry import load_schemes

DEFAULT_FIRST, DEFAULT_LAST = 2023, 2030
DEFAULT_SEED = 1


@dataclass(frozen=True)
class CostingTask:
    law: str
    scenarios: tuple
    first: int
    last: int
    evaluation_years: tuple
    size: float = DEFAULT_SIZE
    seed: int = DEFAULT_SEED


@lru_cache(maxsize=4)
def base_population(year, seed, size):
    """The synthetic base-year population, generated once per process."""
    return generate_population(baseline_system(), int(year), seed=int(seed), size=float(size))


def evaluation_years(laws, first, last):
    years = {int(first)}
    for law in laws:
        years |= change_years(law, first, last) | maturing_years(law, first, last)
    return tuple(sorted(years))


@lru_cache(maxsize=32)
def baseline_evaluation(year, first, seed, size):
    """Today's law evaluated in ``year`` on the base population of ``first`` (shared by the reforms of a process)."""
    return evaluate(baseline_system(), base_population(first, seed, size), int(year), reform_label=BASELINE)


def costing_task(task):
    """Rows of the costing table of one law under each of ``task.scenarios``; a reform's rows are today's law's
    plus the reform's effect (``costing.on_baseline``)."""
    system = law_system(task.law)
    population = base_population(task.first, task.seed, task.size)
    evaluations = [evaluate(system, population, year, reform_label=task.law) for year in task.evaluation_years]
    own = evaluation_years([BASELINE], task.first, task.last)
    differenced = task.law != BASELINE and tuple(task.evaluation_years) != own
    if differenced:
        same_years = [baseline_evaluation(year, task.first, task.seed, task.size) for year in task.evaluation_years]
        baseline_own = [baseline_evaluation(year, task.first, task.seed, task.size) for year in own]
    schemes = load_schemes()
    rows = []
    for scenario in task.scenarios:
        assumptions = load_assumptions(system, task.first, task.last, scenario)
        demography = project_population(system, assumptions)
        employed = employment(system, assumptions, demography)
        macro = macro_paths(system, assumptions)
        reform_rows = project_costs(system, task.law, evaluations, schemes, assumptions, demography, employed, macro)
        if differenced:
            reform_rows = on_baseline(
                reform_rows,
                project_costs(system, task.law, same_years, schemes, assumptions, demography, employed, macro),
                project_costs(system, task.law, baseline_own, schemes, assumptions, demography, employed, macro), macro)
        rows += reform_rows
    return rows


def costing_grid(laws=(BASELINE,), scenarios=("central",), first=DEFAULT_FIRST, last=DEFAULT_LAST,
                 size=DEFAULT_SIZE, seed=DEFAULT_SEED, backend="serial", workers=None, executor=None):
    """All rows for ``laws`` x ``scenarios``; each law is evaluated in the base year, the years its own changes start and every year of its contributory scheme from its start."""
    if int(last) < int(first):
        raise ValueError(f"the last year ({last}) is before the first ({first})")
    # Each law is evaluated in its own years: a law's rows never depend on which other laws are projected.
    tasks = [CostingTask(law, tuple(scenarios), int(first), int(last), evaluation_years([law], first, last), float(size),
                         int(seed)) for law in laws]
    results = run_tasks(costing_task, tasks, backend=backend, workers=workers, executor=executor)
    return [row for rows in results for row in rows]
