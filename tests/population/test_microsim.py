"""The array-built population run equals households computed one by one, chunking and month merging change nothing."""

import numpy
import pytest
from openfisca_core import periods
from openfisca_core.simulations import SimulationBuilder

from openfisca_ajk.engine import build_report, fgt, gini, run_population
from openfisca_ajk.engine.take_up import apply_take_up, take_up_rate, takes_up, with_take_up_draws
from openfisca_ajk.population import generate_population
from openfisca_ajk.population.data import ROLE_KEYS
from openfisca_ajk.population.simulation import build_simulation, input_columns
from openfisca_ajk.scheme_registry import load_schemes

MONTH = "2025-03"
PLURAL = {"head": "heads", "spouse": "spouses", "child": "children", "other": "others"}


def situation_of(tax_benefit_system, population, index, month):
    """The household ``index`` as a situation dict for ``build_from_entities``."""
    starts = population.household_starts()
    members = range(int(starts[index]), int(starts[index + 1]))
    persons, household = {}, {role: [] for role in PLURAL.values()}
    for entity, variable, array in input_columns(tax_benefit_system, population):
        rows = members if entity == "person" else [index]
        for row in rows:
            value = array[row]
            if getattr(variable, "possible_values", None) is not None:
                value = variable.possible_values._member_names_[int(value)]
            elif variable.value_type.__name__ == "date":
                value = str(value)
            else:
                value = value.item()
            if variable.definition_period == "eternity":
                key = "ETERNITY"
            elif variable.definition_period == "year":
                key = month[:4]
            else:
                key = month
            target = persons.setdefault(f"p{row}", {}) if entity == "person" else household
            target[variable.name] = {key: value}
    for row in members:
        persons.setdefault(f"p{row}", {})
        household[PLURAL[ROLE_KEYS[population.role[row]]]].append(f"p{row}")
    return {"persons": persons, "households": {"h": household}}


def test_population_results_equal_households_computed_one_by_one(tax_benefit_system, small_population):
    population = with_take_up_draws(tax_benefit_system, small_population)
    simulation = build_simulation(tax_benefit_system, population, [MONTH])
    schemes = load_schemes()
    month = periods.period(MONTH)
    masks = {s.name: takes_up(population, s, take_up_rate(tax_benefit_system, s.name, month)) for s in schemes}
    results = {s.name: apply_take_up(simulation.calculate(s.output, MONTH), masks[s.name]) for s in schemes}
    assert any(mask is not None for mask in masks.values()), "take-up must be exercised"
    positive = set()
    for scheme in schemes:
        values = results[scheme.name]
        where = numpy.flatnonzero(values > 0)
        index = where if scheme.entity == "household" else population.person_household[where]
        positive.update(int(i) for i in index[:2])
    sample = sorted(positive | {0, 1, 2, population.n_households - 1})
    assert len(positive) >= 3, "the sample must include households that receive something"
    starts = population.household_starts()
    for index in sample:
        situation = situation_of(tax_benefit_system, population, index, MONTH)
        single = SimulationBuilder().build_from_entities(tax_benefit_system, situation)
        for scheme in schemes:
            mask = masks[scheme.name]
            own = None if mask is None else (mask[index:index + 1] if scheme.entity == "household"
                                             else mask[int(starts[index]):int(starts[index + 1])])
            alone = apply_take_up(single.calculate(scheme.output, MONTH), own)
            together = results[scheme.name][index:index + 1] if scheme.entity == "household" \
                else results[scheme.name][int(starts[index]):int(starts[index + 1])]
            assert numpy.array_equal(alone, together), (scheme.name, index)


@pytest.fixture(scope="module")
def year_run(tax_benefit_system, small_population):
    return run_population(tax_benefit_system, small_population, 2025)


def test_chunked_run_equals_single_pass(tax_benefit_system, small_population, year_run):
    chunked = run_population(tax_benefit_system, small_population, 2025, chunk_households=97)
    assert len(range(0, small_population.n_households, 97)) > 5
    for name, result in year_run.schemes.items():
        assert numpy.array_equal(result.amount, chunked.schemes[name].amount), name
        assert numpy.array_equal(result.months_received, chunked.schemes[name].months_received), name
    assert build_report(tax_benefit_system, chunked)["schemes"] == build_report(tax_benefit_system, year_run)["schemes"]


def test_merged_months_equal_every_month_computed(tax_benefit_system, small_population, year_run):
    assert len(year_run.plan) == 12      # birthdays in every month: ages differ from month to month
    january = generate_population(tax_benefit_system, 2025, seed=5, size=0.002, birth_dates="january")
    for population, merged in ((small_population, year_run), (january, run_population(tax_benefit_system, january, 2025))):
        every = run_population(tax_benefit_system, population, 2025, merge_months=False)
        assert len(every.plan) == 12
        for name, result in merged.schemes.items():
            assert numpy.array_equal(result.amount, every.schemes[name].amount), name
            assert numpy.array_equal(result.months_received, every.schemes[name].months_received), name
    assert len(run_population(tax_benefit_system, january, 2025).plan) < 12


def test_a_date_inside_the_year_splits_the_months(tax_benefit_system):
    from openfisca_ajk.engine.months import plan_months
    population = generate_population(tax_benefit_system, 2025, seed=5, size=2000, birth_dates="january")
    retirement = population.person["public_service_retirement_date"].copy()
    retirement[0] = numpy.datetime64("2025-06-15")
    population.person["public_service_retirement_date"] = retirement
    plan, _ = plan_months(tax_benefit_system, population, [f"2025-{m:02d}" for m in range(1, 13)], ["ajk_civil_pension"])
    representatives = [str(rep) for rep, _ in plan]
    assert "2025-06" in representatives and "2025-07" in representatives


def test_report_has_every_registered_scheme_and_the_summaries(tax_benefit_system, year_run):
    report = build_report(tax_benefit_system, year_run)
    assert [row["scheme"] for row in report["schemes"]] == [s.name for s in load_schemes()]
    kafaalat = next(row for row in report["schemes"] if row["scheme"] == "bisp_kafaalat")
    assert kafaalat["beneficiaries_households"] > 0 and kafaalat["annual_cost_pkr"] > 0
    assert 0 < report["coverage"]["sdg_1_3_1_pct"]["population_covered_by_at_least_one_benefit_or_contributing"] < 100
    poverty = report["poverty"]["all"]
    assert poverty["fgt0_after"] <= poverty["fgt0_before"] and poverty["fgt1_after"] < poverty["fgt1_before"]
    assert set(report["poverty"]["by_group"]) >= {"sex", "age_band", "disability", "district", "area"}
    assert len(report["decile_incidence"]) == 10
    assert sum(row["share_of_transfers_pct"] for row in report["decile_incidence"]) == pytest.approx(100)


def test_a_single_month_is_costed_for_a_year(tax_benefit_system, small_population):
    month = run_population(tax_benefit_system, small_population, MONTH)
    report = build_report(tax_benefit_system, month)
    row = next(r for r in report["schemes"] if r["scheme"] == "bisp_kafaalat")
    assert row["annual_cost_pkr"] == pytest.approx(12 * row["cost_pkr"])


def test_indicators():
    assert gini([1, 2, 3, 4], [1, 1, 1, 1]) == pytest.approx(0.25)
    assert gini([5, 5, 5], [1, 2, 3]) == pytest.approx(0)
    welfare, weights = numpy.array([50.0, 100.0, 200.0]), numpy.array([1.0, 1.0, 2.0])
    assert fgt(welfare, 100, weights, 0) == pytest.approx(0.25)   # only 50 is below, not 100 itself
    assert fgt(welfare, 100, weights, 1) == pytest.approx(0.125)
    assert fgt(welfare, 100, weights, 2) == pytest.approx(0.0625)


def test_parallel_blocks_equal_single_pass(tax_benefit_system, small_population, year_run):
    parallel = run_population(tax_benefit_system, small_population, 2025, chunk_households=300, workers=2)
    for name, result in year_run.schemes.items():
        assert numpy.array_equal(result.amount, parallel.schemes[name].amount), name
