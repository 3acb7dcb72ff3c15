"""Running the baseline or a reform over a population for a month or a year.

``run_population`` evaluates every scheme of the registry (and the contributions
of the contributory scheme, when the system has them) for each month of the
period, by blocks of households. Per-entity results are accumulated in float64
in month order, element by element, so a chunked run gives exactly the arrays
of a single pass. Identical months are merged (``months.plan_months``); a month that
differs from the previous computed one only through ages and dates is computed only
for the households whose month-dependent values changed, the others keeping the
previous month's results (``reuse``; ``run_population(..., reuse_months=False)`` turns it off).

Take-up (``openfisca_ajk.microsim.take_up``): a scheme with a take-up parameter is received only
where the household's take-up draw is below the rate; ``amount`` and ``months_received`` are after
take-up, ``entitled_amount`` and ``months_entitled`` before it (the law's eligibility).
"""

import gc
import multiprocessing
import time
from dataclasses import dataclass, field

import numpy
from openfisca_core import periods

from openfisca_ajk.microsim.months import input_window, months_of, plan_months
from openfisca_ajk.microsim.reuse import changed_households, cut_values, plan_with_reuse, take_households
from openfisca_ajk.microsim.take_up import apply_take_up, take_up_rate, takes_up, with_take_up_draws
from openfisca_ajk.population.programmes import take_up_schemes
from openfisca_ajk.population.simulation import build_simulation
from openfisca_ajk.scheme_registry import load_schemes

CONTRIBUTION_VARIABLES = ("ss_employee_contribution",)
DEFAULT_CHUNK_PERSONS = 400_000     # persons per block: keeps each block's simulation cache small
PARALLEL_FROM_PERSONS = 1_000_000
DEFAULT_WORKERS = 1  # two processes measured slower than one on the 2-vCPU VM (page faults serialise)


@dataclass
class _Job:
    tax_benefit_system: object
    population: object
    plan: list
    window: list
    schemes: tuple
    starts: numpy.ndarray
    take_up: frozenset = frozenset()
    steps: list = None      # reuse.ReuseStep (or None) for each plan entry


_JOB = None  # the job a forked worker inherits


def _evaluate_block(job, first, last):
    """Per-entity results of the households ``first``..``last-1`` (float64 sums in month order)."""
    block = job.population.slice_households(first, last, job.starts)
    tick = time.perf_counter()
    simulation = build_simulation(job.tax_benefit_system, block, [rep for rep, _ in job.plan], input_months=job.window)
    built = time.perf_counter()
    sizes = {"person": block.n_persons, "household": block.n_households}
    part = {"amounts": {}, "received": {}, "entitled_amounts": {}, "entitled": {},
            "contributions": numpy.zeros(block.n_persons), "contributors": numpy.zeros(block.n_persons, dtype=bool)}
    for scheme in job.schemes:
        part["amounts"][scheme.name] = numpy.zeros(sizes[scheme.entity])
        part["received"][scheme.name] = numpy.zeros(sizes[scheme.entity], dtype=numpy.int8)
        if scheme.name in job.take_up:
            part["entitled_amounts"][scheme.name] = numpy.zeros(sizes[scheme.entity])
            part["entitled"][scheme.name] = numpy.zeros(sizes[scheme.entity], dtype=numpy.int8)
    contribution_names = [v for v in CONTRIBUTION_VARIABLES if v in job.tax_benefit_system.variables]
    steps = job.steps or [None] * len(job.plan)
    previous = None   # (month values, cut values) of the last computed representative
    part["reused_households"] = part["recomputed_households"] = 0
    for (representative, members), step in zip(job.plan, steps):
        count = len(members)
        if step is not None and previous is not None:
            cut = cut_values(simulation, step, representative)
            changed = changed_households(job.tax_benefit_system, block, cut, previous[1])
            values = _reuse_month(job, block, representative, previous[0], changed, contribution_names)
            part["reused_households"] += int(block.n_households - changed.sum())
            part["recomputed_households"] += int(changed.sum())
        else:
            values, cut = _month_values(job, simulation, representative, contribution_names), None
        following = _next_step(steps, representative)
        if following is None:
            cut = None
        elif step is None or previous is None or following.cut != step.cut:
            cut = cut_values(simulation, following, representative)
        previous = (values, cut)
        for scheme in job.schemes:
            amount, entitled = values[scheme.name]
            if scheme.name in job.take_up:
                part["entitled_amounts"][scheme.name] += amount * count
                part["entitled"][scheme.name] += entitled.astype(numpy.int8) * count
                mask = takes_up(block, scheme, take_up_rate(job.tax_benefit_system, scheme.name, representative))
                amount, entitled = apply_take_up(amount, mask), apply_take_up(entitled, mask)
            part["amounts"][scheme.name] += amount * count
            part["received"][scheme.name] += entitled.astype(numpy.int8) * count
        for name in contribution_names:
            paid = values[name]
            part["contributions"] += paid * count
            part["contributors"] |= paid > 0
    part["build_s"], part["compute_s"] = built - tick, time.perf_counter() - built
    # A simulation and its populations refer to each other; free the block's arrays now, not at the
    # next cyclic garbage collection (which few Python allocations would trigger late).
    del simulation, block
    gc.collect()
    return first, last, part


def _month_values(job, simulation, month, contribution_names):
    """{scheme: (amount float64, receiving bool)} and {contribution: float64} of one month, before take-up.

    Always copies (never the simulation's cached arrays): ``_reuse_month`` updates them in place.
    """
    values = {}
    for scheme in job.schemes:
        amount = numpy.array(simulation.calculate(scheme.output, month), dtype=numpy.float64)
        values[scheme.name] = (amount, numpy.array(receiving(scheme, simulation, month, amount), dtype=bool))
    for name in contribution_names:
        values[name] = numpy.array(simulation.calculate(name, month), dtype=numpy.float64)
    return values


def _next_step(steps, month):
    """The reuse step whose ``previous`` is ``month`` (its cut must be kept), if any."""
    return next((step for step in steps if step is not None and str(step.previous) == str(month)), None)


def _reuse_month(job, block, month, before, changed, contribution_names):
    """``month``'s values: ``before`` for the unchanged households, a simulation of the changed ones for the rest.

    The simulation holds the same inputs as the block's (same input window), restricted to those households.
    """
    if not changed.any():
        return before
    if changed.all():
        simulation = build_simulation(job.tax_benefit_system, block, [month], input_months=job.window)
        return _month_values(job, simulation, month, contribution_names)
    subset = take_households(block, changed)
    simulation = build_simulation(job.tax_benefit_system, subset, [month], input_months=job.window)
    fresh = _month_values(job, simulation, month, contribution_names)
    persons = changed[block.person_household]
    # ``before`` was accumulated already and is not read again: update it in place
    where = {"person": numpy.flatnonzero(persons), "household": numpy.flatnonzero(changed)}
    for scheme in job.schemes:
        amount, entitled = before[scheme.name]
        new_amount, new_entitled = fresh[scheme.name]
        amount[where[scheme.entity]], entitled[where[scheme.entity]] = new_amount, new_entitled
    for name in contribution_names:
        before[name][where["person"]] = fresh[name]
    del simulation, subset
    return before


def _evaluate_in_worker(bounds):
    return _evaluate_block(_JOB, *bounds)


def _map_blocks(job, blocks, workers):
    """Evaluate the blocks, in order, in this process or in forked worker processes."""
    global _JOB
    if workers <= 1 or len(blocks) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for first, last in blocks:
            yield _evaluate_block(job, first, last)
        return
    _JOB = job
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_evaluate_in_worker, blocks)
    finally:
        _JOB = None


@dataclass
class SchemeResult:
    scheme: object
    amount: numpy.ndarray          # PKR over the period, per entity (float64), after take-up
    months_received: numpy.ndarray  # months with a positive amount (or eligibility, in kind), after take-up
    entitled_amount: numpy.ndarray = None   # before take-up (the law's entitlement); None: same as amount
    months_entitled: numpy.ndarray = None   # before take-up; None: same as months_received

    def __post_init__(self):
        if self.entitled_amount is None:
            self.entitled_amount = self.amount
        if self.months_entitled is None:
            self.months_entitled = self.months_received


@dataclass
class RunResult:
    population: object
    period: str
    months: list
    plan: list
    plan_note: str
    schemes: dict
    contributions: numpy.ndarray   # PKR over the period, per person (float64)
    contributing: numpy.ndarray    # bool, per person
    timings: dict = field(default_factory=dict)
    reform: str = ""

    @property
    def n_months(self) -> int:
        return len(self.months)


def scheme_variables(tax_benefit_system, schemes):
    """The variables a run computes: each output, eligibility for in-kind schemes, contributions."""
    names = []
    for scheme in schemes:
        if scheme.output not in tax_benefit_system.variables:
            raise ValueError(f"scheme '{scheme.name}' ({scheme.source_file}): output variable "
                             f"'{scheme.output}' is not in the tax-benefit system")
        names.extend(scheme.targets)
    names += [v for v in CONTRIBUTION_VARIABLES if v in tax_benefit_system.variables]
    return names


def receiving(scheme, simulation, month, amount):
    if scheme.is_in_kind:
        return numpy.asarray(simulation.calculate(scheme.eligible, month), dtype=bool) | (amount > 0)
    return amount > 0


def run_population(tax_benefit_system, population, period, chunk_households=None, progress=None, reform="",
                   merge_months=True, workers=None, reuse_months=True):
    """Evaluate every registered scheme over ``population`` for ``period`` (a month or a year).

    ``merge_months=False`` computes every month even where ``plan_months`` proves two months identical
    (and switches reuse off). ``reuse_months`` (``openfisca_ajk.microsim.reuse``): a month that differs from
    the previous computed month only through ages and dates is computed only for the households whose
    month-dependent values changed; the others keep the previous month's results.
    ``workers`` processes evaluate blocks in parallel (fork; default 1, see DEFAULT_WORKERS).
    """
    say = progress or (lambda message: None)
    schemes = load_schemes()
    population = with_take_up_draws(tax_benefit_system, population)
    with_take_up = frozenset(take_up_schemes(tax_benefit_system, population.year)) & {s.name for s in schemes}
    months = months_of(period)
    variables = scheme_variables(tax_benefit_system, schemes)
    started = time.perf_counter()
    steps = None
    if merge_months and reuse_months:
        plan, note, steps = plan_with_reuse(tax_benefit_system, population, months, variables)
    elif merge_months:
        plan, note = plan_months(tax_benefit_system, population, months, variables)
    else:
        plan, note = [(m, [m]) for m in months], "each month computed (merging switched off)"
    timings = {"plan_months_s": time.perf_counter() - started}
    say(f"months: {note}")

    sizes = {"person": population.n_persons, "household": population.n_households}
    amounts = {s.name: numpy.zeros(sizes[s.entity]) for s in schemes}
    received = {s.name: numpy.zeros(sizes[s.entity], dtype=numpy.int8) for s in schemes}
    entitled_amounts = {s.name: numpy.zeros(sizes[s.entity]) if s.name in with_take_up else amounts[s.name] for s in schemes}
    entitled = {s.name: numpy.zeros(sizes[s.entity], dtype=numpy.int8) if s.name in with_take_up else received[s.name]
                for s in schemes}
    contributions = numpy.zeros(population.n_persons)
    contributors = numpy.zeros(population.n_persons, dtype=bool)

    if not chunk_households:
        mean_size = max(population.n_persons / max(population.n_households, 1), 1)
        chunk_households = int(DEFAULT_CHUNK_PERSONS / mean_size)
    chunk = max(int(chunk_households), 1)
    starts = population.household_starts()
    blocks = [(first, min(first + chunk, population.n_households)) for first in range(0, population.n_households, chunk)]
    job = _Job(tax_benefit_system, population, plan, input_window(months), schemes, starts, with_take_up, steps)
    if workers is None:
        workers = DEFAULT_WORKERS if population.n_persons >= PARALLEL_FROM_PERSONS else 1
    build_time = compute_time = 0.0
    reused_households = recomputed_households = 0
    for done, (first, last, part) in enumerate(_map_blocks(job, blocks, workers), start=1):
        persons = slice(int(starts[first]), int(starts[last]))
        where = {"person": persons, "household": slice(first, last)}
        for scheme in schemes:
            amounts[scheme.name][where[scheme.entity]] = part["amounts"][scheme.name]
            received[scheme.name][where[scheme.entity]] = part["received"][scheme.name]
            if scheme.name in with_take_up:
                entitled_amounts[scheme.name][where[scheme.entity]] = part["entitled_amounts"][scheme.name]
                entitled[scheme.name][where[scheme.entity]] = part["entitled"][scheme.name]
        contributions[persons], contributors[persons] = part["contributions"], part["contributors"]
        reused_households += part["reused_households"]
        recomputed_households += part["recomputed_households"]
        build_time += part["build_s"]
        compute_time += part["compute_s"]
        if done < len(blocks) and done % max(len(blocks) // 4, 1) == 0:
            say(f"households {last:,} of {population.n_households:,} done")
    timings.update(build_s=build_time, compute_s=compute_time, workers=workers, total_s=time.perf_counter() - started,
                   reused_household_months=reused_households, recomputed_household_months=recomputed_households)
    results = {s.name: SchemeResult(s, amounts[s.name], received[s.name], entitled_amounts[s.name], entitled[s.name])
               for s in schemes}
    return RunResult(population=population, period=str(periods.period(period)), months=months, plan=plan,
                     plan_note=note, schemes=results, contributions=contributions, contributing=contributors,
                     timings=timings, reform=reform)
