"""Why the Gini can rise after transfers, and the figure without that effect.

The population reports (``engine.aggregates``) add every cash benefit to consumption before transfers. The
pensions of retired AJK public servants (civil and family pensions, Benevolent Fund grants) are deferred pay
of a salaried career, received mostly by households in the upper deciles; counted as transfers they widen
the distribution, and the Gini after transfers can exceed the Gini before. ``gini_concepts`` gives the Gini
with those pensions counted as income before transfers (so only social assistance and social insurance
are transfers), beside the report's own figures.
"""

import numpy

from openfisca_ajk.engine.indicators import gini
from openfisca_ajk.engine.aggregates import adult_equivalents
from openfisca_ajk.population.data import CONSUMPTION
from openfisca_ajk.precision import interval, is_sample, jackknife_half_width, text

DEFERRED_PAY_KIND = "public_service"


def gini_concepts(tax_benefit_system, run):
    """{gini_before_with_public_service_pensions, gini_after, note}; {} without consumption."""
    population = run.population
    if CONSUMPTION not in population.household:
        return {}
    year = int(str(run.months[0])[:4])
    parameters = tax_benefit_system.parameters(f"{year}-01-01").population
    h = population.person_household
    equivalents = numpy.maximum(adult_equivalents(population, parameters), 1e-9)
    pensions, transfers = numpy.zeros(population.n_households), numpy.zeros(population.n_households)
    for result in run.schemes.values():
        if not result.scheme.is_cash:
            continue
        amount = result.amount if result.scheme.entity == "household" else \
            numpy.bincount(h, weights=result.amount, minlength=population.n_households)
        if result.scheme.kind == DEFERRED_PAY_KIND:
            pensions += amount
        else:
            transfers += amount
    contributions = numpy.bincount(h, weights=run.contributions, minlength=population.n_households)
    consumption = population.household[CONSUMPTION].astype(numpy.float64)
    before = consumption + pensions / run.n_months / equivalents
    after = before + (transfers - contributions) / run.n_months / equivalents
    members = numpy.bincount(h, minlength=population.n_households)
    household_weights = population.household["household_weight"].astype(numpy.float64)
    weights = household_weights * members
    out = {"gini_before_with_public_service_pensions": gini(before, weights),
           "gini_after_social_transfers": gini(after, weights),
           "note": "Public-service pensions (deferred pay, mostly to upper deciles) are transfers in the Gini above, "
                   "which can therefore rise; counted as income before transfers, the Gini moves from "
                   "{} to {} with social assistance and social insurance."}
    if is_sample(population):     # 95 % intervals by the delete-a-group jackknife over households
        out["intervals"] = {
            "gini_before_with_public_service_pensions": interval(out["gini_before_with_public_service_pensions"],
                                                                 jackknife_half_width(lambda w: gini(before, w * members), household_weights)),
            "gini_after_social_transfers": interval(out["gini_after_social_transfers"],
                                                    jackknife_half_width(lambda w: gini(after, w * members), household_weights))}
    return out


def gini_line(concepts):
    if not concepts:
        return []
    keys = ("gini_before_with_public_service_pensions", "gini_after_social_transfers")
    intervals = concepts.get("intervals") or {}
    shown = [text(intervals[key]) if key in intervals and intervals[key].get("step") else f"{concepts[key]:.4f}"
             for key in keys]
    return ["  " + concepts["note"].format(*shown)]
