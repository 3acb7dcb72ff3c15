"""The actuarial valuation and the population run (main) tell the same story of the draft act in the same year.

Both use the registration path and the contribution density of ``projection.actuarial``; both count insured
persons past the pensionable age as contributors. The valuation's wages grow with its wage index, a population
run of a later year keeps the latest enacted minimum wage: the valuation's amounts are compared at the
population's wage level. The figures of main are sample estimates: each comparison allows their 95 % interval
(the valuation's base population is a sample of the same size, hence the interval of a difference, x sqrt 2).
"""

import math

import numpy
import pytest

from openfisca_ajk.actuarial.valuation import ValuationTask, valuation_task
from openfisca_ajk.contributory import with_contribution_record
from openfisca_ajk.contributory.record import insured_persons
from openfisca_ajk.contributory.registration import registration_path, registration_share
from openfisca_ajk.engine.law import law
from openfisca_ajk.engine.run import run_population
from openfisca_ajk.population import generate_population
from openfisca_ajk.precision import household_sum, total_half_width

DRAFT = "draft_social_security_act"
START, YEAR = 2027, 2029
SIZE, SEED = 0.01, 1
PENSION_BRANCHES = ("old_age", "invalidity", "survivors")
BRANCHES = ("medical_care", "sickness", "unemployment", "old_age", "employment_injury", "family", "maternity",
            "invalidity", "survivors")
PENSION_SCHEMES = ("ss_old_age_pension", "ss_invalidity_pension", "ss_survivors_pension")


def test_registration_path_of_the_assumptions():
    class Compliance:   # projection.actuarial.compliance: 30 % in the first year, 70 % after 10 years
        initial, final, ramp_years = 0.3, 0.7, 10
    path = registration_path(Compliance, [0, 1, 2, 5, 10, 20])
    assert path == pytest.approx([0.3, 0.34, 0.38, 0.5, 0.7, 0.7])
    assert registration_share(law(DRAFT), START, YEAR) == pytest.approx(0.38)


@pytest.fixture(scope="module")
def valuation():
    return valuation_task(ValuationTask(DRAFT, horizon=YEAR - START + 1, size=SIZE, seed=SEED))


@pytest.fixture(scope="module")
def main_run():
    system = law(DRAFT)
    population = generate_population(law(), YEAR, seed=SEED, size=SIZE)
    population, spec = with_contribution_record(system, population, str(YEAR))
    run = run_population(system, population, str(YEAR), extras=("ss_employer_contribution",))
    return system, population, spec, run


def _weighted(population, household_values):
    weights = population.household["household_weight"].astype(numpy.float64)
    return float((weights * household_values).sum()), total_half_width(household_values, weights)


def test_registration_and_density_are_the_same(valuation, main_run):
    system, population, spec, _ = main_run
    i = valuation["years"].index(YEAR)
    assert valuation["first_year"] == START
    assert spec.registered_share == pytest.approx(valuation["compliance"][i]) == pytest.approx(0.38)
    assert spec.density == valuation["density"] == 0.7
    insured = insured_persons(system, population, spec.month)
    registered = population.person["ss_contribution_months"] > 0
    paying = population.person["ss_contributions_paid"]
    assert not (registered & ~insured).any()
    # person draws: 38 % of the insured registered, 70 % of them paying (binomial 95 % margins)
    n = insured.sum()
    assert abs(registered.sum() / n - 0.38) < 1.96 * math.sqrt(0.38 * 0.62 / n)
    assert abs((paying & registered).sum() / registered.sum() - 0.7) < 1.96 * math.sqrt(0.7 * 0.3 / registered.sum())
    assert not (paying & insured & ~registered).any()


def test_paying_persons_are_the_valuation_s_contributors(valuation, main_run):
    _, population, _, run = main_run
    payers, half_width = _weighted(population, household_sum(population, run.contributions > 0))
    contributors = valuation["series"]["contributors"][valuation["years"].index(YEAR)]
    assert abs(contributors - payers) <= math.sqrt(2) * half_width, (contributors, payers, half_width)


def test_pension_contributions_agree_at_the_population_s_wages(valuation, main_run):
    system, population, _, run = main_run
    security = system.parameters(f"{YEAR}-01-01").ajk.social_security

    def rate(branches):
        return sum(float(security[b].in_force) * float(security[b].employee_contribution_rate
                                                       + security[b].employer_contribution_rate) for b in branches)
    share = rate(PENSION_BRANCHES) / rate(BRANCHES)
    collected = household_sum(population, run.contributions + run.extras["ss_employer_contribution"]) * share
    main, half_width = _weighted(population, collected)
    i = valuation["years"].index(YEAR)
    minimum_wage = [float(system.parameters(f"{y}-07-01").macro.minimum_wage.applicable) for y in (START, YEAR)]
    at_population_wages = valuation["series"]["contributions"][i] / valuation["wage_index"][i] * minimum_wage[1] / minimum_wage[0]
    assert abs(at_population_wages - main) <= math.sqrt(2) * half_width, (at_population_wages, main, half_width)
    # without registration and density, main would collect 1 / (0.38 x 0.7) = 3.8 times as much: far outside
    assert main < 0.5 * at_population_wages / (0.38 * 0.7)


def test_pension_branch_benefits_agree_at_the_population_s_wages(valuation, main_run):
    _, population, _, run = main_run
    paid = sum(household_sum(population, run.schemes[name].amount) for name in PENSION_SCHEMES)
    main, half_width = _weighted(population, paid)
    i = valuation["years"].index(YEAR)
    at_population_wages = valuation["series"]["benefits"][i] / valuation["wage_index"][i]
    assert main > 0 and at_population_wages > 0     # old-age grants in 2029: no pension yet
    assert abs(at_population_wages - main) <= math.sqrt(2) * half_width, (at_population_wages, main, half_width)


def test_the_valuation_report_shows_its_first_years_beside_the_population_runs(valuation, main_run):
    """The valuation runs its first three years through the population, as main does, and both agree within the
    population run's interval (x sqrt 2: the valuation's base population is a sample too)."""
    check = valuation["population_check"]
    assert [row["year"] for row in check] == [2027, 2028, 2029]
    for row in check:
        found = row["population"]
        for figure, ours in (("contributors", row["valuation"]["contributors"]),
                             ("contributions", row["valuation_at_population_wages"]["contributions"])):
            entry = found[figure]
            assert abs(ours - entry["estimate"]) <= math.sqrt(2) * entry["half_width"], (row["year"], figure, ours, entry)
    # the 2029 row is main's own run (same population, seed and size)
    _, population, _, run = main_run
    payers, _ = _weighted(population, household_sum(population, run.contributions > 0))
    assert check[-1]["population"]["contributors"]["estimate"] == pytest.approx(payers)


def test_a_scheme_started_before_the_valuation_starts_with_its_record():
    """eobi_pattern has run since July 2016: the valuation's first year (2025) starts its insured stock with the
    service population runs credit (density 0.7 x 102 months = 71 months: 5 whole years), and both still agree."""
    from openfisca_ajk.actuarial.inputs import build_inputs
    from openfisca_ajk.projection.grid import base_population
    system = law("eobi_pattern")
    inputs = build_inputs(system, base_population(2025, SEED, SIZE), 2025, 3)
    assert inputs.initial_service_years == 5
    assert inputs.compliance[0] == pytest.approx(0.66)      # 9 years after 2016 on the 30 % to 70 % path
    result = valuation_task(ValuationTask("eobi_pattern", horizon=3, size=SIZE, seed=SEED))
    for row in result["population_check"]:
        for figure, ours in (("contributors", row["valuation"]["contributors"]),
                             ("contributions", row["valuation_at_population_wages"]["contributions"])):
            entry = row["population"][figure]
            assert abs(ours - entry["estimate"]) <= math.sqrt(2) * entry["half_width"], (row["year"], figure, ours, entry)
