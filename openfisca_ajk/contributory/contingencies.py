"""Short-term contingencies of insured persons in a population run: sickness, work injury, confinement.

The population's inputs hold for every month of a run, so each contingency is drawn as the expected state
of a month: a share of the insured persons (``population.contingencies``) starts a case in the month; the
same persons are in that state every month of the run, which gives the expected yearly days and cost (the
count of distinct recipients over a year is a lower bound). Insured women on maternity leave in a month are
drawn among the pregnant ones (``is_pregnant``, nine months per birth) in the number that gives each birth
the design's maximum duration. Draws come from a random stream of their own, so no other draw changes.
Unemployment is not drawn: the population has no employment history telling job losers from others.
"""

import zlib

import numpy

from openfisca_ajk.enums import Sex
from openfisca_ajk.population.calibration import select_exact

PREGNANCY_MONTHS = 9      # months of pregnancy per birth, as the generator's ``is_pregnant``
STREAM = "contributory-contingencies"


def _rng(population, month):
    return numpy.random.default_rng([zlib.crc32(STREAM.encode()), int(population.year), month.start.month])


def contingency_inputs(tax_benefit_system, population, month, insured):
    """{input variable: per-person array} of the month's contingencies among ``insured`` persons."""
    parameters = tax_benefit_system.parameters(month.start)
    rates = parameters.population.contingencies
    design = parameters.ajk.social_security
    rng = _rng(population, month)
    n = population.n_persons
    count = int(insured.sum())
    sick = select_exact(insured, int(round(float(rates.sickness_monthly_incidence) * count)), rng)
    injured = select_exact(insured, int(round(float(rates.work_injury_monthly_incidence) * count)), rng)
    inputs = {
        "sickness_days": numpy.where(sick, int(rates.sickness_days_per_case), 0).astype(numpy.int32),
        "sickness_days_before": numpy.zeros(n, dtype=numpy.int32),
        "work_injury_incapacity_days": numpy.where(injured, int(rates.work_injury_days_per_case), 0).astype(numpy.int32),
        "work_injury_incapacity_days_before": numpy.zeros(n, dtype=numpy.int32),
    }
    pregnant = numpy.asarray(population.person.get("is_pregnant", numpy.zeros(n, dtype=bool)), dtype=bool)
    female = numpy.asarray(population.person.get("sex", numpy.zeros(n)), dtype=int) == Sex.female.index
    mothers = insured & pregnant & female
    days_per_month = float(design.calendar.days_per_month)
    # births a year among them = pregnant x 12 / 9; each is paid the maximum duration, a month's days at a time
    births = mothers.sum() * 12 / PREGNANCY_MONTHS
    on_leave = select_exact(mothers, int(round(births * float(design.maternity.maximum_days) / (12 * days_per_month))), rng)
    inputs["maternity_leave_days"] = numpy.where(on_leave, int(days_per_month), 0).astype(numpy.int32)
    inputs["maternity_leave_days_before"] = numpy.zeros(n, dtype=numpy.int32)
    return inputs
