"""The synthetic population: deterministic for a seed, calibrated to every target."""

import numpy
import pytest

from openfisca_ajk.population import calibration_report, generate_population, ipf, trs_integerise
from openfisca_ajk.population import programmes
from openfisca_ajk.population.calibration import select_exact
from openfisca_ajk.population.programmes import best_swap
from openfisca_ajk.population.data import ROLE_CODES, Population
from openfisca_ajk.population.calibration_check import format_calibration

YEAR = 2025


def arrays(population):
    return {**{f"p.{k}": v for k, v in population.person.items()},
            **{f"h.{k}": v for k, v in population.household.items()},
            "membership": population.person_household, "role": population.role}


def test_same_seed_gives_identical_population(tax_benefit_system):
    first = arrays(generate_population(tax_benefit_system, YEAR, seed=9, size=2000))
    second = arrays(generate_population(tax_benefit_system, YEAR, seed=9, size=2000))
    assert first.keys() == second.keys()
    assert all(numpy.array_equal(first[k], second[k]) for k in first)


def test_another_seed_gives_another_population(tax_benefit_system):
    first = generate_population(tax_benefit_system, YEAR, seed=9, size=2000)
    second = generate_population(tax_benefit_system, YEAR, seed=10, size=2000)
    assert not numpy.array_equal(first.person["monthly_wage"], second.person["monthly_wage"])


@pytest.mark.parametrize(("seed", "size"), [(5, 0.002), (6, 5000), (7, 0.004)])
def test_every_calibration_target_is_met(tax_benefit_system, seed, size):
    population = generate_population(tax_benefit_system, YEAR, seed=seed, size=size)
    rows = calibration_report(tax_benefit_system, population)
    assert len(rows) > 50
    failed = [row for row in rows if not row["ok"]]
    assert failed == [], format_calibration(failed)


def test_targets_grow_with_the_year(tax_benefit_system):
    rows = {r["target"]: r for r in calibration_report(
        tax_benefit_system, generate_population(tax_benefit_system, 2017, seed=1, size=0.002))}
    assert rows["persons, AJK"]["target_value"] == pytest.approx(4_045_366)
    later = {r["target"]: r for r in calibration_report(
        tax_benefit_system, generate_population(tax_benefit_system, 2025, seed=1, size=0.002))}
    assert later["persons, AJK"]["target_value"] == pytest.approx(4_045_366 * 1.0241 ** 8)


def test_a_drifting_target_is_reported(tax_benefit_system, small_population):
    drifted = Population(person=dict(small_population.person), household=dict(small_population.household),
                         person_household=small_population.person_household, role=small_population.role, year=YEAR)
    drifted.person["has_disability"] = numpy.zeros(drifted.n_persons, dtype=bool)
    rows = {r["target"]: r for r in calibration_report(tax_benefit_system, drifted)}
    assert rows["disability prevalence"]["ok"] is False


def test_households_are_well_formed(small_population):
    population = small_population.check()
    heads = numpy.bincount(population.person_household[population.role == ROLE_CODES["head"]],
                           minlength=population.n_households)
    assert numpy.all(heads == 1)
    spouse = population.role == ROLE_CODES["spouse"]
    assert numpy.all(population.person["marital_status"][spouse] == 1)
    assert numpy.all(population.person["age"] >= 0) and numpy.all(population.person["age"] <= 120)
    assert not numpy.any(population.person["has_cnic"] & (population.person["age"] < 18))


def test_birthdays_are_spread_and_age_is_the_age_on_1_january(tax_benefit_system, small_population):
    from openfisca_ajk.tools.dates import civil_from_days, completed_years
    from openfisca_core import periods
    births = small_population.person["date_of_birth"]
    ages = completed_years(births, periods.period("2025-01").start)
    assert numpy.array_equal(ages, small_population.person["age"])
    _, months, _ = civil_from_days(births.astype("datetime64[D]").astype(numpy.int64))
    assert set(months.tolist()) == set(range(1, 13))
    december = completed_years(births, periods.period("2025-12").start)
    assert 0.8 < float(numpy.mean(december - ages)) < 0.95   # birthdays from January to November passed


def test_births_on_1_january_keep_ages_constant(tax_benefit_system):
    from openfisca_ajk.tools.dates import completed_years
    from openfisca_core import periods
    population = generate_population(tax_benefit_system, YEAR, seed=5, size=2000, birth_dates="january")
    for month in ("2025-01", "2025-07", "2025-12"):
        ages = completed_years(population.person["date_of_birth"], periods.period(month).start)
        assert numpy.array_equal(ages, population.person["age"])


def test_ipf_matches_margins_and_trs_keeps_the_total():
    rng = numpy.random.default_rng(0)
    seed = rng.random((3, 4)) + 0.1
    rows, columns = numpy.array([10.0, 20.0, 30.0]), numpy.array([15.0, 15.0, 20.0, 10.0])
    table, _ = ipf(seed, [((0,), rows), ((1,), columns)])
    assert numpy.allclose(table.sum(axis=1), rows) and numpy.allclose(table.sum(axis=0), columns)
    integers = trs_integerise(table, rng)
    assert integers.sum() == 60 and numpy.all(numpy.abs(integers - table) < 1)


def test_select_exact_draws_exactly_k():
    rng = numpy.random.default_rng(1)
    candidates = numpy.arange(100) % 3 == 0
    chosen = select_exact(candidates, 10, rng, propensity=numpy.arange(100) + 1.0)
    assert chosen.sum() == 10 and not numpy.any(chosen & ~candidates)


def test_population_round_trips_through_npz(tmp_path, small_population):
    path = small_population.save_npz(tmp_path / "population.npz")
    back = Population.load_npz(path)
    assert all(numpy.array_equal(a, b) for a, b in zip(arrays(small_population).values(), arrays(back).values()))
    assert [p.name for p in tmp_path.iterdir()] == ["population.npz"]


def brute_force_swap(total, inside, outside, target):
    """The whole inside x outside table of gaps (the reference ``best_swap`` must agree with)."""
    gaps = numpy.abs(total - inside[:, None] + outside[None, :] - target)
    best = numpy.unravel_index(int(numpy.argmin(gaps)), gaps.shape)
    return (int(best[0]), int(best[1])) if gaps[best] < abs(total - target) else None


@pytest.mark.parametrize("kind", ["spread", "ties", "large_values"])
def test_best_swap_agrees_with_the_whole_table(kind):
    rng = numpy.random.default_rng(11)
    for _ in range(400):
        n, m = (int(x) for x in rng.integers(1, 30, size=2))
        if kind == "spread":
            inside, outside = rng.random(n) * 100, rng.random(m) * 100
        elif kind == "ties":
            inside, outside = rng.integers(0, 4, n).astype(float), rng.integers(0, 4, m).astype(float)
        else:
            inside, outside = rng.integers(0, 4, n) * 0.1 + 1e6, rng.integers(0, 4, m) * 0.1 + 1e6
        total = float(inside.sum())
        target = total + float(rng.normal() * 3)
        assert best_swap(total, inside, outside, target) == brute_force_swap(total, inside, outside, target)


def test_the_population_is_the_one_the_whole_table_gave(tax_benefit_system, monkeypatch):
    """Generation without the inside x outside table draws the same population as with it, array for array."""
    fast = arrays(generate_population(tax_benefit_system, YEAR, seed=3, size=0.004))
    monkeypatch.setattr(programmes, "best_swap", brute_force_swap)
    reference = arrays(generate_population(tax_benefit_system, YEAR, seed=3, size=0.004))
    assert fast.keys() == reference.keys()
    for name in reference:
        assert numpy.array_equal(fast[name], reference[name]), name
