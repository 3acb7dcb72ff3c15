"""Contribution months accumulated from the start of the draft contributory scheme.

From the first day a branch of the scheme is in force (its start), a registered insured person is credited
with ``projection.actuarial.density`` of the months that have passed (the density of contributions, the share of
months in which a registered person pays), plus ``ajk.social_security.transition.months_credited_at_start``
for employment before the start (0 unless the draft says so). Everybody registered in the month is taken to
have been registered since the start: the population has no employment history.

Registration and payment follow the actuarial valuation's assumptions (``contributory.registration``): a share
``projection.actuarial.compliance`` of the insured persons, rising from the first year, is registered; an
unregistered insured person pays nothing and has no record (the law still covers them where a benefit needs no
contribution, as employment injury); a registered person pays in a month with probability ``density``
(``ss_contributions_paid``), so the contributions collected are those the valuation counts.

A population's inputs hold for every month of a run, so the record of a run is the one of its middle month
(July for a year, the month itself for a month): months accrued in the first half of a year are credited
early, those of the second half late. The notes of the run say so.
"""

from dataclasses import dataclass

import numpy
from openfisca_core import periods

from openfisca_ajk.contributory.contingencies import contingency_inputs
from openfisca_ajk.contributory.registration import registered_and_paying, registration_share
from openfisca_ajk.engine.months import months_of
from openfisca_ajk.engine.run import run_population
from openfisca_ajk.population.data import Population
from openfisca_ajk.tools.dates import MONTHS_PER_YEAR

RECORD = "ss_contribution_months"
PAID = "ss_contributions_paid"
BRANCHES = ("medical_care", "sickness", "unemployment", "old_age", "employment_injury", "family", "maternity",
            "invalidity", "survivors")


@dataclass(frozen=True)
class RecordSpec:
    start: str              # first day a branch is in force (ISO date)
    month: str              # the month whose record the run uses
    months_elapsed: int     # whole months from the start to that month
    density: float
    credited_at_start: int
    months: int             # months credited to a registered insured person in that month
    registered_share: float = 1.0   # share of the insured persons registered (projection.actuarial.compliance)

    @property
    def years_after_start(self) -> float:
        return self.months_elapsed / MONTHS_PER_YEAR

    def note(self) -> str:
        return (f"Contributory scheme {years_after_start_label(self)} (started {self.start}): "
                f"{self.registered_share:.0%} of the insured persons are registered (projection.actuarial.compliance, "
                f"the valuation's path) and pay in {self.density:.0%} of months (projection.actuarial.density); each "
                f"registered person is credited with {self.months} months of contribution in {self.month} "
                f"({self.months_elapsed} months since the start x density {self.density:g} + {self.credited_at_start} "
                "credited at the start (ajk.social_security.transition.months_credited_at_start)); unregistered insured "
                "persons pay nothing and have no record. The record of the period's middle month stands for every "
                "month of the run.")


def years_after_start_label(spec) -> str:
    years = spec.months_elapsed / MONTHS_PER_YEAR
    if spec.months_elapsed <= 0:
        return "in its first month"
    return f"{years:.1f} years after its start".replace(".0 years", " years").replace("1 years", "1 year")


def scheme_start(tax_benefit_system):
    """The first date (ISO string) on which a branch of the contributory scheme is in force; None if never."""
    node = tax_benefit_system.parameters.ajk.social_security
    starts = []
    for branch in BRANCHES:
        child = node.children.get(branch)
        if child is None or "in_force" not in child.children:
            continue
        starts += [item.instant_str for item in child.children["in_force"].values_list if item.value]
    return min(starts) if starts else None


def _months_between(start: str, month) -> int:
    """Whole months from ``start`` (a date) to the first day of ``month``; a start after the 1st counts from the next month."""
    year, number, day = (int(part) for part in start.split("-"))
    elapsed = (month.start.year - year) * MONTHS_PER_YEAR + (month.start.month - number) - (day > 1)
    return max(elapsed, 0)


def reference_month(period):
    months = months_of(period)
    return months[len(months) // 2]


def record_spec(tax_benefit_system, period):
    """The ``RecordSpec`` of a run of ``period``; None when the scheme is not in force in its reference month."""
    start = scheme_start(tax_benefit_system)
    month = reference_month(period)
    if start is None or str(month.stop) < start:
        return None
    parameters = tax_benefit_system.parameters(month.start)
    elapsed = _months_between(start, month)
    density = float(parameters.projection.actuarial.density)
    at_start = int(parameters.ajk.social_security.transition.months_credited_at_start)
    registered = registration_share(tax_benefit_system, int(start[:4]), month.start.year)
    return RecordSpec(start=start, month=str(month), months_elapsed=elapsed, density=density,
                      credited_at_start=at_start, months=at_start + int(numpy.floor(density * elapsed)),
                      registered_share=registered)


def insured_persons(tax_benefit_system, population, month):
    """``ss_insured`` in ``month`` for every person (an engine run of that month)."""
    run = run_population(tax_benefit_system, population, str(periods.period(month)), schemes=(), extras=("ss_insured",))
    return run.extras["ss_insured"] > 0


def without_record(population):
    """A shallow copy of ``population`` without ``ss_contribution_months`` and ``ss_contributions_paid`` (e.g. the
    record credited at maturity)."""
    if RECORD not in population.person and PAID not in population.person:
        return population
    person = {name: array for name, array in population.person.items() if name not in (RECORD, PAID)}
    return Population(person=person, household=population.household, person_household=population.person_household,
                      role=population.role, year=population.year, source=population.source, notes=population.notes)


def with_contribution_record(tax_benefit_system, population, period):
    """(population, spec): ``population`` with the contribution record, the payment of contributions
    (``ss_contributions_paid``) and the contingencies of the scheme's insured persons for a run of ``period``,
    or (``population``, None) when the scheme is not in force then or the population already has a record
    (microdata, the compliance checks at maturity)."""
    if RECORD in population.person:
        return population, None
    spec = record_spec(tax_benefit_system, period)
    if spec is None:
        return population, None
    month = periods.period(spec.month)
    insured = insured_persons(tax_benefit_system, population, month)
    registered, paying = registered_and_paying(population, spec.registered_share, spec.density)
    person = dict(population.person)
    person[RECORD] = numpy.where(insured & registered, spec.months, 0).astype(numpy.int32)
    person[PAID] = paying
    person.update(contingency_inputs(tax_benefit_system, population, month, insured))
    notes = dict(population.notes)
    notes["contribution_record"] = spec.note()
    return Population(person=person, household=population.household, person_household=population.person_household,
                      role=population.role, year=population.year, source=population.source, notes=notes), spec
