"""Shared fixtures: a small synthetic population and the draft act's system (kept small for speed)."""

import pytest

from openfisca_ajk.compliance import assess_c102
from openfisca_ajk.population import generate_population
from openfisca_ajk.engine.law import apply_reform_file

DATE = "2027-06"
SIZE = 2000
SEED = 3


@pytest.fixture(scope="session")
def population(tax_benefit_system):
    return generate_population(tax_benefit_system, 2027, seed=SEED, size=SIZE)


@pytest.fixture(scope="session")
def draft_system(tax_benefit_system):
    return apply_reform_file(tax_benefit_system, "draft_social_security_act")


@pytest.fixture(scope="session")
def draft_result(draft_system, population):
    return assess_c102(draft_system, DATE, population=population)


@pytest.fixture(scope="session")
def today_result(tax_benefit_system, population):
    return assess_c102(None, DATE, population=population)
