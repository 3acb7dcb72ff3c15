"""Calibration tools: iterative proportional fitting, integerisation and exact quota draws.

- ``ipf`` rescales an N-dimensional table until each given margin matches its
  target (Deming-Stephan raking); zero cells stay zero.
- ``trs_integerise`` turns a table of expected counts into integers with the
  same grand total: floor each cell, then give the missing units to cells drawn
  with probability proportional to their fractional parts (truncate-replicate-sample).
- ``select_exact`` draws exactly ``k`` items without replacement with
  probability tilted by a propensity (Efraimidis-Spirakis keys), so a simulated
  rate hits its target exactly instead of only in expectation.
"""

import numpy


def ipf(seed, margins, tolerance=1e-10, max_iterations=1000):
    """Fit ``seed`` to ``margins`` = [(axes, target)], target shaped like the seed over ``axes``.

    Returns (table, iterations). Raises ``ValueError`` if it does not converge.
    """
    table = numpy.asarray(seed, dtype=numpy.float64).copy()
    for iteration in range(1, max_iterations + 1):
        worst = 0.0
        for axes, target in margins:
            axes = tuple(axes)
            other = tuple(a for a in range(table.ndim) if a not in axes)
            current = table.sum(axis=other)
            target = numpy.asarray(target, dtype=numpy.float64)
            ratio = numpy.divide(target, current, out=numpy.zeros_like(current), where=current > 0)
            shape = [table.shape[a] if a in axes else 1 for a in range(table.ndim)]
            table *= ratio.reshape(shape)
            scale = max(float(numpy.abs(target).max()), 1.0)
            worst = max(worst, float(numpy.abs(current - target).max()) / scale)
        if worst < tolerance:
            return table, iteration
    raise ValueError(f"IPF did not converge in {max_iterations} iterations (largest relative gap {worst:.2e})")


def trs_integerise(table, rng):
    """Integer table with the (rounded) same total; each cell equal to the input in expectation."""
    flat = numpy.asarray(table, dtype=numpy.float64).ravel()
    base = numpy.floor(flat)
    remainder = flat - base
    missing = int(round(flat.sum() - base.sum()))
    result = base.astype(numpy.int64)
    if missing > 0:
        extra = rng.choice(flat.size, size=missing, replace=False, p=remainder / remainder.sum())
        result[extra] += 1
    return result.reshape(numpy.shape(table))


def largest_remainder(shares, total):
    """Split the integer ``total`` in proportion to ``shares`` (Hamilton's method, deterministic)."""
    shares = numpy.asarray(shares, dtype=numpy.float64)
    if total <= 0 or shares.sum() <= 0:
        return numpy.zeros(len(shares), dtype=numpy.int64)
    exact = shares / shares.sum() * total
    counts = numpy.floor(exact).astype(numpy.int64)
    order = numpy.argsort(-(exact - counts), kind="stable")
    counts[order[: total - counts.sum()]] += 1
    return counts


def select_exact(candidates, k, rng, propensity=None):
    """Boolean mask over ``candidates`` (a bool mask) with exactly ``min(k, n)`` chosen items.

    With a ``propensity`` (positive weights) an item is more likely to be chosen the
    higher its weight (weighted sampling without replacement).
    """
    chosen = numpy.zeros(len(candidates), dtype=bool)
    index = numpy.flatnonzero(candidates)
    k = int(min(max(k, 0), len(index)))
    if k == 0:
        return chosen
    keys = rng.random(len(index))
    if propensity is not None:
        weights = numpy.asarray(propensity, dtype=numpy.float64)[index]
        keys = numpy.log(numpy.maximum(keys, 1e-300)) / numpy.maximum(weights, 1e-12)
    best = numpy.argpartition(-keys, k - 1)[:k]
    chosen[index[best]] = True
    return chosen


def allocate_categories(candidates, counts, rng, propensities=None):
    """Give each candidate one category code so that category ``c`` gets ``counts[c]`` items.

    Returns an int array (-1 where not a candidate or beyond the counts). Categories
    are filled in turn; ``propensities[c]`` (optional) tilts who gets category ``c``.
    """
    result = numpy.full(len(candidates), -1, dtype=numpy.int64)
    free = numpy.asarray(candidates, dtype=bool).copy()
    for code, count in enumerate(counts):
        propensity = None if propensities is None else propensities[code]
        chosen = select_exact(free, count, rng, propensity)
        result[chosen] = code
        free &= ~chosen
    return result
