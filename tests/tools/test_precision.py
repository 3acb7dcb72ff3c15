"""95 % intervals of weighted totals and ratios over households, checked by hand."""

import math

import pytest

from openfisca_ajk.precision import Z95, interval, ratio_half_width, rounded, text, total_half_width
from openfisca_ajk.tools.rounding import decimals, plus_minus


def test_total_half_width_by_hand():
    # z = w y = 10, 20, 30 ; mean 20 ; sum of squares 200 ; n/(n-1) = 1.5 -> V = 300
    assert total_half_width([1, 2, 3], [10, 10, 10]) == pytest.approx(Z95 * math.sqrt(300))


def test_ratio_half_width_by_hand():
    # R = (1 + 0 + 1) / (2 + 2 + 2) = 1/3 ; z = w (y - R x) / X = (1/3, -2/3, 1/3) / 6 x 1
    z = [(1 - 2 / 3) / 6, (0 - 2 / 3) / 6, (1 - 2 / 3) / 6]
    variance = 1.5 * sum(v * v for v in z)   # mean of z is 0
    assert ratio_half_width([1, 0, 1], [2, 2, 2], [1, 1, 1]) == pytest.approx(Z95 * math.sqrt(variance))


def test_rounding_follows_the_interval():
    assert rounded(144_939_951, 3_400_000) == 145_000_000
    assert rounded(25.2734, 0.98) == pytest.approx(25.3)
    assert text(interval(144_939_951, 3_400_000), 1e6) == "145 (95 % interval 142 to 148)"
    assert text(interval(12.0, 0.0)) == "12"   # no sampling error: the figure as it is


def test_a_count_s_interval_stops_at_zero():
    entry = interval(90.0, 100.0, floor=0.0)
    assert entry["low"] == 0.0 and entry["high"] == 190.0
    assert interval(-5.0, 10.0)["low"] == -15.0     # a change may be negative


def test_jackknife_of_a_total_by_hand():
    import numpy
    from openfisca_ajk.precision import JACKKNIFE_GROUPS, T95_29, jackknife_half_width, replicate_weights
    # 60 households of weight 1 with y = 1 in the first 30: the total is 30. Each replicate drops one group of two
    # households and scales the other 58 by 30/29, so each replicate total is (30 - k) x 30 / 29 where k (0, 1 or 2)
    # is the number of dropped households with y = 1.
    y = numpy.array([1.0] * 30 + [0.0] * 30)
    weights = numpy.ones(60)
    replicates = [float((w * y).sum()) for w in replicate_weights(weights)]
    dropped = numpy.random.default_rng(0).permutation(60) % JACKKNIFE_GROUPS
    expected = [(30 - float(y[dropped == g].sum())) * 30 / 29 for g in range(JACKKNIFE_GROUPS)]
    assert replicates == pytest.approx(expected)
    variance = 29 / 30 * sum((r - 30) ** 2 for r in expected)
    assert jackknife_half_width(lambda w: float((w * y).sum()), weights) == pytest.approx(T95_29 * math.sqrt(variance))
    assert jackknife_half_width(lambda w: 7.0, weights) == 0.0          # a statistic the sample does not move


def test_jackknife_agrees_with_linearisation_for_a_ratio():
    import numpy
    from openfisca_ajk.precision import jackknife_half_width
    rng = numpy.random.default_rng(4)
    x = rng.integers(1, 7, 3000).astype(float)          # persons per household
    y = rng.binomial(x.astype(int), 0.3).astype(float)  # poor persons
    w = numpy.full(3000, 50.0)
    analytic = ratio_half_width(y, x, w)
    jackknife = jackknife_half_width(lambda weights: float((weights * y).sum() / (weights * x).sum()), w)
    assert jackknife == pytest.approx(analytic, rel=0.35)     # 30 groups: the jackknife's own error is about 13 %


def test_decimals_and_plus_minus_follow_the_step():
    assert decimals(0.001, 0.01) == 1          # a rate's step of 0.1 percentage point, despite 0.001 / 0.01 = 0.0999...
    assert decimals(1e8, 1e9) == 1 and decimals(1e6, 1e6) == 0 and decimals(1000) == 0
    assert decimals(0.01, most=1) == 1 and decimals(None, most=2) == 2
    assert plus_minus(6512.0, 100.0, 412.0) == "6,500 +- 400"
    assert plus_minus(0.0952, 0.001, 0.0041, 0.01, " %") == "9.5 +- 0.4 %"
