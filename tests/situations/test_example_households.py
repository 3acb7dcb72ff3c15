"""End-to-end: the bundled example households, every scheme at once, checked by hand from the law.

March 2025 rates: Kafaalat Rs 13,500 a quarter; Taleemi Wazaif (from January 2024) primary girl 2,500,
secondary girl 3,500 a quarter; Nashonuma (2024) pregnant woman 2,500, girl 3,000, plus Rs 500 travel a
quarter; PBM child support Rs 600 for 2+ children; Orphans and Widows Rs 10,000 for 2+ children; zakat
guzara Rs 3,000 a year from June 2022; the SPP allowance Rs 20,000 a year (assumed rate).
"""

import pytest
from openfisca_core.simulations import SimulationBuilder

from openfisca_ajk.system import load_situation_example

PERIOD = "2025-03"


def compute(tax_benefit_system, example, variables):
    simulation = SimulationBuilder().build_from_entities(tax_benefit_system, load_situation_example(example))
    return {name: simulation.calculate(name, PERIOD).tolist() for name in variables}


def test_widow_with_schoolchildren(tax_benefit_system):
    result = compute(tax_benefit_system, "widow_with_schoolchildren",
                     ["bisp_kafaalat", "bisp_taleemi_wazaif", "pbm_child_support", "pbm_orphans_widows_support",
                      "zakat_guzara_allowance", "ajk_social_protection_allowance", "social_assistance_total"])
    assert result["bisp_kafaalat"] == pytest.approx([13500 / 3])
    # Hina secondary girl 3,500/3; Asma primary girl 2,500/3; Usman attends 60 % < 70 %: nothing.
    assert result["bisp_taleemi_wazaif"] == pytest.approx([0, 3500 / 3, 2500 / 3, 0])
    assert result["pbm_child_support"] == pytest.approx([600])
    assert result["pbm_orphans_widows_support"] == pytest.approx([10000])
    assert result["zakat_guzara_allowance"] == pytest.approx([3000 / 12])
    # In the Kafaalat already: not in the AJK programme's target population.
    assert result["ajk_social_protection_allowance"] == pytest.approx([0, 0, 0, 0])
    expected_total = 13500 / 3 + 3500 / 3 + 2500 / 3 + 600 + 10000 + 250
    assert result["social_assistance_total"] == pytest.approx([expected_total], abs=0.05)


def test_young_family_with_pregnant_mother_and_infant(tax_benefit_system):
    result = compute(tax_benefit_system, "young_family_nashonuma",
                     ["bisp_kafaalat", "bisp_nashonuma", "disposable_income"])
    assert result["bisp_kafaalat"] == pytest.approx([4500])
    # Order of persons: Rukhsana (pregnant), Tariq, Zainab (girl, 9 months).
    assert result["bisp_nashonuma"] == pytest.approx([(2500 + 500) / 3, 0, (3000 + 500) / 3])
    assert result["disposable_income"] == pytest.approx([30000 + 4500 + 1000 + 3500 / 3], abs=0.05)


def test_retired_public_servant_pension_with_increases(tax_benefit_system):
    result = compute(tax_benefit_system, "retired_public_servant", ["ajk_civil_pension", "bisp_kafaalat"])
    # 60,000 × 30 (capped from 32) × 7/300 = 42,000; +15 % (July 2022) and +17.5 % (July 2023).
    assert result["ajk_civil_pension"] == pytest.approx([42000 * 1.15 * 1.175, 0], abs=0.05)
    assert result["bisp_kafaalat"] == [0]


def test_elderly_widower_alone(tax_benefit_system):
    result = compute(tax_benefit_system, "elderly_widower_alone",
                     ["ajk_social_protection_allowance", "ajk_social_protection_allowance_eligible",
                      "zakat_guzara_allowance", "bisp_kafaalat"])
    assert result["ajk_social_protection_allowance"] == [0]     # no SPP payment found: the baseline pays none
    assert result["ajk_social_protection_allowance_eligible"] == [True]
    assert result["zakat_guzara_allowance"] == pytest.approx([250])
    assert result["bisp_kafaalat"] == [0]
