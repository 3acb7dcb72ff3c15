"""Microsimulation over a population: run the baseline or a reform for a month or a year, then report.

    result = run_population(tax_benefit_system, population, 2025)
    report = build_report(tax_benefit_system, result)
"""

from openfisca_ajk.microsim.indicators import fgt, gini, quantile_groups
from openfisca_ajk.microsim.months import months_of, plan_months
from openfisca_ajk.microsim.outputs import write_outputs
from openfisca_ajk.microsim.report import build_report
from openfisca_ajk.microsim.reuse import plan_with_reuse
from openfisca_ajk.microsim.run import RunResult, run_population

__all__ = ["RunResult", "build_report", "fgt", "gini", "months_of", "plan_months", "plan_with_reuse", "quantile_groups",
           "run_population", "write_outputs"]
