"""Running the baseline or a reform over a population for a month or a year: the one population loop.

``run_population`` evaluates every scheme of the registry (or the subset given), the contributions of the
contributory scheme when the system has them, and any extra variable asked for, for each month of the period,
by blocks of households. Every tool runs populations through it: the main job, ``compare`` (its re-run of the
schemes a reform can change is ``schemes=subset``), compliance and the matrix, the projection, the actuarial
inputs, the contribution record and the population's calibration. Per-entity results are accumulated in float64
in month order, element by element, so a chunked run gives exactly the arrays
of a single pass. Identical months are merged (``months.plan_months``); a month that
differs from the previous computed one only through ages and dates is computed only
for the households whose month-dependent values changed, the others keeping the
previous month's results (``reuse``; ``run_population(..., reuse_months=False)`` turns it off).

Take-up (``openfisca_ajk.engine.take_up``): a scheme with a take-up parameter is received only
where the household's take-up draw is below the rate; ``amount`` and ``months_received`` are after
take-up, ``entitled_amount`` and ``months_entitled`` before it (the law's eligibility).
"""

import gc
import multiprocessing
import time
from dataclasses import dataclass, field

import numpy
from openfisca_core import periods

from openfisca_ajk.engine.months import input_window, months_of, plan_months
from openfisca_ajk.engine.reuse import changed_households, cut_values, plan_with_reuse, take_households
from openfisca_ajk.engine.take_up import apply_take_up, take_up_rate, take_up_schemes, takes_up, with_take_up_draws
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
    extras: tuple = ()      # Extra objects: variables collected beside the schemes (contributions included)


_JOB = None  # the job a forked worker inherits


def _evaluate_block(job, first, last):
    """Per-entity results of the households ``first``..``last-1`` (float64 sums in month order)."""
    block = job.population.slice_households(first, last, job.starts)
    tick = time.perf_counter()
    simulation = build_simulation(job.tax_benefit_system, block, [rep for rep, _ in job.plan], input_months=job.window)
    built = time.perf_counter()
    sizes = {"person": block.n_persons, "household": block.n_households}
    part = {"amounts": {}, "received": {}, "entitled_amounts": {}, "entitled": {}, "extras": {}, "extras_positive": {}}
    for scheme in job.schemes:
        part["amounts"][scheme.name] = numpy.zeros(sizes[scheme.entity])
        part["received"][scheme.name] = numpy.zeros(sizes[scheme.entity], dtype=numpy.int8)
        if scheme.name in job.take_up:
            part["entitled_amounts"][scheme.name] = numpy.zeros(sizes[scheme.entity])
            part["entitled"][scheme.name] = numpy.zeros(sizes[scheme.entity], dtype=numpy.int8)
    for extra in job.extras:
        part["extras"][extra.name] = extra.empty(sizes[extra.entity])
        part["extras_positive"][extra.name] = numpy.zeros(sizes[extra.entity], dtype=bool)
    steps = job.steps or [None] * len(job.plan)
    previous = None   # (month values, cut values) of the last computed representative
    part["reused_households"] = part["recomputed_households"] = 0
    for (representative, members), step in zip(job.plan, steps):
        count = len(members)
        if step is not None and previous is not None:
            cut = cut_values(simulation, step, representative)
            changed = changed_households(job.tax_benefit_system, block, cut, previous[1])
            values = _reuse_month(job, block, representative, previous[0], changed)
            part["reused_households"] += int(block.n_households - changed.sum())
            part["recomputed_households"] += int(changed.sum())
        else:
            values, cut = _month_values(job, simulation, representative), None
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
        for extra in job.extras:
            extra.accumulate(part["extras"][extra.name], values[extra.name], count)
            part["extras_positive"][extra.name] |= values[extra.name] > 0
    part["build_s"], part["compute_s"] = built - tick, time.perf_counter() - built
    # A simulation and its populations refer to each other; free the block's arrays now, not at the
    # next cyclic garbage collection (which few Python allocations would trigger late).
    del simulation, block
    gc.collect()
    return first, last, part


def _month_values(job, simulation, month):
    """{scheme: (amount float64, receiving bool)} and {extra variable: values} of one month, before take-up.

    Always copies (never the simulation's cached arrays): ``_reuse_month`` updates them in place.
    """
    values = {}
    for scheme in job.schemes:
        amount = numpy.array(simulation.calculate(scheme.output, month), dtype=numpy.float64)
        values[scheme.name] = (amount, numpy.array(receiving(scheme, simulation, month, amount), dtype=bool))
    for extra in job.extras:
        values[extra.name] = extra.read(simulation, month)
    return values


def _next_step(steps, month):
    """The reuse step whose ``previous`` is ``month`` (its cut must be kept), if any."""
    return next((step for step in steps if step is not None and str(step.previous) == str(month)), None)


def _reuse_month(job, block, month, before, changed):
    """``month``'s values: ``before`` for the unchanged households, a simulation of the changed ones for the rest.

    The simulation holds the same inputs as the block's (same input window), restricted to those households.
    """
    if not changed.any():
        return before
    if changed.all():
        simulation = build_simulation(job.tax_benefit_system, block, [month], input_months=job.window)
        return _month_values(job, simulation, month)
    subset = take_households(block, changed)
    simulation = build_simulation(job.tax_benefit_system, subset, [month], input_months=job.window)
    fresh = _month_values(job, simulation, month)
    persons = changed[block.person_household]
    # ``before`` was accumulated already and is not read again: update it in place
    where = {"person": numpy.flatnonzero(persons), "household": numpy.flatnonzero(changed)}
    for scheme in job.schemes:
        amount, entitled = before[scheme.name]
        new_amount, new_entitled = fresh[scheme.name]
        amount[where[scheme.entity]], entitled[where[scheme.entity]] = new_amount, new_entitled
    for extra in job.extras:
        before[extra.name][where[extra.entity]] = fresh[extra.name]
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
class Extra:
    """A variable collected beside the schemes: numbers and booleans summed over the months of the period
    (float64; a boolean counts the months it holds), an enumeration taken at the period's last month (its names)."""
    name: str
    entity: str          # "person" or "household"
    enumeration: object = None   # the variable's possible values, for an enumeration

    @classmethod
    def of(cls, tax_benefit_system, name):
        variable = tax_benefit_system.variables.get(name)
        if variable is None:
            raise ValueError(f"run_population: extra variable '{name}' is not in the tax-benefit system")
        if variable.entity.key not in ("person", "household"):
            raise ValueError(f"run_population: extra variable '{name}' is defined on {variable.entity.key}, "
                             "not on persons or households")
        return cls(name, variable.entity.key, getattr(variable, "possible_values", None))

    def empty(self, size):
        return numpy.zeros(size, dtype=numpy.int16 if self.enumeration is not None else numpy.float64)

    def read(self, simulation, month):
        """This month's values, copied (never the simulation's cached array)."""
        values = simulation.calculate(self.name, month)
        if self.enumeration is not None:
            return numpy.array(values, dtype=numpy.int16)
        return numpy.array(values, dtype=numpy.float64)

    def accumulate(self, total, values, count):
        if self.enumeration is None:
            total += values * count
        else:
            total[:] = values     # months come in order: the last one stays

    def result(self, total):
        if self.enumeration is None:
            return total
        names = numpy.array([item.name for item in self.enumeration], dtype=object)
        return names[total]


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
    extras: dict = field(default_factory=dict)           # extra variable -> per-entity values (see ``Extra``)
    extras_positive: dict = field(default_factory=dict)  # extra variable -> positive in at least one month

    @property
    def n_months(self) -> int:
        return len(self.months)


def scheme_variables(tax_benefit_system, schemes):
    """The variables a run computes for ``schemes``: each output and, for in-kind schemes, eligibility."""
    names = []
    for scheme in schemes:
        if scheme.output not in tax_benefit_system.variables:
            raise ValueError(f"scheme '{scheme.name}' ({scheme.source_file}): output variable "
                             f"'{scheme.output}' is not in the tax-benefit system")
        names.extend(scheme.targets)
    return names


def contribution_variables(tax_benefit_system):
    return [name for name in CONTRIBUTION_VARIABLES if name in tax_benefit_system.variables]


def receiving(scheme, simulation, month, amount):
    if scheme.is_in_kind:
        return numpy.asarray(simulation.calculate(scheme.eligible, month), dtype=bool) | (amount > 0)
    return amount > 0


def run_population(tax_benefit_system, population, period, schemes=None, extras=(), *, chunk_households=None,
                   progress=None, reform="", merge_months=True, workers=None, reuse_months=True):
    """Evaluate the schemes over ``population`` for ``period`` (a month or a year).

    ``schemes``: every scheme of the registry (``None``, and then the contributions of the contributory scheme
    are collected too) or the ``Scheme`` objects given. ``extras``: more variables to collect, on persons or
    households (``RunResult.extras``; see ``Extra``). ``merge_months=False`` computes every month even where
    ``plan_months`` proves two months identical (and switches reuse off). ``reuse_months``
    (``openfisca_ajk.engine.reuse``): a month that differs from the previous computed month only through ages
    and dates is computed only for the households whose month-dependent values changed; the others keep the
    previous month's results. ``workers`` processes evaluate blocks in parallel (fork; default 1, see
    DEFAULT_WORKERS).
    """
    say = progress or (lambda message: None)
    every_scheme = schemes is None
    schemes = load_schemes() if every_scheme else list(schemes)
    names = list(dict.fromkeys([*(contribution_variables(tax_benefit_system) if every_scheme else []), *extras]))
    collected = tuple(Extra.of(tax_benefit_system, name) for name in names)
    population = with_take_up_draws(tax_benefit_system, population)
    with_take_up = frozenset(take_up_schemes(tax_benefit_system)) & {s.name for s in schemes}
    months = months_of(period)
    variables = scheme_variables(tax_benefit_system, schemes) + names
    started = time.perf_counter()
    steps = None
    if not variables:
        plan, note = [], "nothing to compute"
    elif merge_months and reuse_months:
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
    extra_totals = {extra.name: extra.empty(sizes[extra.entity]) for extra in collected}
    extra_positive = {extra.name: numpy.zeros(sizes[extra.entity], dtype=bool) for extra in collected}

    if not chunk_households:
        mean_size = max(population.n_persons / max(population.n_households, 1), 1)
        chunk_households = int(DEFAULT_CHUNK_PERSONS / mean_size)
    chunk = max(int(chunk_households), 1)
    starts = population.household_starts()
    blocks = [] if not plan else [(first, min(first + chunk, population.n_households))
                                  for first in range(0, population.n_households, chunk)]
    job = _Job(tax_benefit_system, population, plan, input_window(months), tuple(schemes), starts, with_take_up, steps,
               collected)
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
        for extra in collected:
            extra_totals[extra.name][where[extra.entity]] = part["extras"][extra.name]
            extra_positive[extra.name][where[extra.entity]] = part["extras_positive"][extra.name]
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
    extra_values = {extra.name: extra.result(extra_totals[extra.name]) for extra in collected}
    contributions = sum((extra_values[name] for name in CONTRIBUTION_VARIABLES if name in extra_values),
                        numpy.zeros(population.n_persons))
    contributing = numpy.zeros(population.n_persons, dtype=bool)
    for name in CONTRIBUTION_VARIABLES:
        if name in extra_positive:
            contributing |= extra_positive[name]
    return RunResult(population=population, period=str(periods.period(period)), months=months, plan=plan,
                     plan_note=note, schemes=results, contributions=contributions, contributing=contributing,
                     timings=timings, reform=reform, extras=extra_values, extras_positive=extra_positive)
