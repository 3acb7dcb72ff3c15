"""The bundled examples answer for any month: single-month inputs hold in the month asked."""

import pytest
from openfisca_core.simulations import SimulationBuilder

from openfisca_ajk.engine.law import apply_reform_file
from openfisca_ajk.situation_periods import for_period
from openfisca_ajk.system import load_situation_example


def _calculate(system, situation, variable, month):
    return SimulationBuilder().build_from_entities(system, situation).calculate(variable, month)


def test_a_widow_keeps_her_benefits_in_march_2026(tax_benefit_system):
    situation, moved = for_period(load_situation_example("widow_with_schoolchildren"), "2026-03")
    assert "has_cnic" in moved and "pmt_score" in moved
    # Kafaalat: Rs 13,500 a quarter, one third a month
    assert _calculate(tax_benefit_system, situation, "bisp_kafaalat", "2026-03")[0] == pytest.approx(4500, abs=0.01)


def test_the_readme_reform_compute_in_february_2026(tax_benefit_system):
    situation, _ = for_period(load_situation_example("kafaalat_household"), "2026-02")
    reformed = apply_reform_file(tax_benefit_system, "kafaalat_14500")
    # Rs 14,500 a quarter from January 2026: 14,500 / 3 a month
    assert _calculate(reformed, situation, "bisp_kafaalat", "2026-02")[0] == pytest.approx(14500 / 3, abs=0.01)


def test_inputs_dated_for_several_months_are_kept():
    situation = {"persons": {"A": {"monthly_wage": {"2025-01": 10, "2025-02": 20}, "has_cnic": {"2025-03": True}}}}
    moved_situation, moved = for_period(situation, "2026-05")
    assert moved == ["has_cnic"]
    assert moved_situation["persons"]["A"]["monthly_wage"] == {"2025-01": 10, "2025-02": 20}
    assert moved_situation["persons"]["A"]["has_cnic"] == {"2026-05": True}
    assert situation["persons"]["A"]["has_cnic"] == {"2025-03": True}    # the caller's copy is untouched
