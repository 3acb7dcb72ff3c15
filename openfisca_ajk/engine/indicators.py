"""Weighted distributional indicators, in float64 (methods.md section 4.2).

- FGT: P_alpha = sum w 1[y < z] ((z - y) / z)^alpha / sum w; alpha 0 is the
  indicator itself (not g**0, which would count the non-poor).
- Gini: 1 - 2 A_L, A_L the trapezoidal area under the weighted Lorenz curve
  ({1, 2, 3, 4} gives 0.25; equal incomes give 0).
- Quantile groups: weighted ranks cut into equal shares of the weight.
"""

import numpy


def fgt(welfare, line, weights, alpha):
    welfare = numpy.asarray(welfare, dtype=numpy.float64)
    weights = numpy.asarray(weights, dtype=numpy.float64)
    total = weights.sum()
    if total <= 0:
        return float("nan")
    poor = welfare < line
    if alpha == 0:
        return float(weights[poor].sum() / total)
    gap = (line - welfare[poor]) / line
    return float((weights[poor] * gap ** alpha).sum() / total)


def gini(values, weights):
    values = numpy.asarray(values, dtype=numpy.float64)
    weights = numpy.asarray(weights, dtype=numpy.float64)
    keep = weights > 0
    values, weights = values[keep], weights[keep]
    if values.size == 0 or values.sum() <= 0:
        return float("nan")
    order = numpy.argsort(values, kind="stable")
    values, weights = values[order], weights[order]
    population = numpy.concatenate([[0.0], numpy.cumsum(weights) / weights.sum()])
    income = numpy.concatenate([[0.0], numpy.cumsum(values * weights) / (values * weights).sum()])
    area = numpy.sum((population[1:] - population[:-1]) * (income[1:] + income[:-1]) / 2)
    return float(1 - 2 * area)


def quantile_groups(values, weights, groups):
    """Group index 0..groups-1 of each element by weighted rank of ``values`` (ties broken by position)."""
    values = numpy.asarray(values, dtype=numpy.float64)
    weights = numpy.asarray(weights, dtype=numpy.float64)
    order = numpy.argsort(values, kind="stable")
    cumulative = numpy.cumsum(weights[order])
    total = cumulative[-1] if cumulative.size else 0.0
    midpoint = (cumulative - weights[order] / 2) / max(total, 1e-300)
    result = numpy.empty(len(values), dtype=numpy.int64)
    result[order] = numpy.minimum((midpoint * groups).astype(numpy.int64), groups - 1)
    return result


def weighted_share(mask, weights, within=None):
    weights = numpy.asarray(weights, dtype=numpy.float64)
    base = weights if within is None else weights * within
    total = base.sum()
    return float((base * mask).sum() / total) if total > 0 else float("nan")
