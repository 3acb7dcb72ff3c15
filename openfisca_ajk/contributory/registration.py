"""Who pays into the contributory scheme in a population run: the registration path and the contribution density.

A new scheme does not collect from its whole scope at once. ``projection.actuarial.compliance`` gives the share
of the insured persons who are registered, from ``initial`` in the first year a branch is in force to ``final``
after ``ramp_years``, linearly; ``projection.actuarial.density`` the share of months in which a registered person's
contributions are paid. The actuarial valuation projects its insured stock on the same path and density; a
population run draws them person by person (``ss_contributions_paid``), so both tell the same story for a year.

Draws come from a random stream of their own (one uniform number per person for registration, one for payment),
fixed by the population's year, so the same population always gives the same payers and no other draw changes.
"""

import zlib

import numpy

STREAM = "contributory-registration"


def registration_path(compliance, steps):
    """Share registered ``steps`` whole years after the first year (0, 1, ...): ``compliance`` is the
    ``projection.actuarial.compliance`` node (``initial``, ``final``, ``ramp_years``)."""
    steps = numpy.asarray(steps, dtype=float)
    ramp = numpy.clip(steps / max(float(compliance.ramp_years), 1.0), 0.0, 1.0)
    return float(compliance.initial) + (float(compliance.final) - float(compliance.initial)) * ramp


def registration_by_year(tax_benefit_system, start_year, years):
    """Share of the insured persons registered in each of ``years`` for a scheme whose first year in force is
    ``start_year`` (the path read at 1 January of that year); 0 steps before it."""
    compliance = tax_benefit_system.parameters(f"{int(start_year)}-01-01").projection.actuarial.compliance
    steps = numpy.maximum(numpy.asarray(years, dtype=int) - int(start_year), 0)
    return numpy.asarray(registration_path(compliance, steps), dtype=float)


def registration_share(tax_benefit_system, start_year, year):
    """Share of the insured persons registered in ``year`` (``registration_by_year`` of one year)."""
    return float(registration_by_year(tax_benefit_system, start_year, [int(year)])[0])


def draws(population):
    """(registration draw, payment draw): two uniform numbers per person, from the stream of this module."""
    stream = numpy.random.default_rng(numpy.random.SeedSequence([zlib.crc32(STREAM.encode()), int(population.year)]))
    both = stream.random((2, population.n_persons))
    return both[0], both[1]


def registered_and_paying(population, registered_share, density):
    """(registered, paying) boolean arrays over persons: registered with probability ``registered_share``;
    among them, paying with probability ``density``."""
    registration, payment = draws(population)
    registered = registration < registered_share
    return registered, registered & (payment < density)
