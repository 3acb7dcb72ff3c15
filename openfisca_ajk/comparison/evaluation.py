"""``compare(baseline, reforms, population, period)``: the baseline once, each reform against it.

1. Every reform is resolved and validated first (``prepare_reforms``): a reform file with an unknown
   parameter, a wrong type or overlapping periods raises the loader's ``ReformFileError`` before any
   computation.
2. The baseline is run once (``run_population``) and traced once (``comparison.dependencies``).
3. For each reform, only the schemes whose recorded parameter reads give another value under the reform
   are recomputed (``comparison.partial``); the others keep the baseline's arrays, provably identical. A
   structural reform (changed variables), or ``full=True``, runs ``run_population`` in full.
4. ``metrics.reform_impact`` gives every figure.
"""

import time
from dataclasses import dataclass, field
from pathlib import Path

from openfisca_core import periods
from openfisca_core.reforms import Reform
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_ajk.comparison.dependencies import affected_targets, trace_dependencies
from openfisca_ajk.comparison.metrics import EMPLOYEE, EMPLOYER, coverage_unchanged, reform_impact
from openfisca_ajk.comparison.partial import merged_run
from openfisca_ajk.precision_reports import coverage_change_intervals
from openfisca_ajk.contributory import record_spec, with_contribution_record
from openfisca_ajk.engine.months import months_of
from openfisca_ajk.engine.aggregates import build_report
from openfisca_ajk.engine.law import law
from openfisca_ajk.engine.run import run_population
from openfisca_ajk.reform_diffs import ReformFileError
from openfisca_ajk.scheme_registry import load_schemes


@dataclass
class PreparedReform:
    name: str
    label: str
    system: object
    description: str = ""
    legal_basis: list = field(default_factory=list)


@dataclass
class BaselineEvaluation:
    system: object
    population: object
    period: str
    run: object
    report: dict
    trace: object
    timings: dict
    employer: object = None     # employer contributions per person, computed when a reform needs them
    cache: dict = field(default_factory=dict)   # baseline-only figures, computed once for every reform


@dataclass
class ComparisonResult:
    period: str
    baseline: BaselineEvaluation
    reforms: list               # [(PreparedReform, impact dict)]
    timings: dict

    def to_dict(self):
        population = self.baseline.report["population"]
        return {
            "period": self.period, "months": self.baseline.run.n_months, "population": population,
            "baseline": {"annual_cost_pkr": self.baseline.report["totals"]["annual_cost_pkr"],
                         "poverty": self.baseline.report.get("poverty", {}).get("all"),
                         "coverage": self.baseline.report["coverage"]["sdg_1_3_1_pct"]},
            "reforms": [{"name": reform.name, "label": reform.label, "description": reform.description,
                         "legal_basis": reform.legal_basis, **impact} for reform, impact in self.reforms],
            "timings_s": {k: round(v, 3) for k, v in self.timings.items()},
        }


def _describe(name, system):
    spec = getattr(system, "spec", None) or getattr(type(system), "spec", None)
    if spec is not None:
        basis = [dict(item) if isinstance(item, dict) else {"title": getattr(item, "title", str(item)), "href": getattr(item, "href", "")}
                 for item in (getattr(spec, "legal_basis", None) or [])]
        return PreparedReform(spec.name, spec.label or spec.name, system, spec.description or "", basis)
    label = getattr(system, "name", None) or name
    return PreparedReform(name, str(label), system, (type(system).__doc__ or "").strip())


def prepare_reforms(baseline, reforms):
    """[PreparedReform]: names or paths of reform files, ``Reform`` classes, reformed systems, (name, system) pairs.

    Everything is validated before anything is computed; the loader's error is raised unchanged when one
    reform is wrong, or all problems together when several are.
    """
    prepared, errors = [], []
    for item in reforms:
        try:
            if isinstance(item, PreparedReform):
                prepared.append(item)
            elif isinstance(item, tuple):
                name, system = item
                prepared.append(_describe(name, system))
            elif isinstance(item, TaxBenefitSystem):
                prepared.append(_describe(type(item).__name__, item))
            elif isinstance(item, type) and issubclass(item, Reform):
                prepared.append(_describe(item.__name__, law(item)))
            elif isinstance(item, (str, Path)):
                prepared.append(_describe(Path(str(item)).stem, law(item)))
            else:
                raise ValueError(f"cannot compare {item!r}: give a reform name or file, a Reform class or a reformed system")
        except ReformFileError as error:
            errors.append(error)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ReformFileError("reforms", [problem for error in errors for problem in [str(error)]])
    names = [p.name for p in prepared]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"each reform may be compared once: {', '.join(duplicates)} given twice")
    return prepared


def comparison_targets(system, schemes):
    targets = [v for s in schemes for v in s.targets]
    return targets + [v for v in (EMPLOYEE, EMPLOYER) if v in system.variables]


def evaluate_baseline(system, population, period, progress=None, chunk_households=None):
    say = progress or (lambda message: None)
    timings = {}
    tick = time.perf_counter()
    run = run_population(system, population, period, chunk_households=chunk_households, progress=progress)
    timings["baseline_run_s"] = time.perf_counter() - tick
    tick = time.perf_counter()
    report = build_report(system, run)
    timings["baseline_report_s"] = time.perf_counter() - tick
    tick = time.perf_counter()
    trace = trace_dependencies(system, population, months_of(period), comparison_targets(system, load_schemes()))
    timings["baseline_trace_s"] = time.perf_counter() - tick
    say(f"baseline: {run.plan_note}; parameter reads traced on {trace.probe_households} households")
    return BaselineEvaluation(system, population, str(run.period), run, report, trace, timings)


def baseline_employer(baseline):
    if baseline.employer is None and EMPLOYER in baseline.system.variables:
        partial = run_population(baseline.system, baseline.population, baseline.period, schemes=(), extras=(EMPLOYER,))
        baseline.employer = partial.extras[EMPLOYER]
        baseline.timings["baseline_employer_contributions_s"] = partial.timings["total_s"]
    return baseline.employer


def evaluate_reform(baseline, reform, full=False, progress=None):
    """(reform RunResult, recomputed scheme names, notes, employer contributions or None, contributory)."""
    say = progress or (lambda message: None)
    schemes = load_schemes()
    affected, structural = affected_targets(baseline.trace, baseline.system, reform.system)
    if full:
        affected = {name: "full run requested" for name in baseline.trace.reads}
    recomputed = sorted(s.name for s in schemes if any(t in affected for t in s.targets))
    contributory = (EMPLOYEE in affected or EMPLOYER in affected
                    or any(s.kind == "social_insurance" for s in schemes if s.name in recomputed))
    notes = {name: affected[name] for name in sorted(affected)}
    population, _ = with_contribution_record(reform.system, baseline.population, baseline.period)
    if structural or full:
        say(f"{reform.name}: every scheme recomputed ({'structural reform' if structural else 'full run requested'})")
        run = run_population(reform.system, population, baseline.period, progress=progress, reform=reform.name)
        employer = None
        if contributory and EMPLOYER in reform.system.variables:
            employer = run_population(reform.system, population, baseline.period, schemes=(),
                                      extras=(EMPLOYER,)).extras[EMPLOYER]
        return run, [s.name for s in schemes], notes, employer, contributory, True
    extras = [name for name in (EMPLOYEE, EMPLOYER) if name in affected]
    subset = [s for s in schemes if s.name in recomputed]
    say(f"{reform.name}: recomputing {len(subset)} scheme(s) {', '.join(recomputed) or '(none)'}"
        + (f" and {', '.join(extras)}" if extras else "") + "; the others provably keep baseline values")
    partial = run_population(reform.system, population, baseline.period, schemes=subset,
                             extras=[name for name in extras if name in reform.system.variables])
    run = merged_run(baseline.run, partial, reform.name, EMPLOYEE)
    employer = None
    if contributory:
        employer = partial.extras.get(EMPLOYER, baseline_employer(baseline))
    return run, recomputed, notes, employer, contributory, False


def compare(baseline_system, reforms, population, period, baseline=None, full=False, progress=None):
    """Compare each reform with the baseline on the same population and period (see module docstring).

    ``baseline``: a ``BaselineEvaluation`` from an earlier call to reuse (same system, population, period).
    """
    started = time.perf_counter()
    prepared = prepare_reforms(baseline_system, reforms)
    if baseline is None:
        baseline = evaluate_baseline(baseline_system, population, period, progress)
    elif baseline.population is not population or baseline.period != str(periods.period(period)):
        raise ValueError("the baseline evaluation given was made for another population or period")
    timings = dict(baseline.timings)
    results = []
    for reform in prepared:
        tick = time.perf_counter()
        run, recomputed, notes, employer, contributory, full_run = evaluate_reform(baseline, reform, full, progress)
        timings[f"{reform.name}_run_s"] = time.perf_counter() - tick
        tick = time.perf_counter()
        # Coverage depends only on who receives what and who contributes: unchanged masks, the baseline's report.
        report = baseline.report if coverage_unchanged(baseline.run, run) else build_report(reform.system, run)
        employer_before = baseline_employer(baseline) if contributory else None
        impact = reform_impact(baseline_system, baseline.run, baseline.report, run, report, set(recomputed),
                               employer_before, employer, contributory, baseline.cache)
        if impact["intervals"]:
            impact["intervals"]["coverage"] = coverage_change_intervals(
                baseline.system, baseline.run, baseline.report, reform.system, run, report, baseline.cache)
        record = record_spec(reform.system, baseline.period)
        if record is not None:
            impact["contributory_scheme"] = {"years_after_start": record.years_after_start, "note": record.note()}
        impact["evaluation"] = {"full_run": full_run, "recomputed_schemes": recomputed, "why_recomputed": notes,
                                "plan": run.plan_note}
        timings[f"{reform.name}_report_s"] = time.perf_counter() - tick
        results.append((reform, impact))
    timings["total_s"] = time.perf_counter() - started
    return ComparisonResult(str(baseline.run.period), baseline, results, timings)
