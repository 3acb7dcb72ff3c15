"""Shared helpers of the reform tests: test data paths, a Kafaalat household, a parameter snapshot."""

from pathlib import Path

import pytest
from openfisca_core.parameters import ParameterNode
from openfisca_core.simulations import SimulationBuilder

from openfisca_ajk import CountryTaxBenefitSystem
from openfisca_ajk.reform_diffs.tree import index_parameters

DATA_SOURCE = Path(__file__).resolve().parent / "data"
INSTALMENT = "pakistan.bisp.kafaalat.quarterly_instalment"


def kafaalat(system, period, variable="bisp_kafaalat", pmt_score=10):
    """``variable`` for an eligible household (married woman with a CNIC, PMT score 10) in ``period``."""
    builder = SimulationBuilder()
    builder.set_default_period(period)
    simulation = builder.build_from_entities(system, {
        "persons": {"Shazia": {"sex": "female", "marital_status": "married", "has_cnic": True}},
        "households": {"household": {"heads": ["Shazia"], "pmt_score": pmt_score}},
    })
    return float(simulation.calculate(variable, period)[0])


def snapshot(parameters):
    """Every leaf's dated values, to prove a tree was not touched."""
    leaves, _ = index_parameters(parameters)
    return {path: [(at.instant_str, at.value) for at in leaf.parameter.values_list] for path, leaf in leaves.items()}


def add_testing_parameters(system):
    """Give a system of the test's own a ``testing`` node: rates (plain, up to 2, a multiple) and a scale."""
    reference = {"2020-01-01": [{"title": "Test fixture, not law", "href": "https://example.org/test-fixture"}]}
    node = ParameterNode("testing", data={
        "rate": {"description": "A rate", "metadata": {"unit": "/1", "reference": reference},
                 "values": {"2020-01-01": {"value": 0.1}}},
        "wide_rate": {"description": "A rate that may exceed one",
                      "metadata": {"unit": "/1", "max_value": 2, "reference": reference},
                      "values": {"2020-01-01": {"value": 1.2}}},
        "multiple": {"description": "A multiple of a wage, above one in the baseline itself",
                     "metadata": {"unit": "/1", "reference": reference},
                     "values": {"2020-01-01": {"value": 1.25}}},
        "scale": {"description": "A marginal rate scale",
                  "metadata": {"threshold_unit": "currency-PKR", "rate_unit": "/1", "reference": reference},
                  "brackets": [
                      {"threshold": {"2020-01-01": {"value": 0}}, "rate": {"2020-01-01": {"value": 0}}},
                      {"threshold": {"2020-01-01": {"value": 1000}}, "rate": {"2020-01-01": {"value": 0.2}}},
                  ]},
    })
    system.parameters.add_child("testing", node)
    return system


@pytest.fixture(scope="session")
def data(tmp_path_factory):
    """A folder of test reform files: ``data/X.yaml.in`` copied to ``X.yaml``.

    The sources are not named ``.yaml`` because ``openfisca test tests/`` reads every ``.yaml`` under
    ``tests/`` as a YAML test (in ``--in-parallel`` mode no conftest can exclude them).
    """
    folder = tmp_path_factory.mktemp("reform_files")
    for source in DATA_SOURCE.iterdir():
        if source.is_file() and source.suffix in (".in", ".py"):
            (folder / source.name.removesuffix(".in")).write_bytes(source.read_bytes())
    return folder


@pytest.fixture
def rate_system():
    """A fresh AJK system (not the shared session one) with the ``testing`` parameters added."""
    return add_testing_parameters(CountryTaxBenefitSystem())
