"""Reform evaluation over a population: what a draft costs, whom it reaches, who gains.

    from openfisca_ajk.comparison import compare, write_comparison
    result = compare(baseline_system, ["kafaalat_14500", "universal_old_age_pension"], population, 2026)
    write_comparison(result, "output/compare")      # HTML, Markdown, JSON, CSV and PNG charts

The baseline is computed once; each reform recomputes only the schemes it can change (see
``comparison.dependencies`` for the proof), or everything for a structural reform.
"""

from openfisca_ajk.comparison.evaluation import (
    BaselineEvaluation, ComparisonResult, PreparedReform, compare, evaluate_baseline, prepare_reforms,
)
from openfisca_ajk.comparison.dependencies import affected_targets, trace_dependencies
from openfisca_ajk.comparison.outputs import write_comparison
from openfisca_ajk.comparison.summary import summary_sentences

__all__ = ["BaselineEvaluation", "ComparisonResult", "PreparedReform", "affected_targets", "compare",
           "evaluate_baseline", "prepare_reforms", "summary_sentences", "trace_dependencies", "write_comparison"]
