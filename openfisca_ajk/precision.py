"""Sampling precision of population estimates: 95 % intervals and rounding to what they support.

A population is a sample when a record stands for more than one household (a synthetic population with
``--size`` under 1, or weighted microdata); the full synthetic population (every weight 1) has no sampling
error. Households are the sampling units (persons are drawn with their household). For a weighted total
T = sum_h w_h y_h the variance is estimated as for a with-replacement draw of n households,

    V(T) = n / (n - 1) x sum_h (w_h y_h - T / n)^2,

and for a ratio R = sum w y / sum w x by linearisation, with w_h (y_h - R x_h) / X in place of w_h y_h
(Cochran, Sampling Techniques, ch. 2 and 6). The interval is the estimate +- 1.96 sqrt(V). A figure is
rounded to the first significant digit of the interval's half-width, so no digit is printed that the
sample cannot support.
"""

import math

import numpy

from openfisca_ajk.tools.rounding import decimals, round_to, step_of

Z95 = 1.959963984540054     # the standard normal's 97.5th percentile


def is_sample(population) -> bool:
    weights = numpy.asarray(population.household["household_weight"], dtype=numpy.float64)
    return bool(weights.size) and (float(weights.max()) > 1.0 + 1e-9 or population.source != "synthetic")


def _variance(z):
    n = len(z)
    if n < 2:
        return 0.0
    return float(n / (n - 1) * ((z - z.mean()) ** 2).sum())


def total_half_width(values, weights):
    """95 % half-width of sum(weights x values) over households (per-household values)."""
    return Z95 * math.sqrt(_variance(numpy.asarray(weights, dtype=numpy.float64) * numpy.asarray(values, dtype=numpy.float64)))


def ratio_half_width(numerator, denominator, weights):
    """95 % half-width of sum(w y) / sum(w x) (per-household y and x), by linearisation."""
    w = numpy.asarray(weights, dtype=numpy.float64)
    y, x = numpy.asarray(numerator, dtype=numpy.float64), numpy.asarray(denominator, dtype=numpy.float64)
    total_x = float((w * x).sum())
    if total_x == 0:
        return 0.0
    ratio = float((w * y).sum()) / total_x
    return Z95 * math.sqrt(_variance(w * (y - ratio * x) / total_x))


JACKKNIFE_GROUPS = 30
JACKKNIFE_SEED = 0
T95_29 = 2.045229642132703   # Student's t, 97.5th percentile, 29 degrees of freedom (30 jackknife groups)


def jackknife_half_width(statistic, weights, groups=JACKKNIFE_GROUPS):
    """95 % half-width of ``statistic(weights)`` (household weights in, a number out) by the delete-a-group
    jackknife (Kott 2001): the households are split at random (a fixed seed) into ``groups`` groups; each
    replicate drops one group and scales the others by G / (G - 1); V = (G - 1) / G x sum (theta_g - theta)^2.
    For statistics that are not totals or ratios, such as the Gini index."""
    weights = numpy.asarray(weights, dtype=numpy.float64)
    if len(weights) < 2 * groups:
        return 0.0
    theta = float(statistic(weights))
    replicates = numpy.array([statistic(w) for w in replicate_weights(weights, groups)], dtype=numpy.float64)
    return jackknife_from_replicates(theta, replicates, groups)


def replicate_weights(weights, groups=JACKKNIFE_GROUPS):
    """The ``groups`` replicate weight vectors of the delete-a-group jackknife (a generator)."""
    weights = numpy.asarray(weights, dtype=numpy.float64)
    group = numpy.random.default_rng(JACKKNIFE_SEED).permutation(len(weights)) % groups
    for g in range(groups):
        yield numpy.where(group == g, 0.0, weights * groups / (groups - 1))


def jackknife_from_replicates(theta, replicates, groups=JACKKNIFE_GROUPS):
    """95 % half-width from the replicate estimates: t(G-1) x sqrt((G-1)/G x sum (theta_g - theta)^2)."""
    replicates = numpy.asarray(replicates, dtype=numpy.float64)
    variance = (groups - 1) / groups * float(((replicates - theta) ** 2).sum())
    quantile = T95_29 if groups == JACKKNIFE_GROUPS else Z95
    return quantile * math.sqrt(variance)


def rounded(value, half_width):
    """``value`` rounded to the step its interval supports (unchanged without an interval)."""
    step = step_of(half_width)
    if step is None:
        return value
    return round_to(value, step)


def interval(value, half_width, floor=None):
    """{estimate, low, high, half_width, step, estimate_rounded} of a 95 % interval. ``floor``: the lowest value the
    quantity can take (0 for a cost or a count), where the interval's low end is cut."""
    step = step_of(half_width)
    low = value - half_width if floor is None else max(value - half_width, floor)
    return {"estimate": value, "low": low, "high": value + half_width, "half_width": half_width,
            "step": step, "estimate_rounded": rounded(value, half_width)}


def text(entry, scale=1.0, unit=""):
    """'1,230 (95 % interval 1,100 to 1,360)' in ``scale`` units, rounded to the interval's step."""
    step = entry.get("step")
    digits = decimals(step, scale)

    def show(value):
        return f"{rounded(value, entry['half_width']) / scale:,.{digits}f}{unit}"
    if not step:
        return show(entry["estimate"])
    return f"{show(entry['estimate'])} (95 % interval {show(entry['low'])} to {show(entry['high'])})"


def household_sum(population, person_values):
    return numpy.bincount(population.person_household, weights=numpy.asarray(person_values, dtype=numpy.float64),
                          minlength=population.n_households)


SMALL_SAMPLE_PERSONS = 1_000


def small_sample_warning(population):
    """A warning (str) when the population holds fewer than 1,000 person records, else None."""
    if population.n_persons >= SMALL_SAMPLE_PERSONS:
        return None
    return (f"warning: only {population.n_persons:,} persons simulated (fewer than {SMALL_SAMPLE_PERSONS:,}); "
            "sample figures are very uncertain - use a larger --size")
