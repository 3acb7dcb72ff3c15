"""Costing grids: laws x scenarios over a range of years, one task per law (its microsimulation runs
are shared by the scenarios), mapped on a backend of ``executors``."""

import datetime
from dataclasses import dataclass
from functools import lru_cache

from openfisca_ajk.default_size import DEFAULT_SIZE
from openfisca_ajk.population import generate_population
from openfisca_ajk.projection.assumptions import load_assumptions
from openfisca_ajk.projection.costing import evaluate, on_baseline, project_costs
from openfisca_ajk.projection.demography import employment, project_population
from openfisca_ajk.projection.executors import run_tasks
from openfisca_ajk.projection.laws import (BASELINE, baseline_system, change_years, first_difference_year, law_system,
                                           maturing_years)
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
    known: int | None = None    # the last year whose law is known (evaluated, not projected)


@lru_cache(maxsize=16)
def base_population(year, seed, size):
    """The synthetic population of ``year`` (as ``main`` builds it), generated once per process."""
    return generate_population(baseline_system(), int(year), seed=int(seed), size=float(size))


def known_until(last, today=None):
    """The last year whose law is known (the current year): each year up to it is evaluated, not projected."""
    return min(int(last), (today or datetime.date.today()).year)


def evaluation_years(laws, first, last, known=None):
    """The years microsimulated: the first, every year up to ``known`` (the law of past years and of this year is
    known: it is evaluated, not projected with assumed indexation), and each law's change and maturing years."""
    years = {int(first)} | set(range(int(first), int(known if known is not None else known_until(last)) + 1))
    for law in laws:
        years |= change_years(law, first, last) | maturing_years(law, first, last)
    return tuple(sorted(year for year in years if int(first) <= year <= int(last)))


@lru_cache(maxsize=32)
def baseline_evaluation(year, seed, size):
    """Today's law evaluated in ``year`` on the population of that year, as ``main`` runs it (shared by the reforms
    of a process)."""
    return evaluate(baseline_system(), base_population(year, seed, size), int(year), reform_label=BASELINE)


def costing_task(task):
    """Rows of the costing table of one law under each of ``task.scenarios``; a reform's rows are today's law's
    plus the reform's effect (``costing.on_baseline``)."""
    system = law_system(task.law)
    # each year is evaluated on the population of that year, as main runs it; a reform is today's law before its
    # first change: those years are today's law's evaluations (shared)
    differs_from = first_difference_year(task.law)
    evaluations = [evaluate(system, base_population(year, task.seed, task.size), year, reform_label=task.law)
                   if differs_from is not None and year >= differs_from
                   else baseline_evaluation(year, task.seed, task.size) for year in task.evaluation_years]
    own = evaluation_years([BASELINE], task.first, task.last, task.known)
    differenced = task.law != BASELINE and tuple(task.evaluation_years) != own
    if differenced:
        same_years = [baseline_evaluation(year, task.seed, task.size) for year in task.evaluation_years]
        baseline_own = [baseline_evaluation(year, task.seed, task.size) for year in own]
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
                 size=DEFAULT_SIZE, seed=DEFAULT_SEED, backend="serial", workers=None, executor=None, known=None,
                 progress=None):
    """All rows for ``laws`` x ``scenarios``; each law is evaluated in every year up to ``known`` (default: the
    current year, ``known_until``), the years its own changes start and every year of its contributory scheme
    from its start; later years are projected."""
    if int(last) < int(first):
        raise ValueError(f"the last year ({last}) is before the first ({first})")
    known = known_until(last) if known is None else min(int(known), int(last))
    # Each law is evaluated in its own years: a law's rows never depend on which other laws are projected.
    tasks = [CostingTask(law, tuple(scenarios), int(first), int(last), evaluation_years([law], first, last, known),
                         float(size), int(seed), known) for law in laws]
    results = run_tasks(costing_task, tasks, backend=backend, workers=workers, executor=executor, progress=progress)
    return [row for rows in results for row in rows]
