"""Evaluating a subset of schemes (and extra person variables) over a population, as ``run_population`` does.

Used for the schemes a reform can change (``comparison.dependencies``) and for the employer's
contribution, which ``run_population`` does not collect. Same building blocks and the same arithmetic as
``openfisca_ajk.microsim.run``: identical months merged by ``plan_months``, blocks of households, float64
sums in month order, take-up applied with the population's draws; so the arrays equal what a full ``run_population`` gives for those schemes
(``tests/comparison`` checks it for every reform of the library).
"""

import gc
import time
from dataclasses import dataclass, field

import numpy

from openfisca_ajk.microsim.months import input_window, months_of, plan_months
from openfisca_ajk.microsim.run import DEFAULT_CHUNK_PERSONS, RunResult, SchemeResult, receiving
from openfisca_ajk.microsim.take_up import apply_take_up, take_up_rate, takes_up, with_take_up_draws
from openfisca_ajk.population.programmes import take_up_schemes
from openfisca_ajk.population.simulation import build_simulation


@dataclass
class PartialResult:
    schemes: dict                   # name -> SchemeResult
    extras: dict                    # person variable -> PKR over the period, per person (float64)
    extras_positive: dict           # person variable -> bool, positive in at least one month
    plan_note: str = ""
    timings: dict = field(default_factory=dict)


def evaluate_partial(tax_benefit_system, population, period, schemes, extras=(), chunk_persons=DEFAULT_CHUNK_PERSONS):
    """Per-entity results of ``schemes`` and per-person sums of ``extras`` over ``period``."""
    started = time.perf_counter()
    months = months_of(period)
    extras = [name for name in extras if name in tax_benefit_system.variables]
    variables = [v for s in schemes for v in s.targets] + extras
    if not variables:
        return PartialResult({}, {}, {}, "nothing to compute", {"total_s": 0.0})
    population = with_take_up_draws(tax_benefit_system, population)
    with_take_up = frozenset(take_up_schemes(tax_benefit_system, population.year)) & {s.name for s in schemes}
    plan, note = plan_months(tax_benefit_system, population, months, variables)
    window = input_window(months)
    sizes = {"person": population.n_persons, "household": population.n_households}
    amounts = {s.name: numpy.zeros(sizes[s.entity]) for s in schemes}
    received = {s.name: numpy.zeros(sizes[s.entity], dtype=numpy.int8) for s in schemes}
    entitled_amounts = {s.name: numpy.zeros(sizes[s.entity]) if s.name in with_take_up else amounts[s.name] for s in schemes}
    entitled = {s.name: numpy.zeros(sizes[s.entity], dtype=numpy.int8) if s.name in with_take_up else received[s.name]
                for s in schemes}
    extra_sums = {name: numpy.zeros(population.n_persons) for name in extras}
    extra_positive = {name: numpy.zeros(population.n_persons, dtype=bool) for name in extras}
    mean_size = max(population.n_persons / max(population.n_households, 1), 1)
    chunk = max(int(chunk_persons / mean_size), 1)
    starts = population.household_starts()
    for first in range(0, population.n_households, chunk):
        last = min(first + chunk, population.n_households)
        block = population.slice_households(first, last, starts)
        simulation = build_simulation(tax_benefit_system, block, [rep for rep, _ in plan], input_months=window)
        persons = slice(int(starts[first]), int(starts[last]))
        where = {"person": persons, "household": slice(first, last)}
        for representative, members in plan:
            count = len(members)
            for scheme in schemes:
                at = where[scheme.entity]
                amount = numpy.asarray(simulation.calculate(scheme.output, representative), dtype=numpy.float64)
                got = receiving(scheme, simulation, representative, amount)
                if scheme.name in with_take_up:
                    entitled_amounts[scheme.name][at] += amount * count
                    entitled[scheme.name][at] += got.astype(numpy.int8) * count
                    mask = takes_up(block, scheme, take_up_rate(tax_benefit_system, scheme.name, representative))
                    amount, got = apply_take_up(amount, mask), apply_take_up(got, mask)
                amounts[scheme.name][at] += amount * count
                received[scheme.name][at] += got.astype(numpy.int8) * count
            for name in extras:
                paid = numpy.asarray(simulation.calculate(name, representative), dtype=numpy.float64)
                extra_sums[name][persons] += paid * count
                extra_positive[name][persons] |= paid > 0
        del simulation, block
        gc.collect()
    results = {s.name: SchemeResult(s, amounts[s.name], received[s.name], entitled_amounts[s.name], entitled[s.name])
               for s in schemes}
    return PartialResult(results, extra_sums, extra_positive, note, {"total_s": time.perf_counter() - started})


def merged_run(baseline_run, partial, reform_label, contribution_variable):
    """A ``RunResult`` of the reform: recomputed schemes from ``partial``, every other one from the baseline."""
    schemes = dict(baseline_run.schemes)
    schemes.update(partial.schemes)
    contributions, contributing = baseline_run.contributions, baseline_run.contributing
    if contribution_variable in partial.extras:
        contributions = partial.extras[contribution_variable]
        contributing = partial.extras_positive[contribution_variable]
    return RunResult(population=baseline_run.population, period=baseline_run.period, months=baseline_run.months,
                     plan=baseline_run.plan, plan_note=f"recomputed schemes: {partial.plan_note}; others from the baseline",
                     schemes=schemes, contributions=contributions, contributing=contributing,
                     timings=dict(partial.timings), reform=reform_label)
