"""Reusing the previous month for unchanged households gives exactly every month computed in full."""

import numpy
import pytest
from openfisca_core import periods

from openfisca_ajk.engine import run_population
from openfisca_ajk.engine.months import months_of
from openfisca_ajk.engine.reuse import month_sensitive, plan_with_reuse, take_households
from openfisca_ajk.engine.run import scheme_variables
from openfisca_ajk.population import generate_population
from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.tools.dates import completed_years, completed_years_between, completed_years_direct, months_between


def assert_same_results(reused, full):
    for name, result in reused.schemes.items():
        other = full.schemes[name]
        assert numpy.array_equal(result.amount, other.amount), name
        assert numpy.array_equal(result.months_received, other.months_received), name
        assert numpy.array_equal(result.entitled_amount, other.entitled_amount), name
        assert numpy.array_equal(result.months_entitled, other.months_entitled), name
    assert numpy.array_equal(reused.contributions, full.contributions)
    assert numpy.array_equal(reused.contributing, full.contributing)


# 2025: the Kafaalat instalment changes inside the year; 2023: other parameter changes (July budget).
@pytest.mark.parametrize("year, seed", [(2025, 3), (2025, 11), (2023, 7), (2026, 2)])
def test_reused_year_equals_every_month_computed(tax_benefit_system, year, seed):
    population = generate_population(tax_benefit_system, year, seed=seed, size=0.002)
    reused = run_population(tax_benefit_system, population, year, chunk_households=211)
    full = run_population(tax_benefit_system, population, year, merge_months=False)
    assert reused.timings["reused_household_months"] > 0, "reuse must be exercised"
    assert reused.timings["recomputed_household_months"] > 0, "some households must change"
    assert_same_results(reused, full)


def test_a_parameter_change_inside_the_year_stops_reuse(tax_benefit_system):
    population = generate_population(tax_benefit_system, 2025, seed=3, size=0.002)
    variables = scheme_variables(tax_benefit_system, load_schemes())
    plan, _, steps = plan_with_reuse(tax_benefit_system, population, months_of(2025), variables)
    assert steps[0] is None
    assert any(step is None for step in steps[1:]), "a month whose parameters differ is computed in full"
    assert any(step is not None for step in steps[1:])
    for (month, _), step in zip(plan, steps):
        if step is not None:
            assert step.month == month and step.cut
            assert all(name != "age" and name != "date_of_birth" for name, _ in step.cut)


def test_a_birthday_that_crosses_a_threshold_is_recomputed(tax_benefit_system):
    """A person reaching a pensionable or benefit age in the middle of the year: the reused run follows it."""
    population = generate_population(tax_benefit_system, 2026, seed=4, size=0.002)
    births = population.person["date_of_birth"].copy()
    births[: len(births) // 3] = numpy.datetime64("1961-06-15")       # 65 in June 2026
    births[len(births) // 3: len(births) // 2] = numpy.datetime64("2024-05-10")   # 24 months in May 2026
    population.person["date_of_birth"] = births
    reused = run_population(tax_benefit_system, population, 2026)
    full = run_population(tax_benefit_system, population, 2026, merge_months=False)
    assert_same_results(reused, full)


def test_take_households_keeps_the_chosen_households(tax_benefit_system, small_population):
    mask = numpy.zeros(small_population.n_households, dtype=bool)
    mask[[0, 3, small_population.n_households - 1]] = True
    subset = take_households(small_population, mask).check()
    starts = small_population.household_starts()
    persons = numpy.concatenate([numpy.arange(starts[i], starts[i + 1]) for i in numpy.flatnonzero(mask)])
    assert subset.n_households == 3 and subset.n_persons == len(persons)
    assert numpy.array_equal(subset.person["date_of_birth"], small_population.person["date_of_birth"][persons])
    assert numpy.array_equal(subset.household["household_id"], small_population.household["household_id"][mask])


def test_month_sensitive_formulas_are_found():
    def reads_parameters(person, period, parameters):
        return person("age", period.last_month) * parameters(period.stop).x

    def uses_the_calendar(person, period, parameters):
        return person("age", period) * (period.start.month > 1)

    assert not month_sensitive(reads_parameters)
    assert month_sensitive(uses_the_calendar)


def test_date_helpers_equal_direct_calendar_arithmetic():
    rng = numpy.random.default_rng(0)
    births = (numpy.datetime64("1920-01-01") + rng.integers(0, 40_000, 200_000)).astype("datetime64[D]")
    ends = (numpy.datetime64("1980-01-01") + rng.integers(0, 30_000, 200_000)).astype("datetime64[D]")
    ends[rng.random(len(ends)) < 0.5] = numpy.datetime64("2999-12-31")      # "no event" sentinel
    for day in ("2026-03-01", "2024-02-29", "2025-12-31", "1950-07-15"):
        instant = periods.instant(day)
        assert numpy.array_equal(completed_years(births, instant), completed_years_direct(births, instant))
        assert numpy.array_equal(completed_years(births[:3], instant), completed_years_direct(births[:3], instant))
        years, months, days = (numpy.asarray(x) for x in _split(births))
        expected = ((instant.year - years) * 12 + instant.month - months - (days > instant.day)).astype(numpy.int32)
        assert numpy.array_equal(months_between(births, instant), expected)
    for start, end in ((births, ends), (ends, births)):
        sy, sm, sd = _split(start)
        ey, em, ed = _split(end)
        expected = (ey - sy - ((sm > em) | ((sm == em) & (sd > ed)))).astype(numpy.int32)
        assert numpy.array_equal(completed_years_between(start, end), expected)


def _split(dates):
    as_text = numpy.datetime_as_string(dates)
    return (numpy.array([int(t[:4]) for t in as_text]), numpy.array([int(t[5:7]) for t in as_text]),
            numpy.array([int(t[8:10]) for t in as_text]))
