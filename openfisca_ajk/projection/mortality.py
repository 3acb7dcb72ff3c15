"""Death probabilities by sex and single age from the WPP 2024 death rates (``projection.mortality``).

Each dated value is the central death rate of a five-year period, read as the rate at the middle of
the period (start + 2.5 years); rates are interpolated log-linearly between midpoints, held constant
within an age group, and turned into probabilities with a constant force: q = 1 - exp(-m).
"""

import numpy

from openfisca_ajk.projection.assumptions import dated_points

MAX_AGE = 100
SEXES = ("female", "male")          # index = code of the Sex enum (transgender persons use the male table)
PERIOD_MIDPOINT = 2.5


def group_start(name: str) -> int:
    """``age_005`` -> 5; ``age_100_plus`` -> 100."""
    return int(name.split("_")[1])


def death_rates(tax_benefit_system, sex, years):
    """Array [len(years), MAX_AGE + 1] of central death rates for ``sex`` ('female' or 'male')."""
    node = tax_benefit_system.parameters.projection.mortality.children[sex]
    groups = sorted((group_start(name), child) for name, child in node.children.items())
    years = numpy.asarray(years, dtype=float)
    rates = numpy.zeros((len(years), MAX_AGE + 1))
    starts = [start for start, _ in groups] + [MAX_AGE + 1]
    for (start, parameter), stop in zip(groups, starts[1:]):
        points = dated_points(parameter)
        xs = numpy.array([p[0] + PERIOD_MIDPOINT for p in points])
        logs = numpy.log(numpy.array([p[1] for p in points]))
        rates[:, start:stop] = numpy.exp(numpy.interp(years, xs, logs))[:, None]
    return rates


def death_probabilities(tax_benefit_system, years, multiplier=1.0):
    """Array [len(years), 2, MAX_AGE + 1] of one-year death probabilities (sex axis: female, male)."""
    result = numpy.stack([1 - numpy.exp(-death_rates(tax_benefit_system, sex, years) * multiplier) for sex in SEXES], axis=1)
    return numpy.clip(result, 0.0, 1.0)
