"""ABND (RAP) costing projections to 2030 and beyond, on the microsimulation's base year.

    from openfisca_ajk.projection import costing_grid
    rows = costing_grid(laws=("baseline", "kafaalat_14500"), scenarios=("low", "central", "high"))

Inputs live in ``parameters/projection`` (cohort-component demography with WPP 2024 mortality,
labour, economy, budgets, indexation, take-up, scenarios). Grids run serially, on local processes or
on Dask (``executors.run_tasks``) with identical results.
"""

from openfisca_ajk.projection.assumptions import SCENARIOS, Assumptions, load_assumptions
from openfisca_ajk.projection.charts import cost_comparison_chart
from openfisca_ajk.projection.costing import Evaluation, evaluate, project_costs
from openfisca_ajk.projection.demography import base_population, employment, project_population
from openfisca_ajk.projection.executors import BACKENDS, run_tasks
from openfisca_ajk.projection.grid import CostingTask, costing_grid, costing_task
from openfisca_ajk.projection.laws import BASELINE, law_system, library_reforms
from openfisca_ajk.projection.macro import macro_paths
from openfisca_ajk.projection.mortality import death_probabilities

__all__ = ["Assumptions", "BACKENDS", "BASELINE", "CostingTask", "Evaluation", "SCENARIOS", "base_population",
           "cost_comparison_chart", "costing_grid", "costing_task", "death_probabilities", "employment", "evaluate",
           "law_system", "library_reforms", "load_assumptions", "macro_paths", "project_costs", "project_population",
           "run_tasks"]
