"""Closed-form checks of the valuation model and indicators, computed by hand."""

import numpy
import pytest

from openfisca_ajk.actuarial import ValuationInputs, general_average_premium, payg_cost_rate, project, reserve_path
from openfisca_ajk.actuarial.design import Design
from openfisca_ajk.actuarial.inputs import with_contribution_rate
from openfisca_ajk.projection.mortality import MAX_AGE

YEARS = 4
ENTRY_AGE, PENSION_AGE, SERVICE = 58, 60, 20
WAGE, ACCRUAL, MEMBERS, INTEREST = 10_000.0, 0.02, 1_000.0, 0.05


def design(rate=0.1):
    n = YEARS
    full = numpy.full
    return Design(years=numpy.arange(n), in_force=full(n, True), contribution_rate=full(n, rate), accrual=full(n, ACCRUAL),
                  qualifying_years=full(n, 15.0), reduced_years=full(n, 15.0), reduced_gets_minimum=full(n, False),
                  grant_minimum_years=full(n, 1.0), grant_months_per_year=full(n, 1.0), minimum_pension=full(n, 0.0),
                  minimum_share_of_minimum_wage=full(n, 0.0), pensionable_age=full((n, 2), PENSION_AGE),
                  indexation=("none",) * n, invalidity_in_force=full(n, False), invalidity_qualifying_years=full(n, 5.0),
                  invalidity_base_rate=full(n, 0.0), invalidity_accrual=full(n, 0.0), invalidity_minimum=full(n, 0.0),
                  survivors_in_force=full(n, False), survivors_qualifying_years=full(n, 5.0), survivors_base_rate=full(n, 0.0),
                  survivors_accrual=full(n, 0.0), survivors_widow_share=full(n, 0.0), minimum_wage=full(n, WAGE))


def one_cohort():
    """1,000 men aged 58 with 20 years of service, wage 10,000 a month, density 1, no deaths before 61,
    everyone dies at the end of the year of age 61; constant wages and prices; 5 % interest."""
    population = numpy.zeros((YEARS, 2, MAX_AGE + 1))
    for i in range(YEARS):
        population[i, 1, ENTRY_AGE + i] = MEMBERS
    q = numpy.zeros((YEARS, 2, MAX_AGE + 1))
    q[:, :, PENSION_AGE + 1:] = 1.0
    rate = numpy.zeros((2, MAX_AGE + 1))
    rate[1, :PENSION_AGE] = 1.0
    inputs = ValuationInputs(years=numpy.arange(2030, 2030 + YEARS), population=population, death_probability=q,
                             insured_rate=rate, insurable_wage=numpy.full((2, MAX_AGE + 1), WAGE),
                             wage_index=numpy.ones(YEARS), price_index=numpy.ones(YEARS), interest=numpy.full(YEARS, INTEREST),
                             compliance=numpy.ones(YEARS), density=1.0, administrative_cost_rate=0.0,
                             disability_incidence=numpy.zeros(MAX_AGE + 1), spouse_probability=numpy.zeros(2),
                             spouse_age_gap=0, design=design())
    return inputs


def test_one_cohort_gap_and_payg_by_hand():
    inputs = one_cohort()
    result = project(inputs)
    s = result.series
    # The cohort enters at 58 with no past service in the model, so it retires at 60 with 2 years:
    # below the 15-year qualifying period -> an old-age grant of 1 month of wage per year = 2 x 10,000 each.
    earnings = MEMBERS * WAGE * 12
    assert s["insurable_earnings"][:2] == pytest.approx([earnings, earnings])
    assert s["insurable_earnings"][2:] == pytest.approx([0, 0])
    assert s["grants"] == pytest.approx([0, 0, MEMBERS * 2 * WAGE, 0])
    v = numpy.cumprod(numpy.full(YEARS, 1 / (1 + INTEREST)))
    f = v * (1 + INTEREST / 2)
    hand_gap = f[2] * MEMBERS * 2 * WAGE / (f[0] * earnings + f[1] * earnings)
    gap = general_average_premium(s["benefits"], s["administration"], s["insurable_earnings"], inputs.interest)
    assert gap == pytest.approx(hand_gap, rel=1e-12)
    assert payg_cost_rate(s["benefits"], s["administration"], s["insurable_earnings"])[:2] == pytest.approx([0, 0])


def test_one_cohort_with_past_service_gets_the_formula_pension():
    """Give the cohort 20 years of past service: pension = 2 % x 22 years x 10,000 = 4,400 a month at 60 and 61."""
    inputs = one_cohort()
    result = _project_with_past_service(inputs)
    s = result.series
    pension = ACCRUAL * (SERVICE + 2) * WAGE * 12 * MEMBERS
    assert s["old_age_benefits"] == pytest.approx([0, 0, pension, pension])
    assert s["old_age_pensioners"] == pytest.approx([0, 0, MEMBERS, MEMBERS])
    earnings = MEMBERS * WAGE * 12
    v = numpy.cumprod(numpy.full(YEARS, 1 / (1 + INTEREST)))
    f = v * (1 + INTEREST / 2)
    hand_gap = (f[2] + f[3]) * pension / ((f[0] + f[1]) * earnings)
    gap = general_average_premium(s["benefits"], s["administration"], s["insurable_earnings"], inputs.interest)
    assert gap == pytest.approx(hand_gap, rel=1e-12)


def _project_with_past_service(inputs):
    """Past service is the entry cell of the model shifted: credit SERVICE years at entry by giving the
    model a density-1 pre-history of SERVICE years (members insured from age 38)."""
    n = SERVICE + YEARS
    population = numpy.zeros((n, 2, MAX_AGE + 1))
    for i in range(n):
        population[i, 1, ENTRY_AGE - SERVICE + i] = MEMBERS
    q = numpy.zeros((n, 2, MAX_AGE + 1))
    q[:, :, PENSION_AGE + 1:] = 1.0
    full = numpy.full
    d = design()
    long_design = Design(**{k: (numpy.resize(v, (n,) + numpy.shape(v)[1:]) if k != "indexation" else ("none",) * n)
                            for k, v in vars(d).items()})
    long = ValuationInputs(years=numpy.arange(n), population=population, death_probability=q, insured_rate=inputs.insured_rate,
                           insurable_wage=inputs.insurable_wage, wage_index=numpy.ones(n), price_index=numpy.ones(n),
                           interest=full(n, INTEREST), compliance=numpy.ones(n), density=1.0, administrative_cost_rate=0.0,
                           disability_incidence=numpy.zeros(MAX_AGE + 1), spouse_probability=numpy.zeros(2),
                           spouse_age_gap=0, design=long_design)
    result = project(long)
    result.series = {k: v[SERVICE:] for k, v in result.series.items()}
    return result


def test_contribution_rate_equal_to_gap_ends_with_the_target_reserve():
    inputs = one_cohort()
    result = project(inputs)
    s = result.series
    gap = general_average_premium(s["benefits"], s["administration"], s["insurable_earnings"], inputs.interest)
    balanced = project(with_contribution_rate(inputs, gap))
    assert balanced.series["reserve"][-1] == pytest.approx(0.0, abs=1e-6 * MEMBERS * WAGE)
    target = 5e6
    gap_target = general_average_premium(s["benefits"], s["administration"], s["insurable_earnings"], inputs.interest,
                                         target_reserve=target)
    reserve, _ = reserve_path(gap_target * s["insurable_earnings"], s["benefits"], s["administration"], inputs.interest)
    assert reserve[-1] == pytest.approx(target, rel=1e-9)


def test_payg_rate_is_outgo_over_earnings():
    assert payg_cost_rate([10.0, 30.0], [2.0, 0.0], [100.0, 0.0])[0] == pytest.approx(0.12)
    assert numpy.isnan(payg_cost_rate([10.0, 30.0], [2.0, 0.0], [100.0, 0.0])[1])
