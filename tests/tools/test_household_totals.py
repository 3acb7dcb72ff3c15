"""Household totals are dated lists of variable names (``parameters/household/totals``): the same
figures as before, reformable from a date, validated like any parameter, and read by the catalogue."""

import pytest
from openfisca_core.simulations import SimulationBuilder

from openfisca_ajk.catalogue.dependencies import build_index
from openfisca_ajk.reform_diffs import ReformFileError, load_reform_file
from openfisca_ajk.engine.law import apply_changes
from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.system import load_situation_example

ASSISTANCE = "household.totals.social_assistance_total"
INSURANCE = "household.totals.social_insurance_benefits_total"
PERIOD = "2025-03"


def listed(system, path, instant="2025-03-01"):
    node = system.parameters(instant)
    for name in path.split("."):
        node = node[name] if isinstance(node, dict) else getattr(node, name)
    return node


def widow_household(system, period, variables):
    simulation = SimulationBuilder().build_from_entities(system, load_situation_example("widow_with_schoolchildren"))
    return {name: float(simulation.calculate(name, period).sum()) for name in variables}


def test_every_cash_scheme_is_in_its_total_and_no_in_kind_scheme_is(tax_benefit_system):
    """A scheme added to the registry must be listed in its total: this test names the one that is not."""
    assistance, insurance = set(listed(tax_benefit_system, ASSISTANCE)), set(listed(tax_benefit_system, INSURANCE))
    schemes = load_schemes()
    assert {s.output for s in schemes if s.is_cash and s.is_social_assistance} == assistance
    assert {s.output for s in schemes if s.is_cash and s.is_contributory} == insurance
    in_kind = {s.output for s in schemes if not s.is_cash}
    assert in_kind and not in_kind & (assistance | insurance)


@pytest.mark.parametrize(("start", "drop"), [("2025-03-01", 13500 / 3), ("2025-04-01", 0.0)])
def test_removing_kafaalat_from_the_total_changes_the_total_from_its_date_only(tax_benefit_system, start, drop):
    without = [name for name in listed(tax_benefit_system, ASSISTANCE) if name != "bisp_kafaalat"]
    reformed = apply_changes(tax_benefit_system, {ASSISTANCE: {start: without}}, name="kafaalat_not_counted")
    names = ["bisp_kafaalat", "social_assistance_total", "disposable_income"]
    base, reform = widow_household(tax_benefit_system, PERIOD, names), widow_household(reformed, PERIOD, names)
    assert base["bisp_kafaalat"] == reform["bisp_kafaalat"] == pytest.approx(13500 / 3)
    # By hand (tests/situations): 13,500/3 + 3,500/3 + 2,500/3 + 600 + 10,000 + 250 without the reform.
    assert base["social_assistance_total"] == pytest.approx(13500 / 3 + 3500 / 3 + 2500 / 3 + 600 + 10000 + 250, abs=0.05)
    assert reform["social_assistance_total"] == pytest.approx(base["social_assistance_total"] - drop, abs=0.01)
    assert reform["disposable_income"] == pytest.approx(base["disposable_income"] - drop, abs=0.01)
    assert "bisp_kafaalat" in listed(tax_benefit_system, ASSISTANCE)


def test_adding_a_scheme_to_a_total_counts_it(tax_benefit_system):
    """The Kafaalat counted twice (once in each total) shows the list is what the formula adds up."""
    insurance = [*listed(tax_benefit_system, INSURANCE), "bisp_kafaalat"]
    reformed = apply_changes(tax_benefit_system, {INSURANCE: {"2025-01-01": insurance}}, name="kafaalat_as_insurance")
    names = ["social_insurance_benefits_total", "disposable_income"]
    base, reform = widow_household(tax_benefit_system, PERIOD, names), widow_household(reformed, PERIOD, names)
    assert reform["social_insurance_benefits_total"] == pytest.approx(base["social_insurance_benefits_total"] + 4500)
    assert reform["disposable_income"] == pytest.approx(base["disposable_income"] + 4500, abs=0.01)


@pytest.mark.parametrize(("value", "message"), [
    (["bisp_kafaalat", "no_such_benefit"], "no_such_benefit, which is not a variable of the system"),
    (["bisp_kafaalat", "bisp_kafaalat"], "lists bisp_kafaalat more than once"),
    (12, "expects a list of names"),
    (["bisp_kafaalat", 3], "expects a list of names, got the items"),
])
def test_a_bad_list_is_refused_with_the_parameter_named(tax_benefit_system, value, message):
    with pytest.raises(ReformFileError) as caught:
        apply_changes(tax_benefit_system, {ASSISTANCE: {"2026-01-01": value}}, name="bad_list")
    assert any(ASSISTANCE in problem and message in problem for problem in caught.value.problems), caught.value.problems


def test_a_list_is_refused_for_a_number(tax_benefit_system):
    path = "pakistan.bisp.kafaalat.quarterly_instalment"
    with pytest.raises(ReformFileError, match="expects a single value"):
        apply_changes(tax_benefit_system, {path: {"2026-01-01": [14500]}}, name="list_for_number")


def test_the_catalogue_sees_what_each_total_adds_up(tax_benefit_system):
    index = build_index(tax_benefit_system)
    assert "bisp_kafaalat" in index.reads["social_assistance_total"].variables
    assert "ajk_civil_pension" in index.reads["social_insurance_benefits_total"].variables
    assert index.reads["disposable_income"].variables == {
        "household_market_income", "social_assistance_total", "social_insurance_benefits_total",
        "household_social_contributions"}
    assert "social_assistance_total" in index.variable_readers["bisp_kafaalat"]


def test_a_reform_file_listing_an_unknown_variable_fails_its_check(tmp_path):
    """``reform check`` loads the file without applying it: the list is checked against the variables too."""
    path = tmp_path / "pension_renamed.yaml"
    path.write_text(
        "name: pension_renamed\nlabel: A misspelt pension in the total\ndescription: Test.\n"
        "legal_basis:\n  - title: Test\n    href: https://example.org/\n"
        f"parameters:\n  {INSURANCE}:\n    2026-01-01: [ajk_civil_pensions, ajk_family_pension]\n", encoding="utf-8")
    with pytest.raises(ReformFileError, match="lists ajk_civil_pensions, which is not a variable of the system"):
        load_reform_file(path)
