"""Take-up: eligible households (or persons) that claim and are paid, applied when aggregating a run.

Eligibility stays the law's: the engine computes every entitlement. A scheme with a take-up parameter
(``population.take_up.<scheme>``, a share) is then counted as received only in households whose take-up
draw (``take_up_draw_<scheme>``, one uniform number per household stored in the population) is below the
share; a person scheme follows the person's household. The draws are deterministic: generated with the
population, or, for a population without them (microdata), from a fixed stream per scheme and household
position, so the same population always gives the same receivers, in one pass or by blocks.
"""

import dataclasses
import zlib

import numpy

TAKE_UP_PREFIX = "take_up_draw_"
MICRODATA_SEED = 0


def take_up_schemes(tax_benefit_system) -> list:
    """Names of the schemes with a take-up parameter (``population.take_up.<scheme>``)."""
    node = tax_benefit_system.parameters.children.get("population")
    node = node.children.get("take_up") if node is not None else None
    return sorted(node.children) if node is not None else []


def take_up_draw(seed: int, year: int, scheme: str, n_households: int):
    """One uniform number per household for ``scheme``, from a stream of its own (float64)."""
    stream = numpy.random.default_rng(numpy.random.SeedSequence([int(seed), int(year), zlib.crc32(scheme.encode())]))
    return stream.random(n_households)


def take_up_draws(seed: int, year: int, tax_benefit_system, n_households: int) -> dict:
    """{household column: draws} for every scheme with a take-up parameter (the synthetic population's draws)."""
    return {TAKE_UP_PREFIX + name: take_up_draw(seed, year, name, n_households)
            for name in take_up_schemes(tax_benefit_system)}


def take_up_rate(tax_benefit_system, scheme: str, month) -> float:
    """The take-up share of ``scheme`` in force in ``month`` (1 when the scheme has no take-up parameter)."""
    node = tax_benefit_system.parameters(str(month.start) if hasattr(month, "start") else f"{month}-01")
    population = getattr(node, "population", None)
    take_up = getattr(population, "take_up", None) if population is not None else None
    if take_up is None or scheme not in take_up._children:
        return 1.0
    return float(take_up._children[scheme])


def with_take_up_draws(tax_benefit_system, population):
    """``population`` itself if it has every draw, else a shallow copy with the missing draws added."""
    names = take_up_schemes(tax_benefit_system)
    missing = [n for n in names if TAKE_UP_PREFIX + n not in population.household]
    if not missing:
        return population
    household = dict(population.household)
    for name in missing:
        household[TAKE_UP_PREFIX + name] = take_up_draw(MICRODATA_SEED, population.year, name, population.n_households)
    return dataclasses.replace(population, household=household)


def takes_up(population, scheme, rate: float):
    """Boolean mask over the scheme's entity: who takes the scheme up at ``rate`` (None: everybody)."""
    draw = population.household.get(TAKE_UP_PREFIX + scheme.name)
    if draw is None or rate >= 1:
        return None
    household = numpy.asarray(draw) < rate
    return household if scheme.entity == "household" else household[population.person_household]


def apply_take_up(values, mask):
    """``values`` where taken up, 0 (or False) elsewhere; ``values`` unchanged when ``mask`` is None."""
    if mask is None:
        return values
    return numpy.where(mask, values, numpy.zeros_like(values))
