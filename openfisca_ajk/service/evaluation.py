"""``evaluate`` and ``evaluate_batch``: every registered scheme for one or many applications.

All the households of a call — each application and the variants that vary its missing deciding
inputs — are rows of **one** simulation built from arrays. See ``openfisca_ajk.service`` for the
result's shape.
"""

import gc
import operator
import threading
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import numpy
from openfisca_core import periods
from openfisca_core.errors import ParameterNotFoundError

from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.service.analysis import analyse
from openfisca_ajk.service.application import digests, parse_month
from openfisca_ajk.service.builder import Override, build
from openfisca_ajk.service.bulk import intake
from openfisca_ajk.service import budget
from openfisca_ajk.service.constants import CHUNK_COST, EVALUATION_SCHEMA, MAX_APPLICATION_COST, MAX_BATCH, MAX_REQUEST_COST
from openfisca_ajk.service.errors import ApplicationError, date_not_modelled, problem
from openfisca_ajk.service.intake import choose_reform, load_application
from openfisca_ajk.service.outcomes import NOT_ELIGIBLE
from openfisca_ajk.service.publication import apply_publication
from openfisca_ajk.service.reasons import add_reasons
from openfisca_ajk.service.report import BaselineColumns, quick_results, scheme_result, summary
from openfisca_ajk.service.settling import can_settle, unconfirmed
from openfisca_ajk.service.systems import get_system, parameter_hash, versions
from openfisca_ajk.service.variants import NO_VARIATION, design, missing_slots, person_facts


@dataclass(frozen=True)
class Plan:
    application: int
    analysis: object
    design: object
    start: int             # first global row of the variants
    stop: int
    settled: bool = False  # closed this month: variants left out, verdict not_eligible (see settling.py)


INCLUDE = ("in_force", "all")


def evaluate(application, date=None, reform=None, include="in_force"):
    """Evaluate every registered scheme for one application.

    ``application`` is the flat form (see ``openfisca_ajk.service.application``) or an OpenFisca
    situation with one household; ``date`` (``"YYYY-MM"``) is needed when the application has none;
    ``reform`` names a reform of ``reforms/``. The schemes not in force that month (closed to every
    household, e.g. a draft branch) are left out and named in ``not_in_force`` unless
    ``include="all"``. An application whose missing inputs would need more than
    MAX_APPLICATION_COST simulated persons is refused (``too_costly``) before any simulation.
    Raises only ``ApplicationError``.

    >>> from openfisca_ajk.service import evaluate
    >>> result = evaluate({"date": "2025-03", "household": {"pmt_score": 21.5},
    ...     "persons": [{"id": "shazia", "role": "head", "sex": "female", "marital_status": "widowed",
    ...                  "has_cnic": True, "date_of_birth": "1980-01-01"}]})
    >>> kafaalat = next(s for s in result["schemes"] if s["scheme"] == "bisp_kafaalat")
    >>> kafaalat["status"]   # her disability, travel, vehicle... are missing and may exclude her
    'undetermined'
    """
    _check_include(include)
    app, system = load_application(application, date, reform)
    costs = _costs(system, [app], True)
    if costs[0] > MAX_APPLICATION_COST:
        raise _too_costly(None, costs[0], MAX_APPLICATION_COST, "application")
    return _guarded(system, [app], True, include)[0]


def evaluate_batch(applications, date, reform=None, detail=False, include="in_force"):
    """Evaluate many applications for the month ``date``, in one simulation per chunk.

    Returns one entry per application, in order: the result (as ``evaluate`` gives it, without the
    per-condition reasons unless ``detail=True``), or ``{"index": i, "error": ..., "errors": [...]}``
    for an application that is malformed or costs more than MAX_APPLICATION_COST. Raises
    ``ApplicationError`` only for the batch itself (not a list, too long, bad date or reform, or a
    total cost above MAX_REQUEST_COST — counted before any simulation). The households are simulated
    in chunks of at most CHUNK_COST simulated persons, so the memory of a batch is bounded.
    """
    if not isinstance(applications, list):
        raise ApplicationError.single("wrong_type", "applications", "expected a list of applications")
    if len(applications) > MAX_BATCH:
        raise ApplicationError.single("too_many", "applications", f"at most {MAX_BATCH} applications in a batch")
    if date is None:
        raise ApplicationError.single("missing_field", "date", "a batch needs the month to evaluate (YYYY-MM)")
    parse_month(date)
    _check_include(include)
    reform = choose_reform({}, reform)
    system = get_system(reform)
    with _collection_paused():
        return _evaluate_many(system, applications, date, reform, detail, include)


def _evaluate_many(system, applications, date, reform, detail, include):
    results, valid = intake(system, applications, date, reform)
    if valid:
        costs = _costs(system, [app for _, app in valid], detail)
        kept, total = [], 0
        for (index, app), cost in zip(valid, costs):
            if cost > MAX_APPLICATION_COST:
                error = _too_costly(f"applications[{index}]", cost, MAX_APPLICATION_COST, "application")
                results[index] = {"index": index, **error.to_dict()}
            else:
                kept.append((index, app))
                total += cost
        if total > MAX_REQUEST_COST:
            raise _too_costly("applications", total, MAX_REQUEST_COST, "request")
        for (index, _), result in zip(kept, _guarded(system, [app for _, app in kept], detail, include) if kept else ()):
            results[index] = result
    return results


def _check_include(include):
    if include not in INCLUDE:
        raise ApplicationError.single("invalid_value", "include", f"include is one of {list(INCLUDE)}, got {str(include)[:40]!r}")


def _too_costly(field, cost, limit, what):
    return ApplicationError([problem(
        "too_costly", field,
        f"this {what} needs {cost:,} simulated persons (each application and each variant that varies its missing "
        f"deciding inputs, times its persons); the limit is {limit:,}. Give the missing inputs or send fewer applications")])


def _costs(system, applications, detail):
    """Per application, the persons simulated to evaluate it (its own household and every variant), computed
    from the plans alone, before any simulation."""
    month = applications[0].date
    month_start = date(int(month[:4]), int(month[5:7]), 1)
    by_name = analyse(system, month)
    analyses = [by_name[scheme.name] for scheme in load_schemes()]
    _, _, row_template, _ = _plans(system, applications, analyses, month_start, detail, True)
    sizes = numpy.array([len(app.persons) for app in applications], dtype=numpy.int64)
    rows = numpy.asarray(row_template, dtype=numpy.int64)
    return numpy.bincount(rows, weights=sizes[rows], minlength=len(applications)).astype(numpy.int64).tolist()


def _chunks(costs, limit):
    """Consecutive ranges ``(start, stop)`` whose costs sum to at most ``limit`` (an application above it alone)."""
    found, start, running = [], 0, 0
    for position, cost in enumerate(costs):
        if position > start and running + cost > limit:
            found.append((start, position))
            start, running = position, 0
        running += cost
    found.append((start, len(costs)))
    return found


def _load_each(system, applications, date, reform):
    """The per-household intake (``load_application`` for each): the reference for ``bulk.intake``."""
    results, valid = [None] * len(applications), []
    for index, raw in enumerate(applications):
        try:
            app, app_system = load_application(raw, date, reform)
        except ApplicationError as error:
            results[index] = {"index": index, **_prefixed(error, index).to_dict()}
            continue
        if app_system is not system:
            results[index] = {"index": index, **ApplicationError.single(
                "inconsistent", f"applications[{index}].reform", "differs from the batch's reform").to_dict()}
            continue
        valid.append((index, app))
    return results, valid


@contextmanager
def _collection_paused():
    """Pause Python's cyclic garbage collector while a batch allocates its many small, acyclic objects
    (dicts and lists of the applications and results): its full collections would otherwise rescan
    the growing heap again and again. Reference counting still frees everything acyclic, and each
    chunk's simulation drops its arrays as soon as its results are read (``_release``), so what waits
    for the collector is small. The collector is resumed (if it was running) when the batch ends, also
    on error; the objects allocated meanwhile stay in the young generation, where the next collection
    frees the cyclic ones (they are never moved to the oldest generation, which is collected rarely)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _release(simulation):
    """Drop every array a simulation holds. A simulation and its populations refer to each other, so
    only the cyclic collector frees them; their arrays (most of the memory) are freed here at once."""
    for population in simulation.populations.values():
        for holder in population._holders.values():
            holder.delete_arrays()
    simulation.tracer = None


def _prefixed(error, index):
    return ApplicationError([{**p, "field": f"applications[{index}]" + (f".{p['field']}" if p["field"] else "")}
                             for p in error.problems])


def _guarded(system, applications, detail, include="all"):
    try:
        return _evaluate(system, applications, detail, include=include)
    except ApplicationError:
        raise
    except ParameterNotFoundError as error:
        raise date_not_modelled(applications[0].date, error) from error
    except (ArithmeticError, ValueError, TypeError, KeyError, IndexError, MemoryError) as error:
        raise ApplicationError.single("computation_failed", None, f"the engine could not compute: {error}") from error


def _shape(application, month_start):
    """What the missing slots and designs of an application depend on: which inputs each person and the
    household give (and a given age where the date of birth is missing, for the birth dates tried), what
    settles inputs without asking (``variants.person_facts``), and the field names the slots carry."""
    return (application.household_field, frozenset(application.household_inputs),
            tuple((p.field, frozenset(p.inputs), None if "date_of_birth" in p.inputs else p.inputs.get("age"),
                   person_facts(p, month_start)) for p in application.persons))


def _scheme_designs(system, application, analyses, month_start, detail, settle, cache):
    """``[(design, settled)]`` per scheme; a settled design without details is not built (not read)."""
    found = []
    for analysis in analyses:
        slots = missing_slots(system, application, analysis, month_start, cache)
        settled = settle and can_settle(analysis, slots, detail)
        found.append((NO_VARIATION if settled and not detail else design(slots, analysis), settled))
    return found


@dataclass(frozen=True)
class _ShapePlan:
    """What ``_plans`` needs for every application of one shape (see ``_shape``): per scheme the design,
    whether it is settled, its number of variant rows and its overrides relative to its first row."""
    quick: bool                 # no detail and no scheme with variant rows: results read from the baseline
    closed: tuple               # names of the schemes settled for this shape
    schemes: tuple              # per scheme: (design, settled, rows, ((picked rows, person, variable, values), ...))


def _shape_plan(system, application, analyses, month_start, detail, settle, cache):
    designs = _scheme_designs(system, application, analyses, month_start, detail, settle, cache)
    quick = not detail and all(settled or not found.slots for found, settled in designs)
    closed = tuple(analysis.scheme.name for analysis, (_, settled) in zip(analyses, designs) if settled)
    schemes = []
    for plan_design, settled in designs:
        rows = len(plan_design.matrix) if plan_design.slots and not settled else 0
        relative = []
        for column, slot in enumerate(plan_design.slots if rows else ()):
            picked = numpy.nonzero(plan_design.matrix[:, column] >= 0)[0]
            if len(picked):
                picked.flags.writeable = False
                values = tuple(slot.values[k] for k in plan_design.matrix[picked, column])
                relative.append((picked, slot.person, slot.variable, values))
        schemes.append((plan_design, settled, rows, tuple(relative)))
    return _ShapePlan(quick, closed, tuple(schemes))


#: Shape plans across calls, keyed by (system id, month, detail, settle, shape): a bounded LRU. An entry
#: holds its system and the schemes' analyses it was made from and is used only while they are the very
#: objects in use (a system rebuilt, an analysis recomputed or replaced gets a new entry).
PLAN_CACHE_SIZE = 256          # ~0.2 MB per entry for a sparse household: ~50 MB at most
_PLAN_CACHE = OrderedDict()
_PLAN_LOCK = threading.Lock()


def clear_plan_cache():
    with _PLAN_LOCK:
        _PLAN_CACHE.clear()


def _cached_shape_plan(system, application, shape, analyses, month_start, detail, settle, cache):
    key = (id(system), application.date, detail, settle, shape)
    with _PLAN_LOCK:
        entry = _PLAN_CACHE.get(key)
        if (entry is not None and entry[0] is system and len(entry[1]) == len(analyses)
                and all(map(operator.is_, entry[1], analyses))):
            _PLAN_CACHE.move_to_end(key)
            return entry[2]
    found = _shape_plan(system, application, analyses, month_start, detail, settle, cache)
    with _PLAN_LOCK:
        _PLAN_CACHE[key] = (system, tuple(analyses), found)
        _PLAN_CACHE.move_to_end(key)
        while len(_PLAN_CACHE) > PLAN_CACHE_SIZE:
            _PLAN_CACHE.popitem(last=False)
    return found


def _plans(system, applications, analyses, month_start, detail, settle, cached=True):
    """Per application, one ``Plan`` per scheme — or ``None`` (without details) when the scheme has no
    variants, its result being read from the baseline rows; the overrides and the row templates of the
    variants; and, per scheme, the applications for which it is settled (see settling.py)."""
    plans, overrides, row_template = [], [], list(range(len(applications)))
    cache, by_shape, settled_apps = {}, {}, {}
    for app_index, application in enumerate(applications):
        shape = _shape(application, month_start)
        known = by_shape.get(shape)
        if known is None:
            budget.check()                     # a batch of many distinct shapes is planned within the budget too
            if cached:
                known = _cached_shape_plan(system, application, shape, analyses, month_start, detail, settle, cache)
            else:
                known = _shape_plan(system, application, analyses, month_start, detail, settle, cache)
            by_shape[shape] = known
        for name in known.closed:
            settled_apps.setdefault(name, []).append(app_index)
        if known.quick:
            plans.append(None)
            continue
        app_plans = []
        for analysis, (plan_design, settled, rows, relative) in zip(analyses, known.schemes):
            if not detail and not rows:
                app_plans.append(None)
                continue
            start = len(row_template)
            app_plans.append(Plan(app_index, analysis, plan_design, start, start + rows, settled))
            if not rows:
                continue
            row_template.extend([app_index] * rows)
            for picked, person, variable, values in relative:
                overrides.append(Override(picked + start, person, variable, list(values)))
        plans.append(app_plans)
    return plans, overrides, row_template, settled_apps


def evaluate_traced(system, application, scheme):
    """``(result, simulation)``: the result of one ``scheme`` for one checked application (with the
    per-condition reasons, as ``evaluate`` gives it), and the traced simulation it was read from, whose
    roots are ``scheme.decision_variables`` in order (the explanation's computation tree). The
    simulation holds the application's row first, then the variants of this scheme only. Raises
    ``ApplicationError`` (``too_costly``, ``computation_failed``, ``time_budget_exceeded``)."""
    month = application.date
    month_start = date(int(month[:4]), int(month[5:7]), 1)
    by_name = analyse(system, month)
    analysis = by_name[scheme.name]
    for settle in (True, False):
        plans, overrides, row_template, settled_apps = _plans(system, [application], [analysis], month_start, True, settle)
        cost = len(row_template) * len(application.persons)
        if cost > MAX_APPLICATION_COST:
            raise _too_costly(None, cost, MAX_APPLICATION_COST, "application")
        try:
            simulation, layout = build(system, month, [application], row_template, overrides)
            simulation.trace = True
            values = {}
            for name in scheme.decision_variables:
                budget.check()
                values[name] = simulation.calculate(name, month)
        except ApplicationError:
            raise
        except (ArithmeticError, ValueError, TypeError, KeyError, IndexError, MemoryError) as error:
            raise ApplicationError.single("computation_failed", None, f"the engine could not compute: {error}") from error
        context = {"system": system, "values": values, "layout": layout, "month": month, "month_start": month_start,
                   "detail": True, "person_key": system.person_entity.key}
        if settle and unconfirmed(context, by_name, settled_apps, 1):
            continue
        result = _results(system, [application], True, [scheme], plans, context)[0]["schemes"][0]
        return result, simulation


def _calculate_all(simulation, schemes, period):
    values = {}
    for scheme in schemes:
        names = [scheme.output, scheme.eligible, *([scheme.instalment] if scheme.instalment else [])]
        stack = list(scheme.conditions)
        while stack:
            condition = stack.pop()
            names.append(condition.variable)
            stack.extend(condition.person_conditions)
        for name in names:
            if name not in values:
                budget.check()
                values[name] = simulation.calculate(name, period)
    return values


def _evaluate(system, applications, detail, settle=True, include="all"):
    """Evaluate ``applications``; ``settle=False`` varies the inputs of closed schemes too (the reference).
    ``include`` is "all" or "in_force" (see ``evaluate``).

    Applications whose simulated persons sum to more than CHUNK_COST are evaluated in consecutive
    chunks, one simulation each; every simulation's arrays are dropped once its results are read."""
    budget.check()
    month = applications[0].date
    month_start = date(int(month[:4]), int(month[5:7]), 1)
    schemes = load_schemes()
    by_name = analyse(system, month)
    analyses = [by_name[scheme.name] for scheme in schemes]
    plans, overrides, row_template, settled_apps = _plans(system, applications, analyses, month_start, detail, settle)
    if len(applications) > 1:
        sizes = numpy.array([len(app.persons) for app in applications], dtype=numpy.int64)
        rows = numpy.asarray(row_template, dtype=numpy.int64)
        costs = numpy.bincount(rows, weights=sizes[rows], minlength=len(applications)).astype(numpy.int64)
        if costs.sum() > CHUNK_COST:
            results = []
            for start, stop in _chunks(costs.tolist(), CHUNK_COST):
                results.extend(_evaluate(system, applications[start:stop], detail, settle, include))
            return results
    simulation, layout = build(system, month, applications, row_template, overrides)
    try:
        values = _calculate_all(simulation, schemes, periods.period(month))
        context = {"system": system, "values": values, "layout": layout, "month": month, "month_start": month_start,
                   "detail": detail, "person_key": system.person_entity.key}
        if unconfirmed(context, by_name, settled_apps, len(applications)):
            return _evaluate(system, applications, detail, settle=False, include=include)
        return _results(system, applications, detail, schemes, plans, context, include)
    finally:
        _release(simulation)


def _results(system, applications, detail, schemes, plans, context, include="all"):
    """The evaluation of each application. Every result names in ``not_in_force`` the schemes not in force
    this month (closed to every household, see ``settling.py``); unless ``include="all"`` they are left out
    of ``schemes`` and of the summary."""
    month = context["month"]
    header = {"schema": EVALUATION_SCHEMA, "versions": versions(), "parameter_set_hash": parameter_hash(system)}
    if detail:
        columns = None
    else:
        baseline = BaselineColumns(context, schemes, applications)
        columns = [quick_results(context, scheme, baseline, applications) for scheme in schemes]
    cash = {scheme.name: scheme.is_cash for scheme in schemes}
    per_application = []
    for app_index, app_plans in enumerate(plans):
        if app_plans is None:
            per_application.append([column[app_index] for column in columns])
        else:
            per_application.append([columns[k][app_index] if plan is None else scheme_result(context, applications[app_index], plan)
                                    for k, plan in enumerate(app_plans)])
    by_name = analyse(system, month)
    add_reasons(context, schemes, [by_name[scheme.name] for scheme in schemes], applications, per_application)
    closed = [k for k, scheme in enumerate(schemes) if by_name[scheme.name].closed_by is not None]
    results = []
    hashes = digests(applications) if len(applications) > 1 else [applications[0].digest()]
    for app_index, (application, scheme_results) in enumerate(zip(applications, per_application)):
        for scheme, result in zip(schemes, scheme_results):
            apply_publication(scheme, result, month)
        not_in_force = [k for k in closed if scheme_results[k]["status"] == NOT_ELIGIBLE]
        if not_in_force and include != "all":
            left_out = set(not_in_force)
            shown = [result for k, result in enumerate(scheme_results) if k not in left_out]
        else:
            shown = scheme_results
        results.append({
            **header, "id": application.reference, "date": month, "reform": application.reform,
            "application_hash": hashes[app_index], "summary": summary(shown, cash), "schemes": shown,
            "not_in_force": [scheme_results[k]["scheme"] for k in not_in_force],
        })
    return results
