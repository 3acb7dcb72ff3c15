"""The standard OpenFisca Web API serves the AJK package (a real server process on loopback)."""

import pytest

from openfisca_ajk.system import load_situation_example
from tests.serving import openfisca_server, request

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server():
    with openfisca_server() as base:
        yield base


def test_spec_lists_the_calculate_route(server):
    status, spec = request(f"{server}/spec")
    assert status == 200
    assert "/calculate" in spec["paths"]


def test_parameter_shows_its_dated_references(server):
    status, parameter = request(f"{server}/parameter/pakistan.bisp.kafaalat.quarterly_instalment")
    assert status == 200
    assert parameter["values"]["2025-01-01"] == 13500
    references = parameter["metadata"]["reference"]
    assert "pid.gov.pk" in references["2025-01-01"][0]["href"]
    assert parameter["metadata"]["unit"] == "currency-PKR"


def test_variable_is_documented(server):
    status, variable = request(f"{server}/variable/bisp_kafaalat")
    assert status == 200
    assert variable["entity"] == "household"
    assert variable["definitionPeriod"] == "MONTH"
    assert variable["references"]


def test_calculate_the_bundled_example_household(server):
    situation = load_situation_example("kafaalat_household")
    status, result = request(f"{server}/calculate", situation)
    assert status == 200
    household = result["households"]["household_1"]
    assert household["bisp_kafaalat"]["2025-03"] == pytest.approx(4500)
    assert household["bisp_kafaalat_eligible"]["2025-03"] is True


def test_a_misspelt_variable_is_a_structured_404(server):
    situation = load_situation_example("kafaalat_household")
    situation["households"]["household_1"]["bisp_kafalat"] = {"2025-03": None}
    status, result = request(f"{server}/calculate", situation)
    assert status == 404
    assert "bisp_kafalat" in str(result)
