"""Shared fixtures of the pytest layer.

Slow tests (a wheel built and installed in a fresh virtual environment, a real
web server) are marked ``slow``; the README's test command runs them, a bare
``openfisca test`` or ``pytest`` run skips them unless ``AJK_RUN_SLOW=1``.
"""

import os

import pytest

from openfisca_ajk.engine.law import law


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: builds a wheel or starts a server (run with AJK_RUN_SLOW=1)")


def pytest_collection_modifyitems(config, items):
    if os.environ.get("AJK_RUN_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow test: set AJK_RUN_SLOW=1 (the README's test command does)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def tax_benefit_system():
    """Today's law, as every tool gets it (``engine.law``: built once per process, never changed)."""
    return law()
