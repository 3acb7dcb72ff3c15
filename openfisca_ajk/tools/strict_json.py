"""Strict JSON: a NaN or an infinity is refused with the place it was found, never written.

``json.dumps`` writes ``NaN`` and ``Infinity`` by default, which no JSON parser
accepts; ``dumps`` here refuses them (``allow_nan=False``) and says where the
value is (``schemes[3].annual_cost_pkr``), so a bad figure never reaches a file.
"""

import json
import math


class NonFiniteValueError(ValueError):
    """A value to write as JSON is NaN or infinite; the message gives its place."""


def _apply_default(value, default):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (dict, list, tuple)):
        return value
    return default(value) if default is not None else value


def find_non_finite(data, default=None, place="") -> str:
    """The place of the first NaN or infinite number in ``data`` (after ``default``), or None."""
    data = _apply_default(data, default)
    if isinstance(data, float) and not math.isfinite(data):
        return place or "the value"
    if isinstance(data, dict):
        for key, value in data.items():
            found = find_non_finite(value, default, f"{place}.{key}" if place else str(key))
            if found:
                return found
    elif isinstance(data, (list, tuple)):
        for index, value in enumerate(data):
            found = find_non_finite(value, default, f"{place}[{index}]")
            if found:
                return found
    return None


def dumps(data, *, what="the output", default=None, **options) -> str:
    """``json.dumps`` with ``allow_nan=False``; a non-finite number raises ``NonFiniteValueError`` naming its place."""
    try:
        return json.dumps(data, allow_nan=False, default=default, **options)
    except ValueError as error:
        place = find_non_finite(data, default)
        if place is None:
            raise
        raise NonFiniteValueError(f"{what}: {place} is not a finite number (NaN or infinite); "
                                  "refusing to write invalid JSON") from error


def undefined_as_null(data, default=None):
    """``data`` with every NaN written as ``null``: for series where NaN means "not defined this year" by
    design (an average over nobody). An infinity is kept, so ``dumps`` still refuses it."""
    data = _apply_default(data, default)
    if isinstance(data, float) and math.isnan(data):
        return None
    if isinstance(data, dict):
        return {key: undefined_as_null(value, default) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [undefined_as_null(value, default) for value in data]
    return data
