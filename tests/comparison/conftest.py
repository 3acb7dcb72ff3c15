"""A small 2026 population and its baseline evaluation, shared by the comparison tests."""

import pytest

from openfisca_ajk.comparison import evaluate_baseline
from openfisca_ajk.population import generate_population

YEAR = 2026
SIZE = 0.002


@pytest.fixture(scope="session")
def population_2026(tax_benefit_system):
    return generate_population(tax_benefit_system, YEAR, seed=3, size=SIZE)


@pytest.fixture(scope="session")
def baseline_2026(tax_benefit_system, population_2026):
    return evaluate_baseline(tax_benefit_system, population_2026, str(YEAR))
