"""The age comes from either input; with neither, the library raises an error naming both."""

import numpy
import pytest
from openfisca_core.periods import period as make_period
from openfisca_core.simulations import SimulationBuilder

from openfisca_ajk.tools.dates import MissingAgeInputError, latest_birth_dates


def simulate(tax_benefit_system, person):
    situation = {"persons": {"p": person}, "households": {"h": {"heads": ["p"]}}}
    return SimulationBuilder().build_from_entities(tax_benefit_system, situation)


def test_neither_date_of_birth_nor_age_is_a_clear_error(tax_benefit_system):
    simulation = simulate(tax_benefit_system, {"sex": {"ETERNITY": "male"}})
    with pytest.raises(MissingAgeInputError, match="neither 'date_of_birth' nor 'age' is given"):
        simulation.calculate("ajk_social_protection_allowance_eligible", "2025-03")


def test_age_from_the_date_of_birth_and_the_date_of_birth_from_the_age(tax_benefit_system):
    by_birth = simulate(tax_benefit_system, {"date_of_birth": {"ETERNITY": "1960-03-02"}})
    assert by_birth.calculate("age", "2025-03").tolist() == [64]
    by_age = simulate(tax_benefit_system, {"age": {"2025-03": 1}})
    assert by_age.calculate("bisp_nashonuma_child_age_in_months", "2025-03").tolist() == [12]
    assert by_age.calculate("bisp_nashonuma_child_age_in_months", "2025-06").tolist() == [15]


def test_latest_birth_dates_give_back_the_age():
    instant = make_period("2025-03").start
    births = latest_birth_dates(numpy.array([0, 1, 65]), instant)
    assert births.astype(str).tolist() == ["2025-03-01", "2024-03-01", "1960-03-01"]
