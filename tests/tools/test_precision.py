"""95 % intervals of weighted totals and ratios over households, checked by hand."""

import math

import pytest

from openfisca_ajk.precision import Z95, interval, ratio_half_width, rounded, text, total_half_width


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
