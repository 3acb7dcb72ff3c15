"""Reusing a month's results for the households that provably compute the same thing in the next month.

Birth dates spread over the year make every month differ somewhere (someone has a
birthday), so ``months.plan_months`` can no longer merge whole months. But each
household is computed independently of the others (a formula reads only its own
person or household), and in a given month most households see exactly what they saw
the month before. Month ``m`` reuses month ``p`` (the previous computed month) as follows.

Precondition, for the whole population (``months.equivalent(..., per_household=True)``,
on a traced probe run): the two months have the same computation structure (same
variables at the same relative periods), read parameter trees that are equal leaf by
leaf, select the same dated formulas, and hold the same static inputs. Only ``age``
(computed for each month from the birth dates) and the date inputs (birth, retirement,
death dates) are left out: they are the only inputs whose effect differs from one
month to the next, and they are compared per household below.

The cut (``reuse_cut``): the trace nodes through which the month can still reach a
formula.

1. every variable that reads ``age`` or a date input (its readers; ``age`` itself, when a formula computes
   it from the birth date, counts as such an input and is compared through its own readers);
2. every variable whose formula uses the calendar position of ``period`` other than to
   read parameters or to request a variable (``period.start``, ``period.stop``...: found
   in the formula's syntax tree, ``month_sensitive``);
3. a numeric node found by 1 or 2 that is not a requested output and whose consumers are
   all boolean variables (thresholds, e.g. "age in months < 24") is replaced by those
   consumers: the quantity changes every month, the threshold rarely.

Every path from a month-dependent value to an output passes through the cut. So a
household whose cut values are equal (bit for bit) in ``m`` and ``p`` has, by induction
over the dependency graph, equal values of every variable, outputs included: each
formula gets the same arguments (static inputs, equal parameters, equal cut values).
These households keep month ``p``'s results; the others are computed for ``m`` in a
simulation of just those households (``take_households``). The comparison is done on
arrays for every household, each month, in every block: nothing is assumed from a sample.
"""

import ast
import inspect
import textwrap
from dataclasses import dataclass

import numpy
from openfisca_core import periods

from openfisca_ajk.engine.months import _plan, equivalent, relative_period, varies_by_household
from openfisca_ajk.population.data import Population

ALLOWED_PERIOD_USES = ("parameters",)   # ``parameters(period.stop)``: the instants are compared by the precondition


@dataclass(frozen=True)
class ReuseStep:
    """Month ``month`` may reuse ``previous`` for every household whose ``cut`` values are equal in both."""
    month: object
    previous: object
    cut: tuple          # ((variable, relative period), ...) as ``months.relative_period`` writes them


def absolute_period(month, relative):
    """The period a ``months.relative_period`` stands for in ``month``."""
    kind = relative[0]
    if kind == "eternity":
        return periods.period(periods.ETERNITY)
    if kind == "this_year":
        return month.this_year
    if kind == "month":
        _, offset, size = relative
        return periods.Period((periods.MONTH, month.start.offset(offset, periods.MONTH), size))
    return periods.period(relative[1])


_SENSITIVE = {}


def month_sensitive(formula) -> bool:
    """True if the formula uses an attribute of ``period`` other than inside ``parameters(...)`` or a
    request to its own entity (``person("age", period.last_month)``, whose period is compared by the
    precondition). Unreadable source counts as sensitive."""
    if formula is None:
        return False
    if formula in _SENSITIVE:
        return _SENSITIVE[formula]
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(formula)))
    except (OSError, TypeError, SyntaxError):
        _SENSITIVE[formula] = True
        return True
    function = tree.body[0]
    arguments = [a.arg for a in function.args.args]
    entity, period_name = (arguments + [None, None])[:2]
    parents = {}
    for node in ast.walk(function):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    sensitive = False
    for node in ast.walk(function):
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == period_name):
            continue
        parent = parents.get(node)
        if isinstance(parent, ast.Call) and node in parent.args:
            callee = parent.func
            if isinstance(callee, ast.Name) and (callee.id in ALLOWED_PERIOD_USES or callee.id == entity):
                continue
            if isinstance(callee, ast.Attribute) and isinstance(callee.value, ast.Name) and callee.value.id == entity:
                continue
        sensitive = True
        break
    _SENSITIVE[formula] = sensitive
    return sensitive


def _supported(tax_benefit_system, name, relative) -> bool:
    """The cut node can be recomputed with ``simulation.calculate``."""
    variable = tax_benefit_system.variables[name]
    if variable.definition_period == periods.ETERNITY:
        return True
    if variable.definition_period == periods.MONTH:
        return relative[0] == "month" and relative[2] == 1
    if variable.definition_period == periods.YEAR:
        return relative[0] == "this_year"
    return False


def reuse_cut(tax_benefit_system, population, month, nodes, edges, requested):
    """The cut of ``month``'s trace (see the module docstring), or None if a node cannot be recomputed."""
    variables = tax_benefit_system.variables
    rel = {}

    def key(node):
        name, period = node
        if (name, period) not in rel:
            rel[(name, period)] = (name, relative_period(month, period))
        return rel[(name, period)]

    consumers = {}
    for parent, child in edges:
        consumers.setdefault(key(child), set()).add(key(parent))
    varying = {key(node) for node in nodes if varies_by_household(tax_benefit_system, population, node[0])}
    readers = set().union(*(consumers.get(node, set()) for node in varying)) - varying if varying else set()
    sensitive = set()
    for name, period in nodes:
        if key((name, period)) in varying:
            continue    # compared through its readers
        if period is not None and period.unit != periods.ETERNITY and variables[name].formulas:
            if month_sensitive(variables[name].get_formula(period)):
                sensitive.add(key((name, period)))
    requested = set(requested)
    cut = set()
    for node in readers | sensitive:
        name = node[0]
        above = consumers.get(node, set())
        lift = (variables[name].value_type is not bool and name not in requested and node[1][0] != "eternity"
                and variables[name].definition_period != periods.ETERNITY and above
                and all(variables[parent].value_type is bool for parent, _ in above))
        cut |= above if lift else {node}
    if any(node in varying for node in cut):
        return None    # a month-dependent input would itself be an output: nothing to gain
    if not all(_supported(tax_benefit_system, name, relative) for name, relative in cut):
        return None
    return tuple(sorted(cut, key=repr))


def plan_with_reuse(tax_benefit_system, population, months, variables):
    """(plan, note, steps): ``plan`` as ``months.plan_months`` gives it; ``steps[i]`` is a ``ReuseStep`` if the
    i-th representative may reuse the one before it household by household, else None."""
    groups, note, traces, (window, snapshots) = _plan(tax_benefit_system, population, months, variables)
    steps = [None]
    for (previous, _), (month, _) in zip(groups, groups[1:]):
        step = None
        same, _ = equivalent(tax_benefit_system, population, (previous, traces[str(previous)][:2]),
                             (month, traces[str(month)][:2]), window, snapshots, per_household=True)
        if same:
            nodes, _, edges = traces[str(month)]
            cut = reuse_cut(tax_benefit_system, population, month, nodes, edges, variables)
            if cut is not None:
                step = ReuseStep(month, previous, cut)
        steps.append(step)
    reused = sum(step is not None for step in steps)
    if reused:
        note += f"; {reused} of them reuse the previous month for the households whose month-dependent values are unchanged"
    return groups, note, steps


def cut_values(simulation, step, month):
    """{(variable, relative period): array} of the cut in ``month`` (computed in ``simulation``)."""
    values = {}
    for name, relative in step.cut:
        values[(name, relative)] = numpy.asarray(simulation.calculate(name, absolute_period(month, relative)))
    return values


def _differs(now, before):
    """Element-wise: not bit-for-bit equal (so NaN or -0.0 against 0.0 count as a change)."""
    now, before = numpy.asarray(now), numpy.asarray(before)
    if now.dtype != before.dtype or now.shape != before.shape:
        return numpy.ones(len(now), dtype=bool)
    if now.dtype.kind in "fc":
        width = numpy.dtype(f"u{now.dtype.itemsize}") if now.dtype.kind == "f" else None
        if width is not None:
            return now.view(width) != before.view(width)
    return now != before


def changed_households(tax_benefit_system, population, now, before) -> numpy.ndarray:
    """Households (bool mask) where any cut value differs between two months."""
    changed = numpy.zeros(population.n_households, dtype=bool)
    for (name, relative), values in now.items():
        differs = _differs(values, before[(name, relative)])
        if tax_benefit_system.variables[name].entity.key == "household":
            changed |= differs
        elif differs.any():
            changed[population.person_household[differs]] = True
    return changed


def take_households(population, mask) -> Population:
    """The households where ``mask`` is True and their persons (copies), in the same order."""
    mask = numpy.asarray(mask, dtype=bool)
    persons = numpy.flatnonzero(mask[population.person_household])
    households = numpy.flatnonzero(mask)
    renumber = numpy.cumsum(mask) - 1
    return Population(
        person={name: array[persons] for name, array in population.person.items()},
        household={name: array[households] for name, array in population.household.items()},
        person_household=renumber[population.person_household[persons]].astype(numpy.intp),
        role=population.role[persons],
        year=population.year,
        source=population.source,
        notes=population.notes,
    )
