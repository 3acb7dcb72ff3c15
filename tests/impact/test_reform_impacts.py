"""Each library reform's headline impacts stay where tests/impact/reform_impacts.yaml.in records them."""

import copy
from pathlib import Path

import pytest
import yaml

from openfisca_ajk.comparison.regression import FIGURES, check, measure
from openfisca_ajk.reform_diffs import list_reforms

FILE = Path(__file__).with_name("reform_impacts.yaml.in")
LIBRARY = {"kafaalat_14500", "universal_old_age_pension", "child_benefit_0_5", "disability_benefit",
           "draft_social_security_act", "eobi_pattern"}


@pytest.fixture(scope="module")
def document():
    return yaml.safe_load(FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def measured(tax_benefit_system, document):
    return measure(tax_benefit_system, document)


def test_every_library_reform_has_an_entry_with_every_figure(document):
    assert set(document["reforms"]) == LIBRARY
    assert LIBRARY <= set(list_reforms())
    for name, entry in document["reforms"].items():
        assert set(FIGURES) <= set(entry), name
    assert float(document["population"]["size"]) <= 0.005    # small: the test runs in seconds


def test_impacts_match_the_regression_file(document, measured):
    problems = check(document, measured)
    assert not problems, "impacts moved (regenerate the file if the change is intended):\n" + "\n".join(problems)


@pytest.mark.parametrize("figure", ["net_cost_pkr", "poverty_headcount_change_pp", "persons_lifted_out"])
def test_the_check_fails_when_an_impact_moves_beyond_the_tolerance(document, measured, figure):
    tolerance = document["tolerance"]
    moved = copy.deepcopy(measured)
    value = moved["universal_old_age_pension"][figure]
    if figure.endswith("_pp"):
        step = 2 * float(tolerance["absolute_pp"])
    else:
        step = 2 * max(float(tolerance["absolute_pkr"] if figure.endswith("_pkr") else tolerance["absolute_persons"]),
                       float(tolerance["relative"]) * abs(value))
    moved["universal_old_age_pension"][figure] = value + step
    problems = check(document, moved)
    assert len(problems) == 1 and "universal_old_age_pension" in problems[0] and figure in problems[0]
    within = copy.deepcopy(measured)
    within["universal_old_age_pension"][figure] = value + step / 4
    assert check(document, within) == []
