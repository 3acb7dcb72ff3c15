"""Programme inputs of the synthetic population, take-up, in-kind costing and SDG 1.3.1 coverage."""

import dataclasses

import numpy
import pytest

from openfisca_ajk import named_reforms
from openfisca_ajk.enums import MaritalStatus
from openfisca_ajk.engine import build_report, run_population
from openfisca_ajk.engine.take_up import TAKE_UP_PREFIX, take_up_rate
from openfisca_ajk.population import calibration_report, generate_population
from openfisca_ajk.population.programmes import (
    family_pension_target, pension_bill_target, yearly_civil_pensions, yearly_family_pensions,
    yearly_guzara, zakat_guzara_target,
)

YEAR = 2026   # the Sehat card is in force again from January 2026


@pytest.fixture(scope="module")
def population(tax_benefit_system):
    return generate_population(tax_benefit_system, YEAR, seed=3, size=0.01)


@pytest.fixture(scope="module")
def run(tax_benefit_system, population):
    return run_population(tax_benefit_system, population, YEAR)


@pytest.fixture(scope="module")
def report(tax_benefit_system, run):
    return build_report(tax_benefit_system, run)


def row_of(report, name):
    return next(r for r in report["schemes"] if r["scheme"] == name)


def test_pension_and_zakat_targets_are_met_by_the_population(tax_benefit_system, population):
    rows = {r["target"]: r for r in calibration_report(tax_benefit_system, population) if r["kind"] == "money"}
    assert len(rows) == 3 and all(r["ok"] for r in rows.values()), rows


def test_engine_pays_civil_pensions_and_guzara_close_to_the_targets(tax_benefit_system, report):
    pensions = row_of(report, "ajk_civil_pension")["annual_cost_pkr"]
    target = pension_bill_target(tax_benefit_system, YEAR)
    assert target["value"] == pytest.approx(35e9 * 1.07 * 0.8)   # FY2023-24 bill, +7 % Jul 2025, civil share
    assert pensions == pytest.approx(target["value"], rel=0.02)
    guzara = row_of(report, "zakat_guzara_allowance")["annual_cost_pkr"]
    assert guzara == pytest.approx(zakat_guzara_target(tax_benefit_system, YEAR), rel=0.02)
    assert guzara == pytest.approx(185.3e6 * 0.6, rel=0.02)
    assert row_of(report, "ajk_benevolent_fund_grants")["annual_cost_pkr"] > 0   # servants retiring in the year


def test_family_pensions_are_paid_to_widowed_persons_and_meet_their_target(tax_benefit_system, population, report):
    target = family_pension_target(tax_benefit_system, YEAR)
    assert target["value"] == pytest.approx(35e9 * 1.07 * 0.1)   # FY2023-24 bill, +7 % Jul 2025, family share
    rows = [r for r in calibration_report(tax_benefit_system, population) if r["target"].startswith("family pensions")]
    assert len(rows) == 1 and rows[0]["ok"] and rows[0]["tolerance"] == 0.02, rows
    family = row_of(report, "ajk_family_pension")["annual_cost_pkr"]
    assert family == pytest.approx(target["value"], rel=0.02)
    person = population.person
    drawing = person["deceased_public_servant_death_date"] < numpy.datetime64(f"{YEAR}-01-01", "D")
    assert drawing.sum() > 10 and numpy.all(person["marital_status"][drawing] == MaritalStatus.widowed.index)
    died_as_pensioner = person["deceased_public_servant_retirement_date"][drawing] < \
        person["deceased_public_servant_death_date"][drawing]
    assert numpy.all(died_as_pensioner | (person["deceased_public_servant_service_years"][drawing] >= 10))
    assert numpy.all(person["deceased_public_servant_last_pay"][drawing] > 0)
    assert numpy.all(person["receives_other_cash_assistance"][drawing])
    own_pension = person["public_service_retirement_date"] < numpy.datetime64(f"{YEAR}-01-01", "D")
    assert not numpy.any(own_pension & drawing)


def test_orphans_registration_and_other_assistance_are_generated(population):
    person = population.person
    assert person["father_is_deceased"].any() and person["is_registered_with_bisp"].any()
    assert person["receives_other_cash_assistance"].any() and person["is_zakat_mustahiq"].any()
    assert not numpy.any(person["sex"] == 2)               # no transgender person without a cited prevalence
    assert person["bps_grade"][person["is_public_servant"]].min() >= 1


def test_in_kind_schemes_are_not_costed_nor_in_the_cash_total(report):
    sehat = row_of(report, "sehat_card")
    assert sehat["annual_cost_pkr"] is None and sehat["cash"] is False
    assert sehat["beneficiaries_households"] > 0
    # no PKR total of an in-kind scheme anywhere in its row (a sum of value ceilings would read as a cost)
    assert not [key for key, value in sehat.items() if key.endswith("_pkr") and value is not None]
    cash = sum(r["annual_cost_pkr"] for r in report["schemes"] if r["cash"])
    assert report["totals"]["annual_cost_pkr"] == pytest.approx(cash)
    assert "sehat_card" in report["totals"]["excluded_in_kind"]


def test_sdg_1_3_1_ignores_health_cover(tax_benefit_system, run, report):
    sdg = report["coverage"]["sdg_1_3_1_pct"]
    assert report["coverage"]["health_care_pct"] == pytest.approx(100)   # the universal Sehat card
    assert 0 < sdg["population_covered_by_at_least_one_benefit_or_contributing"] < 50
    assert sdg["unemployed"] == 0 and sdg["persons_with_disabilities"] < 100
    # Removing every in-kind scheme changes no SDG 1.3.1 figure.
    cash_only = dataclasses.replace(run, schemes={k: v for k, v in run.schemes.items() if not v.scheme.is_in_kind})
    assert build_report(tax_benefit_system, cash_only)["coverage"]["sdg_1_3_1_pct"] == sdg


def test_take_up_is_deterministic_and_below_eligibility(tax_benefit_system, population, run, report):
    baseline_spp = run.schemes["ajk_social_protection_allowance"]
    assert baseline_spp.amount.sum() == 0   # no payment found: the baseline pays nothing
    assumed = named_reforms.ajk_spp_assumed(tax_benefit_system)
    reformed_run = run_population(assumed, population, YEAR)
    spp = reformed_run.schemes["ajk_social_protection_allowance"]
    eligible, receiving = spp.months_entitled > 0, spp.months_received > 0
    assert not numpy.any(receiving & ~eligible)
    draw = population.household[TAKE_UP_PREFIX + "ajk_social_protection_allowance"][population.person_household]
    rate = take_up_rate(assumed, "ajk_social_protection_allowance", reformed_run.months[0])
    assert rate < 0.1
    assert numpy.array_equal(receiving, eligible & (draw < rate))
    assert eligible.sum() > 10 * receiving.sum() > 0
    again = run_population(assumed, population, YEAR, chunk_households=333)
    assert numpy.array_equal(again.schemes["ajk_social_protection_allowance"].amount, spp.amount)
    kafaalat = run.schemes["bisp_kafaalat"]
    assert numpy.array_equal(kafaalat.amount, kafaalat.entitled_amount)     # take-up 1


def test_microdata_without_draws_get_deterministic_ones(tax_benefit_system, population):
    bare = dataclasses.replace(population, household={k: v for k, v in population.household.items()
                                                      if not k.startswith(TAKE_UP_PREFIX)})
    first = run_population(tax_benefit_system, bare, "2026-03")
    second = run_population(tax_benefit_system, bare, "2026-03", chunk_households=100)
    name = "bisp_nashonuma"
    assert numpy.array_equal(first.schemes[name].amount, second.schemes[name].amount)
    assert first.schemes[name].amount.sum() < first.schemes[name].entitled_amount.sum()


def test_calibration_amounts_are_the_law_computed_on_the_drawn_persons(tax_benefit_system):
    """By hand: pay 100,000 x 70 % x 30/30 = 70,000 gross; the increases after a 2020 retirement (15 % Jul 2022,
    17.5 % Jul 2023, 7 % Jul 2025) give x 1.4458375 in 2026; a commuted pension keeps 65 %. Eight years of
    service at superannuation do not qualify (minimum 10), so nothing is paid."""
    birth = numpy.array(["1960-01-01"] * 3, dtype="datetime64[D]")
    retired = numpy.array(["2020-01-01"] * 3, dtype="datetime64[D]")
    yearly = yearly_civil_pensions(tax_benefit_system, 2026, birth, numpy.full(3, 100000.0),
                                   numpy.array([30.0, 30.0, 8.0]), numpy.array([False, True, False]), retired)
    monthly = 70000 * 1.15 * 1.175 * 1.07
    assert yearly == pytest.approx([12 * monthly, 12 * monthly * 0.65, 0.0], rel=1e-6)


def test_family_pension_of_the_calibration_needs_ten_years_for_a_death_in_service(tax_benefit_system):
    """75 % of the deceased's gross pension: pay 80,000 x 70 % x 20/30 x 75 % = 28,000 a month; a pension that
    began in 2025-08 also takes the increases extended to later retirees (17.5 % of July 2023 and 7 % of July
    2025): 28,000 x 1.175 x 1.07 = 35,203 a month; a death in service after 5 years gives nothing."""
    no_event = numpy.datetime64("2999-12-31", "D")
    death = numpy.array(["2025-08-15"] * 2, dtype="datetime64[D]")
    yearly = yearly_family_pensions(tax_benefit_system, 2026, numpy.full(2, 80000.0), numpy.array([20.0, 5.0]),
                                    numpy.array([no_event] * 2), death)
    assert yearly == pytest.approx([12 * 35203.0, 0.0], abs=0.1)


def test_guzara_of_the_calibration_follows_both_regimes_of_2022(tax_benefit_system):
    """A mustahiq household of 4 in 2022: Rs 1,300 a month January to May (2016 schedule), then Rs 3,000 a year
    counted Rs 250 a month June to December; a household whose only adult is not a mustahiq gets nothing."""
    person_household = numpy.array([0, 0, 0, 0, 1, 1], dtype=numpy.intp)
    role = numpy.array([0, 1, 2, 2, 0, 2], dtype=numpy.int8)
    age = numpy.array([40, 38, 10, 8, 50, 12])
    mustahiq = numpy.array([True, False, False, False, False, False])
    yearly = yearly_guzara(tax_benefit_system, 2022, person_household, role, age, mustahiq)
    assert yearly == pytest.approx([5 * 1300 + 7 * 250, 0.0])
