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

from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.service.analysis import analyse
from openfisca_ajk.service.application import digests, parse_month
from openfisca_ajk.service.builder import Override, build
from openfisca_ajk.service.bulk import intake
from openfisca_ajk.service.constants import EVALUATION_SCHEMA, MAX_BATCH
from openfisca_ajk.service.errors import ApplicationError
from openfisca_ajk.service.intake import choose_reform, load_application
from openfisca_ajk.service.report import BaselineColumns, quick_results, scheme_result, summary
from openfisca_ajk.service.settling import can_settle, unconfirmed
from openfisca_ajk.service.systems import get_system, parameter_hash, versions
from openfisca_ajk.service.variants import NO_VARIATION, design, missing_slots


@dataclass(frozen=True)
class Plan:
    application: int
    analysis: object
    design: object
    start: int             # first global row of the variants
    stop: int
    settled: bool = False  # closed this month: variants left out, verdict not_eligible (see settling.py)


def evaluate(application, date=None, reform=None):
    """Evaluate every registered scheme for one application.

    ``application`` is the flat form (see ``openfisca_ajk.service.application``) or an OpenFisca
    situation with one household; ``date`` (``"YYYY-MM"``) is needed when the application has none;
    ``reform`` names a reform of ``reforms/``. Raises only ``ApplicationError``.

    >>> from openfisca_ajk.service import evaluate
    >>> result = evaluate({"date": "2025-03", "household": {"pmt_score": 21.5},
    ...     "persons": [{"id": "shazia", "role": "head", "sex": "female", "marital_status": "widowed",
    ...                  "has_cnic": True, "date_of_birth": "1980-01-01"}]})
    >>> kafaalat = next(s for s in result["schemes"] if s["scheme"] == "bisp_kafaalat")
    >>> kafaalat["status"]   # her disability, travel, vehicle... are missing and may exclude her
    'undetermined'
    """
    app, system = load_application(application, date, reform)
    return _guarded(system, [app], True)[0]


def evaluate_batch(applications, date, reform=None, detail=False):
    """Evaluate many applications for the month ``date`` in one simulation.

    Returns one entry per application, in order: the result (as ``evaluate`` gives it, without the
    per-condition reasons unless ``detail=True``), or ``{"index": i, "error": ..., "errors": [...]}``
    for an application that is malformed. Raises ``ApplicationError`` only for the batch itself
    (not a list, too long, bad date or reform).
    """
    if not isinstance(applications, list):
        raise ApplicationError.single("wrong_type", "applications", "expected a list of applications")
    if len(applications) > MAX_BATCH:
        raise ApplicationError.single("too_many", "applications", f"at most {MAX_BATCH} applications in a batch")
    if date is None:
        raise ApplicationError.single("missing_field", "date", "a batch needs the month to evaluate (YYYY-MM)")
    parse_month(date)
    reform = choose_reform({}, reform)
    system = get_system(reform)
    with _collection_paused():
        return _evaluate_many(system, applications, date, reform, detail)


def _evaluate_many(system, applications, date, reform, detail):
    results, valid = intake(system, applications, date, reform)
    if valid:
        for (index, _), result in zip(valid, _guarded(system, [app for _, app in valid], detail)):
            results[index] = result
    return results


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
    the growing heap again and again. Reference counting still frees everything; the collector is
    resumed (if it was running) when the batch ends, also on error. The objects allocated meanwhile are
    first moved to the oldest generation (``gc.freeze`` then ``gc.unfreeze``, which scan nothing), so the
    first young collection after the batch does not traverse the whole batch (~0.1 s for 10,000
    households); they stay collectable by the next full collection."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _prefixed(error, index):
    return ApplicationError([{**p, "field": f"applications[{index}]" + (f".{p['field']}" if p["field"] else "")}
                             for p in error.problems])


def _guarded(system, applications, detail):
    try:
        return _evaluate(system, applications, detail)
    except ApplicationError:
        raise
    except (ArithmeticError, ValueError, TypeError, KeyError, IndexError, MemoryError) as error:
        raise ApplicationError.single("computation_failed", None, f"the engine could not compute: {error}") from error


def _shape(application):
    """What the missing slots and designs of an application depend on: which inputs each person and the
    household give (and a given age where the date of birth is missing, for the birth dates tried), and
    the field names the slots carry."""
    return (application.household_field, frozenset(application.household_inputs),
            tuple((p.field, frozenset(p.inputs), None if "date_of_birth" in p.inputs else p.inputs.get("age"))
                  for p in application.persons))


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
        shape = _shape(application)
        known = by_shape.get(shape)
        if known is None:
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
                values[name] = simulation.calculate(name, period)
    return values


def _evaluate(system, applications, detail, settle=True):
    """Evaluate ``applications``; ``settle=False`` varies the inputs of closed schemes too (the reference)."""
    month = applications[0].date
    month_start = date(int(month[:4]), int(month[5:7]), 1)
    schemes = load_schemes()
    by_name = analyse(system, month)
    analyses = [by_name[scheme.name] for scheme in schemes]
    plans, overrides, row_template, settled_apps = _plans(system, applications, analyses, month_start, detail, settle)
    simulation, layout = build(system, month, applications, row_template, overrides)
    values = _calculate_all(simulation, schemes, periods.period(month))
    context = {"system": system, "values": values, "layout": layout, "month": month, "month_start": month_start,
               "detail": detail, "person_key": system.person_entity.key}
    if unconfirmed(context, by_name, settled_apps, len(applications)):
        return _evaluate(system, applications, detail, settle=False)
    header = {"schema": EVALUATION_SCHEMA, "versions": versions(), "parameter_set_hash": parameter_hash(system)}
    if detail:
        columns = None
    else:
        baseline = BaselineColumns(context, schemes, applications)
        columns = [quick_results(context, scheme, baseline, applications) for scheme in schemes]
    cash = {scheme.name: scheme.is_cash for scheme in schemes}
    results = []
    hashes = digests(applications) if len(applications) > 1 else [applications[0].digest()]
    for app_index, (application, app_plans) in enumerate(zip(applications, plans)):
        if app_plans is None:
            scheme_results = [column[app_index] for column in columns]
        else:
            scheme_results = [columns[k][app_index] if plan is None else scheme_result(context, application, plan)
                              for k, plan in enumerate(app_plans)]
        results.append({
            **header, "id": application.reference, "date": month, "reform": application.reform,
            "application_hash": hashes[app_index], "summary": summary(scheme_results, cash), "schemes": scheme_results,
        })
    return results
