"""Checked command-line values: each refuses a bad value with a message naming the option, before any work.

Used as argparse ``type=`` functions: argparse prints ``argument --size: must be a
finite number, got 'inf'`` and exits with status 2. Messages do not repeat the option.
"""

import argparse
import math

from openfisca_ajk.default_size import DEFAULT_SIZE, SIZE_HELP  # noqa: F401  (re-exported for the commands)


def _number(text, option):
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise argparse.ArgumentTypeError(f"must be a number, got '{text}'") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be a finite number, got '{text}'")
    return value


def population_size(text) -> float:
    """``--size``: a scale factor in (0, 1] or a whole number of persons above 1 (the generator bounds it by the
    population of the year, before allocating anything)."""
    value = _number(text, "--size")
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive, got {text}")
    if value > 1 and value != int(value):
        raise argparse.ArgumentTypeError(f"above 1 is a number of persons and must be whole, got {text}")
    return value


def positive_integer(option):
    """A type function for an option that takes a whole number of at least 1."""
    def parse(text):
        try:
            value = int(text)
        except (TypeError, ValueError):
            raise argparse.ArgumentTypeError(f"must be a whole number, got '{text}'") from None
        if value < 1:
            raise argparse.ArgumentTypeError(f"must be at least 1, got {text}")
        return value
    parse.__name__ = option.strip("-").replace("-", "_")
    return parse


def seed(text) -> int:
    """``--seed``: a whole number, 0 or more (numpy's seed sequences take no negative number)."""
    try:
        value = int(text)
    except (TypeError, ValueError):
        raise argparse.ArgumentTypeError(f"must be a whole number, got '{text}'") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {text}")
    return value


def year(text) -> int:
    """A year as a whole number (its range is checked against the parameters once they are loaded)."""
    try:
        return int(text)
    except (TypeError, ValueError):
        raise argparse.ArgumentTypeError(f"must be a whole number such as 2025, got '{text}'") from None
