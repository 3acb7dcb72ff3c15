"""``evaluate`` and ``evaluate_batch``: every registered scheme for one or many applications.

All the households of a call — each application and the variants that vary its missing deciding
inputs — are rows of **one** simulation built from arrays. See ``openfisca_ajk.service`` for the
result's shape.
"""

from dataclasses import dataclass
from datetime import date

import numpy

from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.service.analysis import analyse
from openfisca_ajk.service.application import parse_month
from openfisca_ajk.service.builder import Override, build
from openfisca_ajk.service.constants import EVALUATION_SCHEMA, MAX_BATCH
from openfisca_ajk.service.errors import ApplicationError
from openfisca_ajk.service.intake import choose_reform, load_application
from openfisca_ajk.service.report import BaselineColumns, quick_result, scheme_result, summary
from openfisca_ajk.service.systems import get_system, parameter_hash, versions
from openfisca_ajk.service.variants import design, missing_slots


@dataclass(frozen=True)
class Plan:
    application: int
    analysis: object
    design: object
    start: int             # first global row of the variants
    stop: int


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
    if valid:
        for (index, _), result in zip(valid, _guarded(system, [app for _, app in valid], detail)):
            results[index] = result
    return results


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


def _plans(system, applications, analyses, month_start):
    plans, overrides, row_template = [], [], list(range(len(applications)))
    cache = {}
    for app_index, application in enumerate(applications):
        for analysis in analyses:
            slots = missing_slots(system, application, analysis, month_start, cache)
            plan_design = design(slots, analysis)
            start = len(row_template)
            rows = len(plan_design.matrix) if slots else 0
            row_template.extend([app_index] * rows)
            plans.append(Plan(app_index, analysis, plan_design, start, start + rows))
            for column, slot in enumerate(plan_design.slots):
                picked = numpy.nonzero(plan_design.matrix[:, column] >= 0)[0]
                if len(picked):
                    values = [slot.values[k] for k in plan_design.matrix[picked, column]]
                    overrides.append(Override(picked + start, slot.person, slot.variable, values))
    return plans, overrides, row_template


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


def _evaluate(system, applications, detail):
    month = applications[0].date
    month_start = date(int(month[:4]), int(month[5:7]), 1)
    schemes = load_schemes()
    by_name = analyse(system, month)
    analyses = [by_name[scheme.name] for scheme in schemes]
    plans, overrides, row_template = _plans(system, applications, analyses, month_start)
    simulation, layout = build(system, month, applications, row_template, overrides)
    values = _calculate_all(simulation, schemes, month)
    context = {"system": system, "values": values, "layout": layout, "month": month, "month_start": month_start,
               "detail": detail, "person_key": system.person_entity.key}
    header = {"schema": EVALUATION_SCHEMA, "versions": versions(), "parameter_set_hash": parameter_hash(system)}
    results = []
    per_app = len(analyses)
    baseline = None if detail else BaselineColumns(context, schemes, applications)
    periodicities = {scheme.name: scheme.periodicity for scheme in schemes}
    for app_index, application in enumerate(applications):
        app_plans = plans[app_index * per_app:(app_index + 1) * per_app]
        scheme_results = [quick_result(context, application, plan, baseline)
                          if baseline is not None and not plan.design.slots else scheme_result(context, application, plan)
                          for plan in app_plans]
        results.append({
            **header, "id": application.reference, "date": month, "reform": application.reform,
            "application_hash": application.digest(), "summary": summary(scheme_results, periodicities), "schemes": scheme_results,
        })
    return results
