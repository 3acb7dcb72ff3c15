"""One catalogue built per test session, shared by the catalogue tests."""

import pytest

from openfisca_ajk.catalogue import build_catalogue
from openfisca_ajk.scheme_registry import load_schemes


@pytest.fixture(scope="session")
def schemes():
    return load_schemes()


@pytest.fixture(scope="session")
def catalogue(tmp_path_factory, tax_benefit_system, schemes):
    output = tmp_path_factory.mktemp("catalogue")
    result = build_catalogue(output, tax_benefit_system=tax_benefit_system, schemes=schemes)
    print(f"\ncatalogue: {result.pages} pages, {len(result.files)} files in {result.seconds:.2f} s")
    return result
