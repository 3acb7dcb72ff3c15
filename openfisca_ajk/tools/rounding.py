"""Rounding a figure to what its 95 % interval supports: the step of a half-width, the decimals a step leaves,
and the "6,500 +- 400" form every report prints."""

import math


def step_of(half_width):
    """The rounding step a half-width supports: 10 ** floor(log10(half-width)) (1 when it is 0)."""
    if not half_width or not math.isfinite(half_width) or half_width <= 0:
        return None
    return 10.0 ** math.floor(math.log10(half_width))


def round_to(value, step):
    """``value`` rounded to a multiple of ``step``."""
    return round(value / step) * step


def decimals(step, scale=1.0, most=None):
    """Decimals a rounding ``step`` supports in ``scale`` units, at most ``most`` (without a step: ``most``, or 0)."""
    if not step:
        return 0 if most is None else most
    shown = max(0, -int(math.floor(math.log10(step / scale) + 1e-9)))   # 1e-9: 0.001 / 0.01 is 0.0999...
    return shown if most is None else min(most, shown)


def plus_minus(value, step, half_width, scale=1.0, unit=""):
    """'6,500 +- 400': a value and its 95 % half-width rounded to ``step``, in ``scale`` units."""
    digits = decimals(step, scale)
    return f"{round_to(value, step) / scale:,.{digits}f} +- {round_to(half_width, step) / scale:,.{digits}f}{unit}"
