"""Small populations shared by the population tests (the full size is only in benchmarks/)."""

import pytest

from openfisca_ajk.population import generate_population

YEAR = 2025


@pytest.fixture(scope="session")
def small_population(tax_benefit_system):
    return generate_population(tax_benefit_system, YEAR, seed=5, size=0.002)
