"""Applying reform diffs: the right values on the right days, and the baseline never touched."""

import pytest
from openfisca_core.reforms import Reform

from openfisca_ajk.reform_diffs import ReformFileError, load_reform_class, load_reform_file
from openfisca_ajk.engine.law import apply_changes, apply_reform_file

from .helpers import INSTALMENT, data, kafaalat, rate_system, snapshot  # noqa: F401 (fixture)


def instalment(system, instant):
    return system.parameters(instant).pakistan.bisp.kafaalat.quarterly_instalment


def test_a_failed_then_a_successful_load_leave_the_baseline_as_it_was(tax_benefit_system, data):
    before_values = snapshot(tax_benefit_system.parameters)
    before = kafaalat(tax_benefit_system, "2026-02")
    assert before == pytest.approx(4500)
    with pytest.raises(ReformFileError, match="quartely_instalment"):
        apply_reform_file(tax_benefit_system, data / "misspelt_path.yaml")
    assert kafaalat(tax_benefit_system, "2026-02") == before
    reformed = apply_reform_file(tax_benefit_system, "kafaalat_14500")
    assert kafaalat(reformed, "2026-02") == pytest.approx(14500 / 3)
    assert kafaalat(tax_benefit_system, "2026-02") == before
    assert instalment(tax_benefit_system, "2026-02-01") == 13500
    assert snapshot(tax_benefit_system.parameters) == before_values


def test_the_reform_starts_on_its_date(tax_benefit_system):
    reformed = apply_reform_file(tax_benefit_system, "kafaalat_14500")
    assert kafaalat(reformed, "2025-12") == pytest.approx(4500)
    assert kafaalat(reformed, "2026-01") == pytest.approx(14500 / 3)


def test_a_bounded_period_restores_the_prior_value_after_its_stop(tax_benefit_system, data):
    reformed = apply_reform_file(tax_benefit_system, data / "bounded_instalment.yaml")
    assert instalment(reformed, "2023-12-31") == 9000
    assert instalment(reformed, "2024-01-01") == 12000
    assert instalment(reformed, "2024-06-30") == 12000
    assert instalment(reformed, "2024-07-01") == 10500
    assert instalment(reformed, "2025-03-01") == 13500


def test_after_a_bounded_period_the_value_scheduled_for_that_day_resumes(tax_benefit_system):
    reformed = apply_changes(tax_benefit_system, {INSTALMENT: {"2024-07-01.2025-06-30": 12000}})
    assert instalment(reformed, "2024-06-30") == 10500
    assert instalment(reformed, "2025-03-01") == 12000
    assert instalment(reformed, "2025-07-01") == 13500


def test_from_onward_replaces_later_scheduled_values(tax_benefit_system, data):
    reformed = apply_reform_file(tax_benefit_system, data / "onward_instalment.yaml")
    assert instalment(reformed, "2023-12-31") == 9000
    assert instalment(reformed, "2025-03-01") == 11000
    assert kafaalat(reformed, "2026-06") == pytest.approx(11000 / 3)
    cutoff = "pakistan.bisp.kafaalat.pmt_cutoff_disability"
    assert tax_benefit_system.parameters.pakistan.bisp.kafaalat.pmt_cutoff_disability("2026-06-01") == 32
    reformed = apply_changes(tax_benefit_system, {cutoff: {"2025-01-01": 35}})
    assert reformed.parameters.pakistan.bisp.kafaalat.pmt_cutoff_disability("2026-06-01") == 35


def test_several_changes_in_one_reform_all_apply(tax_benefit_system):
    """One modify_parameters call: a second call would drop the first change (core 46)."""
    reformed = apply_changes(tax_benefit_system, {
        INSTALMENT: {"2026-01-01": 15000},
        "pakistan.bisp.kafaalat.pmt_cutoff": {"2026-01-01": 40},
    })
    assert instalment(reformed, "2026-02-01") == 15000
    assert reformed.parameters.pakistan.bisp.kafaalat.pmt_cutoff("2026-02-01") == 40
    assert kafaalat(reformed, "2026-02", pmt_score=35) == pytest.approx(5000)
    assert kafaalat(tax_benefit_system, "2026-02", pmt_score=35) == 0


def test_two_reforms_of_the_same_baseline_do_not_interfere(tax_benefit_system):
    baseline_before = kafaalat(tax_benefit_system, "2026-02")
    first = apply_reform_file(tax_benefit_system, "kafaalat_14500")
    second = apply_changes(tax_benefit_system, {INSTALMENT: {"2026-01-01": 15000}}, name="other")
    assert kafaalat(first, "2026-02") == pytest.approx(14500 / 3)
    assert kafaalat(second, "2026-02") == pytest.approx(5000)
    assert kafaalat(first, "2026-02") == pytest.approx(14500 / 3)
    assert kafaalat(tax_benefit_system, "2026-02") == baseline_before


def test_extends_applies_the_chain_in_order(tax_benefit_system, data):
    spec = load_reform_file(data / "chain_top.yaml", tax_benefit_system)
    assert spec.chain == ("chain_base", "chain_middle", "chain_top")
    assert len(spec.changes) == 1 and len(spec.all_changes) == 4
    reformed = apply_reform_file(tax_benefit_system, data / "chain_top.yaml")
    cutoff = reformed.parameters.pakistan.bisp.kafaalat.pmt_cutoff
    assert cutoff("2026-06-01") == 34
    assert instalment(reformed, "2026-06-01") == 14000
    assert instalment(reformed, "2027-06-01") == 15000
    assert instalment(reformed, "2028-01-01") == 14000


def test_an_extends_cycle_is_refused(tax_benefit_system, data):
    with pytest.raises(ReformFileError) as caught:
        load_reform_file(data / "cycle_a.yaml", tax_benefit_system)
    assert caught.value.problems == ["extends cycle_b: extends: cycle_a -> cycle_b -> cycle_a is a cycle"]


def test_problems_of_an_extended_file_are_reported_with_its_name(tax_benefit_system, data):
    with pytest.raises(ReformFileError) as caught:
        load_reform_file(data / "chain_broken.yaml", tax_benefit_system)
    assert caught.value.problems[0].startswith(
        "extends misspelt_path: pakistan.bisp.kafaalat.quartely_instalment: no such parameter")


def test_scale_bracket_change_applies(rate_system):
    reformed = apply_changes(rate_system, {"testing.scale[1].rate": {"2026-01-01": 0.3}})
    assert reformed.parameters.testing.scale.brackets[1].rate("2026-01-01") == 0.3
    assert reformed.parameters.testing.scale.brackets[1].rate("2025-12-31") == 0.2
    assert rate_system.parameters.testing.scale.brackets[1].rate("2026-01-01") == 0.2


def test_reform_classes_are_reforms_named_like_the_file(tax_benefit_system):
    reform = load_reform_class("kafaalat_14500")
    assert issubclass(reform, Reform)
    assert reform.__name__ == "kafaalat_14500"
    assert reform.spec.label.startswith("Kafaalat")


def test_a_python_reform_loads_by_path(tax_benefit_system, data):
    reformed = apply_reform_file(tax_benefit_system, data / "python_top_up.py")
    assert kafaalat(reformed, "2026-02", variable="bisp_kafaalat_per_quarter") == pytest.approx(15000)
    assert "bisp_kafaalat_per_quarter" not in tax_benefit_system.variables


def test_the_reform_validates_against_its_own_baseline(tax_benefit_system, rate_system):
    """A class built against a tree with ``testing`` refuses a baseline without it, before any change."""
    spec_system = apply_changes(rate_system, {"testing.rate": {"2026": 0.2}}, name="needs_testing")
    with pytest.raises(ReformFileError, match="testing.rate: no such parameter"):
        type(spec_system)(tax_benefit_system)
