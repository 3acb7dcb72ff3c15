"""A reform's run made of the schemes it can change, recomputed, and the baseline's arrays for the others.

The schemes a reform can change (``comparison.dependencies``) are recomputed by the engine's one loop,
``run_population(system, population, period, schemes=subset, extras=...)``, with the same arithmetic as a full
run, so the arrays equal what a full run gives for those schemes (``tests/comparison`` checks it for every
reform of the library).
"""

from openfisca_ajk.engine.run import RunResult


def merged_run(baseline_run, partial, reform_label, contribution_variable):
    """A ``RunResult`` of the reform: recomputed schemes from ``partial``, every other one from the baseline."""
    schemes = dict(baseline_run.schemes)
    schemes.update(partial.schemes)
    contributions, contributing = baseline_run.contributions, baseline_run.contributing
    if contribution_variable in partial.extras:
        contributions = partial.extras[contribution_variable]
        contributing = partial.extras_positive[contribution_variable]
    return RunResult(population=baseline_run.population, period=baseline_run.period, months=baseline_run.months,
                     plan=baseline_run.plan, plan_note=f"recomputed schemes: {partial.plan_note}; others from the baseline",
                     schemes=schemes, contributions=contributions, contributing=contributing,
                     timings=dict(partial.timings), reform=reform_label, extras=dict(partial.extras),
                     extras_positive=dict(partial.extras_positive))
