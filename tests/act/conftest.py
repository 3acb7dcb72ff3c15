"""Shared fixtures: the draft act bound to its reform, and a small synthetic population (kept small for speed)."""

import pytest

from openfisca_ajk.act import assess, bind
from openfisca_ajk.population import generate_population

from ..browser import launch_or_skip

DATE = "2027-06"
DAY = "2027-06-01"
SIZE = 2000
SEED = 3
DRAFT = "draft_social_security_act"


@pytest.fixture(scope="session")
def act_population(tax_benefit_system):
    return generate_population(tax_benefit_system, 2027, seed=SEED, size=SIZE)


@pytest.fixture(scope="session")
def draft_bound():
    return bind(DRAFT, DAY)


@pytest.fixture(scope="session")
def draft_assessment(draft_bound, act_population, tax_benefit_system):
    return assess(draft_bound.spec.source, DATE, population=act_population, baseline=tax_benefit_system)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (the shared ``tests/browser.py``) for the act's pages."""
    with launch_or_skip() as launched:
        yield launched
