"""The costing projection: first year = microsimulation, demography, scenarios, backends."""

import numpy
import json

import pytest

from openfisca_ajk.engine import build_report, run_population
from openfisca_ajk.projection import costing_grid, load_assumptions, project_population, run_tasks
from openfisca_ajk.projection.grid import CostingTask, base_population, costing_task
from openfisca_ajk.projection.mortality import death_probabilities

FIRST, LAST, SIZE, SEED = 2023, 2026, 0.001, 2
TOLERANCE = 1e-6   # relative: the projection's first year is the microsimulation itself


@pytest.fixture(scope="module")
def rows():
    # the law known until FIRST only: the later years are projected (the scenarios matter)
    return costing_grid(laws=("baseline", "kafaalat_14500"), scenarios=("low", "central", "high"), first=FIRST, last=LAST,
                        size=SIZE, seed=SEED, known=FIRST)


def test_first_year_agrees_with_the_microsimulation(tax_benefit_system, rows):
    report = build_report(tax_benefit_system, run_population(tax_benefit_system, base_population(FIRST, SEED, SIZE), FIRST))
    microsim = {row["scheme"]: row["annual_cost_pkr"] for row in report["schemes"] if row.get("annual_cost_pkr") is not None}
    first = {r["scheme"]: r["benefit_cost_pkr"] for r in rows
             if r["law"] == "baseline" and r["scenario"] == "central" and r["year"] == FIRST and r["scheme"] in microsim}
    assert sum(microsim.values()) > 0
    for scheme, cost in microsim.items():
        assert first[scheme] == pytest.approx(cost, rel=TOLERANCE, abs=1.0)


def test_reform_changes_kafaalat_from_2026_only(rows):
    def cost(law, year):
        return next(r["total_cost_pkr"] for r in rows if r["law"] == law and r["scenario"] == "central"
                    and r["year"] == year and r["scheme"] == "bisp_kafaalat")
    assert cost("kafaalat_14500", 2025) == pytest.approx(cost("baseline", 2025))
    assert cost("kafaalat_14500", 2026) > cost("baseline", 2026) * 1.03


def test_scenarios_order_the_cost_share_of_gdp(rows):
    """Between evaluation years (2024: amounts indexed, not re-simulated) low < central < high.

    (In a re-simulated year, legislated nominal amounts over a smaller nominal GDP can reverse the order.)"""
    share = {r["scenario"]: r["pct_gdp"] for r in rows if r["law"] == "baseline" and r["year"] == FIRST + 1 and r["scheme"] == "TOTAL_CASH"}
    assert share["low"] < share["central"] < share["high"]


def test_life_table_reproduces_wpp_life_expectancy(tax_benefit_system):
    """Single-age table from WPP 2024 nMx: e0 2020-2025 close to 64.7 (men) and 69.6 (women) - methods.md 3.2."""
    q = death_probabilities(tax_benefit_system, [2022.5])[0]
    for sex, expected in ((1, 64.7), (0, 69.6)):
        survival = numpy.concatenate([[1.0], numpy.cumprod(1 - q[sex])])
        e0 = float(((survival[:-1] + survival[1:]) / 2).sum())
        assert e0 == pytest.approx(expected, abs=1.0)


def test_cohort_component_projection_grows_with_births_and_deaths(tax_benefit_system):
    assumptions = load_assumptions(tax_benefit_system, FIRST, 2030)
    projection = project_population(tax_benefit_system, assumptions)
    total = projection.total()
    assert numpy.all(numpy.diff(total) > 0)
    birth_rate = projection.births[0] / total[0]
    assert 0.02 < birth_rate < 0.035      # PDS 2020 crude birth rate 27 per 1,000


def test_process_pool_equals_serial():
    tasks = [CostingTask("baseline", ("central",), FIRST, 2024, (FIRST,), SIZE, SEED),
             CostingTask("kafaalat_14500", ("central",), FIRST, 2024, (FIRST,), SIZE, SEED)]
    assert same(run_tasks(costing_task, tasks, backend="process", workers=2), run_tasks(costing_task, tasks))


def same(first, second):
    """Equal results, NaN included (JSON text of both, exact floats)."""
    return json.dumps(first, sort_keys=True, default=float) == json.dumps(second, sort_keys=True, default=float)


def test_first_year_intervals_are_main_s(tax_benefit_system, rows):
    """Each cost carries the sample's 95 % half-width; in the first year it is the one main gives the same run
    (scaled by the administrative loading), and the projection carries it with its factors."""
    from openfisca_ajk.precision_reports import run_intervals
    run = run_population(tax_benefit_system, base_population(FIRST, SEED, SIZE), FIRST)
    main = run_intervals(tax_benefit_system, run)["schemes"]
    central = [r for r in rows if r["law"] == "baseline" and r["scenario"] == "central"]
    kafaalat = next(r for r in central if r["year"] == FIRST and r["scheme"] == "bisp_kafaalat")
    loading = kafaalat["total_cost_pkr"] / kafaalat["benefit_cost_pkr"]
    assert kafaalat["total_cost_half_width_pkr"] == pytest.approx(main["bisp_kafaalat"]["annual_cost_pkr"]["half_width"] * loading,
                                                                  rel=1e-6)
    later = next(r for r in central if r["year"] == LAST and r["scheme"] == "bisp_kafaalat")
    assert later["total_cost_half_width_pkr"] / later["total_cost_pkr"] == pytest.approx(
        kafaalat["total_cost_half_width_pkr"] / kafaalat["total_cost_pkr"], rel=1e-6)
    assert 0 < kafaalat["recipients_half_width"] < 0.5 * kafaalat["recipients"]     # recipients: a sample count too
    totals = [r for r in central if r["scheme"] == "TOTAL_CASH"]
    assert all(0 < r["total_cost_half_width_pkr"] < 0.5 * r["total_cost_pkr"] for r in totals)
    card = next(r for r in central if r["scheme"] == "sehat_card")
    assert card["total_cost_pkr"] is None and card["total_cost_half_width_pkr"] is None    # in kind: never costed


def test_a_year_whose_law_is_known_is_main_s_year(tax_benefit_system):
    """Every year up to the current one is evaluated on that year's population, as main runs it: the projection's
    benefits are main's, scheme by scheme (an administrative loading comes on top in the total cost)."""
    year = 2025
    rows = costing_grid(laws=("baseline",), first=FIRST, last=year, size=SIZE, seed=SEED, known=year)
    report = build_report(tax_benefit_system, run_population(tax_benefit_system, base_population(year, SEED, SIZE), year))
    main = {row["scheme"]: row["annual_cost_pkr"] for row in report["schemes"] if row.get("annual_cost_pkr") is not None}
    projected = {r["scheme"]: r["benefit_cost_pkr"] for r in rows if r["year"] == year and r["scheme"] in main}
    assert sum(main.values()) > 0 and set(projected) == set(main)
    for scheme, cost in main.items():
        assert projected[scheme] == pytest.approx(cost, rel=TOLERANCE, abs=1.0), scheme
