"""Actuarial valuation of the contributory scheme's old-age, invalidity and survivors' branches.

    from openfisca_ajk.actuarial import valuation_grid, write_report
    results = valuation_grid(["draft_social_security_act"], horizon=75)
    write_report(results, "valuation_output")

The design is read from the (reformed) system's parameters, so any reform file or in-memory diff
(``openfisca_ajk.reform_diffs.apply_changes``) flows through ``value_system``.
"""

from openfisca_ajk.actuarial.design import Design, first_year_in_force, read_design
from openfisca_ajk.actuarial.indicators import (
    exhaustion_year,
    general_average_premium,
    payg_cost_rate,
    reserve_path,
    reserve_ratio,
)
from openfisca_ajk.actuarial.inputs import ValuationInputs, build_inputs, with_contribution_rate
from openfisca_ajk.actuarial.model import ValuationResult, project
from openfisca_ajk.actuarial.valuation_report import write_report
from openfisca_ajk.actuarial.valuation import ValuationTask, valuation_grid, valuation_task, value_system

__all__ = ["Design", "ValuationInputs", "ValuationResult", "ValuationTask", "build_inputs", "exhaustion_year",
           "first_year_in_force", "general_average_premium", "payg_cost_rate", "project", "read_design", "reserve_path",
           "reserve_ratio", "valuation_grid", "valuation_task", "value_system", "with_contribution_rate", "write_report"]
