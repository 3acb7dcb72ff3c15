"""The comparison's figures: consistent with households computed one by one, with a full run, and with the law."""

import numpy
import pytest
from openfisca_core import periods
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.variables import Variable

from openfisca_ajk.comparison import compare
from openfisca_ajk.comparison.metrics import BANDS
from openfisca_ajk.entities import Household
from openfisca_ajk.engine.months import input_window, months_of
from openfisca_ajk.engine.take_up import apply_take_up, take_up_rate, takes_up
from openfisca_ajk.population.data import ROLE_KEYS
from openfisca_ajk.population.simulation import age_in_month, input_columns
from openfisca_ajk.reform_diffs import list_reforms
from openfisca_ajk.tools.dates import MONTHS_PER_QUARTER

LIBRARY = ("kafaalat_14500", "universal_old_age_pension", "child_benefit_0_5", "disability_benefit",
           "draft_social_security_act", "eobi_pattern")
PLURAL = {"head": "heads", "spouse": "spouses", "child": "children", "other": "others"}


@pytest.fixture(scope="module")
def library(tax_benefit_system, population_2026, baseline_2026):
    return compare(tax_benefit_system, list(LIBRARY), population_2026, "2026", baseline=baseline_2026)


def impact_of(result, name):
    return next(impact for reform, impact in result.reforms if reform.name == name)


def run_of(result, name, system, population):
    """The reform's RunResult is not kept in the result: recompute it the same way (partial run)."""
    from openfisca_ajk.comparison.evaluation import evaluate_reform, prepare_reforms
    reform = prepare_reforms(system, [name])[0]
    return evaluate_reform(result.baseline, reform)[0], reform.system


def test_the_library_is_in_reforms():
    assert set(LIBRARY) <= set(list_reforms())


def test_winners_and_losers_sum_to_100(library):
    for reform, impact in library.reforms:
        bands = impact["winners_losers_pct"]
        assert sum(bands["all"][b] for b in BANDS) == pytest.approx(100, abs=1e-9), reform.name
        for row in bands["by_decile"]:
            assert sum(row[b] for b in BANDS) == pytest.approx(100, abs=1e-9), (reform.name, row["decile"])


def test_kafaalat_14500_costs_1000_over_3_a_month_more_per_eligible_household(tax_benefit_system, population_2026, library):
    impact = impact_of(library, "kafaalat_14500")
    baseline = library.baseline.run
    kafaalat = baseline.schemes["bisp_kafaalat"]
    weights = baseline.population.household["household_weight"].astype(numpy.float64)
    # Eligible (and taking up) households receive the instalment in every month of 2026: Rs 1,000 / 3 more each month.
    months = kafaalat.months_received.astype(numpy.float64)
    assert months.max() == 12
    eligible = float((weights * months).sum()) / 12
    assert eligible > 0
    expected = 1000 / 3 * 12 * eligible
    row = next(r for r in impact["schemes"] if r["scheme"] == "bisp_kafaalat")
    assert row["net_cost_pkr"] == pytest.approx(expected, rel=1e-6)
    assert impact["totals"]["net_cost_pkr"] == pytest.approx(expected, rel=1e-6)
    assert impact["evaluation"]["recomputed_schemes"] == ["bisp_kafaalat"]


def test_the_new_benefits_cost_something_and_lift_people_out_of_poverty(library):
    for name in ("universal_old_age_pension", "child_benefit_0_5", "disability_benefit"):
        impact = impact_of(library, name)
        assert impact["totals"]["net_cost_pkr"] > 0, name
        assert impact["households"]["newly_reached"] > 0, name
        assert impact["poverty"]["by_group"]["all"]["fgt0_change_pp"] <= 0, name
        assert impact["winners_losers_pct"]["all"]["lose_more_than_5pct"] == 0, name


def test_contributory_designs_report_contributions_and_benefits(tax_benefit_system, population_2026):
    result = compare(tax_benefit_system, ["draft_social_security_act"], population_2026, "2027")
    impact = impact_of(result, "draft_social_security_act")
    block = impact["contributions"]
    assert impact["contributory"]
    assert block["employee_after_pkr"] > 0 and block["employer_after_pkr"] > block["employee_after_pkr"]
    assert block["collected_after_pkr"] == pytest.approx(block["employee_after_pkr"] + block["employer_after_pkr"])
    totals = impact["totals"]
    # contributions are the fund's revenue, not a budget saving: the budget pays none of the fund's benefits
    assert totals["net_cost_pkr"] == pytest.approx(totals["benefits_change_pkr"] - totals["fund_benefits_change_pkr"])
    assert totals["fund_balance_change_pkr"] == pytest.approx(totals["contributions_change_pkr"] - totals["fund_benefits_change_pkr"])


def test_coverage_reused_from_the_baseline_equals_a_new_report(tax_benefit_system, library):
    from openfisca_ajk.comparison.metrics import coverage_unchanged
    from openfisca_ajk.engine.aggregates import build_report
    run, reformed = run_of(library, "kafaalat_14500", tax_benefit_system, library.baseline.population)
    assert coverage_unchanged(library.baseline.run, run)          # higher amounts, the same receivers
    assert build_report(reformed, run)["coverage"] == library.baseline.report["coverage"]
    pension, _ = run_of(library, "universal_old_age_pension", tax_benefit_system, library.baseline.population)
    assert not coverage_unchanged(library.baseline.run, pension)


def test_reusing_the_baseline_gives_what_a_full_run_gives(tax_benefit_system, population_2026, baseline_2026, library):
    full = compare(tax_benefit_system, list(LIBRARY), population_2026, "2026", baseline=baseline_2026, full=True)
    for (reform, impact), (_, whole) in zip(library.reforms, full.reforms):
        assert whole["evaluation"]["full_run"] and not impact["evaluation"]["full_run"]
        for mine, theirs in zip(impact["schemes"], whole["schemes"]):
            for key in ("annual_cost_after_pkr", "households_after", "persons_after", "households_gained", "persons_lost"):
                assert mine[key] == theirs[key], (reform.name, mine["scheme"], key)
        for key in ("totals", "poverty", "inequality", "deciles", "winners_losers_pct", "coverage"):
            assert impact[key] == whole[key], (reform.name, key)


def situation_of(system, population, index, months):
    """Household ``index`` with its inputs for every month of ``months`` (the run's input window)."""
    starts = population.household_starts()
    members = range(int(starts[index]), int(starts[index + 1]))
    persons, household = {f"p{row}": {} for row in members}, {role: [] for role in PLURAL.values()}
    for entity, variable, array in input_columns(system, population):
        if variable.name == "age":
            continue
        for row in (members if entity == "person" else [index]):
            value = array[row]
            if getattr(variable, "possible_values", None) is not None:
                value = variable.possible_values._member_names_[int(value)]
            elif variable.value_type.__name__ == "date":
                value = str(value)
            else:
                value = value.item()
            if variable.definition_period == "eternity":
                keys = ["ETERNITY"]
            elif variable.definition_period == "year":
                keys = sorted({str(m)[:4] for m in months})
            else:
                keys = [str(m) for m in months]
            target = persons[f"p{row}"] if entity == "person" else household
            target[variable.name] = {key: value for key in keys}
    for month in months:
        ages = age_in_month(population, month)
        for row in members:
            persons[f"p{row}"].setdefault("age", {})[str(month)] = int(ages[row])
    for row in members:
        household[PLURAL[ROLE_KEYS[population.role[row]]]].append(f"p{row}")
    return {"persons": persons, "households": {"h": household}}


@pytest.mark.parametrize("name", ["universal_old_age_pension", "child_benefit_0_5", "kafaalat_14500"])
def test_population_results_equal_households_computed_one_by_one(tax_benefit_system, library, name):
    run, reformed = run_of(library, name, tax_benefit_system, library.baseline.population)
    population = run.population
    scheme_name = {"universal_old_age_pension": "proposal_universal_old_age_pension",
                   "child_benefit_0_5": "proposal_child_benefit", "kafaalat_14500": "bisp_kafaalat"}[name]
    result = run.schemes[scheme_name]
    starts = population.household_starts()
    if result.scheme.entity == "household":
        per_household = result.amount
    else:
        per_household = numpy.bincount(population.person_household, weights=result.amount, minlength=population.n_households)
    receiving = numpy.flatnonzero(per_household > 0)
    assert len(receiving) >= 3
    sample = sorted(set(receiving[:4].tolist()) | {0, population.n_households - 1})
    months = months_of("2026")
    window = input_window(months)
    for index in sample:
        single = SimulationBuilder().build_from_entities(reformed, situation_of(reformed, population, index, window))
        block = population.slice_households(index, index + 1, starts)
        for scheme_result in run.schemes.values():
            scheme = scheme_result.scheme
            alone = numpy.zeros(1 if scheme.entity == "household" else block.n_persons)
            for month in months:
                amount = numpy.asarray(single.calculate(scheme.output, periods.period(month)), dtype=numpy.float64)
                alone += apply_take_up(amount, takes_up(block, scheme, take_up_rate(reformed, scheme.name, periods.period(month))))
            together = scheme_result.amount[index:index + 1] if scheme.entity == "household" \
                else scheme_result.amount[int(starts[index]):int(starts[index + 1])]
            assert numpy.allclose(alone, together, rtol=1e-6, atol=1e-3), (name, scheme.name, index, alone, together)


class double_kafaalat_for_large_households(Reform):
    """A structural reform: a new variable replaces the Kafaalat formula."""

    name = "Kafaalat doubled for households of 8 or more (test)"

    def apply(self):
        class bisp_kafaalat(Variable):
            value_type = float
            entity = Household
            definition_period = MONTH
            label = "Kafaalat, doubled for large households"
            reference = "https://example.org/"
            documentation = "Test reform."

            def formula(household, period, parameters):
                base = household("bisp_kafaalat_quarterly_instalment", period) / MONTHS_PER_QUARTER
                large = household.nb_persons() >= 8
                return base * (1 + large)

        self.update_variable(bisp_kafaalat)


def test_a_structural_reform_object_is_compared_with_a_full_run(tax_benefit_system, population_2026, baseline_2026):
    reformed = double_kafaalat_for_large_households(tax_benefit_system)
    result = compare(tax_benefit_system, [reformed], population_2026, "2026", baseline=baseline_2026)
    reform, impact = result.reforms[0]
    assert impact["evaluation"]["full_run"]
    assert "bisp_kafaalat" in impact["evaluation"]["why_recomputed"]
    assert impact["totals"]["net_cost_pkr"] >= 0
