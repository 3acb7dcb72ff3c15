"""The engine: ``law`` builds each law once and never touches today's law; ``run_population`` runs any subset of
schemes and collects extra variables with the same arithmetic as a full run."""

import numpy
import pytest

from openfisca_ajk.engine import law, run_population
from openfisca_ajk.engine.law import CACHED_REFORMS
from openfisca_ajk.population import generate_population
from openfisca_ajk.reform_diffs import ReformFileError
from openfisca_ajk.scheme_registry import load_schemes

INSTALMENT = "pakistan.bisp.kafaalat.quarterly_instalment"
KAFAALAT_FILE = """name: my_kafaalat
label: Kafaalat at Rs 15,000
description: A test draft.
legal_basis:
  - title: Test
    href: https://example.org
parameters:
  pakistan.bisp.kafaalat.quarterly_instalment:
    2026-01-01: {amount}
"""


def instalment(system, instant="2026-02-01"):
    return float(system.parameters(instant).pakistan.bisp.kafaalat.quarterly_instalment)


def test_today_s_law_is_built_once_and_a_system_given_is_returned_as_it_is():
    assert law() is law() is law("baseline") is law("")
    assert law(law()) is law()
    assert instalment(law()) == 13_500   # Rs 13,500 a quarter from January 2025 (PID), kept in 2026 by the baseline


def test_a_named_reform_is_built_once_and_leaves_today_s_law_alone():
    reformed = law("kafaalat_14500")
    assert law("kafaalat_14500") is reformed
    assert instalment(reformed) == 14_500
    assert instalment(law()) == 13_500
    assert instalment(reformed, "2025-12-01") == 13_500   # the reform starts in January 2026


def test_a_diff_is_validated_whole_and_a_wrong_one_builds_nothing():
    reformed = law({INSTALMENT: {"2026-01-01": 16_000}})
    assert instalment(reformed) == 16_000
    assert law({INSTALMENT: {"2026-01-01": 16_000}}) is reformed
    with pytest.raises(ReformFileError, match="quartely_instalment"):
        law({"pakistan.bisp.kafaalat.quartely_instalment": {"2026-01-01": 16_000}})
    assert instalment(law()) == 13_500


def test_a_reform_file_is_read_again_when_it_changes(tmp_path):
    path = tmp_path / "my_kafaalat.yaml"
    path.write_text(KAFAALAT_FILE.format(amount=15_000), encoding="utf-8")
    first = law(str(path))
    assert instalment(first) == 15_000
    assert law(path) is first
    path.write_text(KAFAALAT_FILE.format(amount=15_500), encoding="utf-8")
    assert instalment(law(path)) == 15_500


def test_anything_else_is_refused_with_what_may_be_given():
    with pytest.raises(TypeError, match="reform name or file, a diff"):
        law(42)
    assert CACHED_REFORMS >= 8


@pytest.fixture(scope="module")
def population(tax_benefit_system):
    return generate_population(tax_benefit_system, 2026, seed=11, size=0.001)


def test_a_subset_of_schemes_gives_the_full_run_s_arrays(tax_benefit_system, population):
    full = run_population(tax_benefit_system, population, "2026")
    subset = [scheme for scheme in load_schemes() if scheme.name in ("bisp_kafaalat", "zakat_guzara_allowance")]
    part = run_population(tax_benefit_system, population, "2026", schemes=subset)
    assert sorted(part.schemes) == ["bisp_kafaalat", "zakat_guzara_allowance"]
    for name in part.schemes:
        numpy.testing.assert_array_equal(part.schemes[name].amount, full.schemes[name].amount)
        numpy.testing.assert_array_equal(part.schemes[name].months_received, full.schemes[name].months_received)
    assert full.schemes["bisp_kafaalat"].amount.sum() > 0


def test_extras_are_summed_over_the_months_or_taken_at_the_last_month(tax_benefit_system, population):
    year = run_population(tax_benefit_system, population, "2026", schemes=(),
                          extras=("zakat_guzara_allowance", "is_zakat_mustahiq", "sex"))
    months = [run_population(tax_benefit_system, population, f"2026-{month:02d}", schemes=(),
                             extras=("zakat_guzara_allowance",)).extras["zakat_guzara_allowance"] for month in range(1, 13)]
    guzara = year.extras["zakat_guzara_allowance"]
    assert guzara.shape == (population.n_households,)
    numpy.testing.assert_allclose(guzara, numpy.sum(months, axis=0), rtol=1e-12)
    assert guzara.sum() > 0
    assert set(numpy.unique(year.extras["is_zakat_mustahiq"])) <= {0.0, 12.0}
    assert set(year.extras["sex"]) == {"female", "male"}
    assert year.schemes == {}


def test_an_unknown_extra_is_named():
    with pytest.raises(ValueError, match="extra variable 'no_such_variable'"):
        run_population(law(), None, "2026", schemes=(), extras=("no_such_variable",))
