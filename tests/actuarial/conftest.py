"""Shared fixtures: the draft act's system and a small population of its first year."""

import pytest

from openfisca_ajk.engine.law import apply_reform_file
from openfisca_ajk.population import generate_population

START = 2027


@pytest.fixture(scope="package")
def draft(tax_benefit_system):
    return apply_reform_file(tax_benefit_system, "draft_social_security_act")


@pytest.fixture(scope="package")
def population(tax_benefit_system):
    return generate_population(tax_benefit_system, START, seed=3, size=0.001)
