"""The engine: the one place a law is built (``law``) and the one loop over a population (``run_population``).

    system = law("kafaalat_14500")                  # or law() for today's law, a diff, a file, a Reform class
    result = run_population(system, population, 2026)
    report = build_report(system, result)

Every tool (main job, compare, compliance, matrix, projection, valuation, the one-window service) asks ``law``
for its systems and runs populations through ``run_population``; take-up is applied here.
"""

from openfisca_ajk.engine.aggregates import build_report
from openfisca_ajk.engine.indicators import fgt, gini, quantile_groups
from openfisca_ajk.engine.law import apply_changes, apply_reform_file, baseline, law
from openfisca_ajk.engine.months import months_of, plan_months
from openfisca_ajk.engine.reuse import plan_with_reuse
from openfisca_ajk.engine.run import RunResult, run_population

__all__ = ["RunResult", "apply_changes", "apply_reform_file", "baseline", "build_report", "fgt", "gini", "law",
           "months_of", "plan_months", "plan_with_reuse", "quantile_groups", "run_population"]
