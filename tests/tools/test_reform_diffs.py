"""Validation of reform files: every problem found before anything is applied, each naming its path."""

import pytest

from openfisca_ajk.reform_diffs import ReformFileError, load_reform_file, parse_period_key, spec_from_diff
from openfisca_ajk.reform_diffs.tree import index_parameters, value_problem

from .helpers import INSTALMENT, data, rate_system  # noqa: F401 (fixture)


def problems_of(data, name, tax_benefit_system):
    with pytest.raises(ReformFileError) as caught:
        load_reform_file(data / f"{name}.yaml", tax_benefit_system)
    return caught.value.problems, str(caught.value)


def test_the_kafaalat_reform_file_is_valid(tax_benefit_system):
    spec = load_reform_file("kafaalat_14500", tax_benefit_system)
    assert spec.name == "kafaalat_14500"
    assert spec.legal_basis[0]["href"].startswith("https://")
    assert [tuple(change) for change in spec.changes] == [(INSTALMENT, parse_period_key("2026-01-01")[0], None, 14500)]


def test_misspelt_path_is_named_with_a_near_match(tax_benefit_system, data):
    problems, message = problems_of(data, "misspelt_path", tax_benefit_system)
    assert len(problems) == 1
    assert "pakistan.bisp.kafaalat.quartely_instalment: no such parameter" in problems[0]
    assert f"did you mean {INSTALMENT}" in problems[0]
    assert str(data / "misspelt_path.yaml") in message


def test_error_is_a_value_error(tax_benefit_system, data):
    with pytest.raises(ValueError, match="quartely_instalment"):
        load_reform_file(data / "misspelt_path.yaml", tax_benefit_system)


def test_overlapping_periods_name_the_path_and_both_keys(tax_benefit_system, data):
    problems, _ = problems_of(data, "overlapping_periods", tax_benefit_system)
    assert problems == [f"{INSTALMENT}: periods 2025-07-01 and 2026-01-01.2026-12-31 overlap; give each day one value"]


def test_wrong_types_and_negative_amount_are_all_reported(tax_benefit_system, data):
    problems, _ = problems_of(data, "wrong_types", tax_benefit_system)
    assert len(problems) == 4
    text = "\n".join(problems)
    assert f"{INSTALMENT} 2026-01-01: expects a number (unit currency-PKR), got the text '14500'" in text
    assert "pakistan.bisp.kafaalat.transgender_recipients 2026-01-01: is a yes/no parameter" in text
    assert "phone_bill_threshold 2026-01-01: -1 is below the minimum 0" in text
    assert "pakistan.bisp.kafaalat.pmt_cutoff 2026-01-01: expects a number (unit score), got True" in text


def test_header_problems_are_collected_together(tax_benefit_system, data):
    problems, _ = problems_of(data, "bad_header", tax_benefit_system)
    text = "\n".join(problems)
    assert "unknown top-level key(s) status" in text
    assert "description: required" in text
    assert "name: 'not_the_file_name' must equal the file name without extension, 'bad_header'" in text
    assert "label: must be non-empty text" in text
    assert "legal_basis entry 1: href is required" in text
    assert "'2026-13-01' is not a calendar date" in text
    assert "ends (2026-01-01) before it starts (2027-01-01)" in text
    assert len(problems) == 7


def test_duplicate_yaml_keys_are_refused(tax_benefit_system, data):
    problems, _ = problems_of(data, "duplicate_keys", tax_benefit_system)
    assert problems == [f"key {INSTALMENT} is written twice (line 10)"]


def test_a_node_path_is_refused(tax_benefit_system, data):
    problems, _ = problems_of(data, "node_path", tax_benefit_system)
    assert problems[0].startswith("pakistan.bisp.kafaalat: names a parameter node, not a single parameter")


@pytest.mark.parametrize(("key", "expected"), [
    ("2026-01-01", ("2026-01-01", None)),
    ("2026-03", ("2026-03-01", None)),
    (2026, ("2026-01-01", None)),
    ("2026-01-01.2026-06-30", ("2026-01-01", "2026-06-30")),
    ("2027.2030", ("2027-01-01", "2030-12-31")),
    ("2026-02.2026-02", ("2026-02-01", "2026-02-28")),
])
def test_period_keys(key, expected):
    start, stop = parse_period_key(key)
    assert (start.isoformat(), stop.isoformat() if stop else None) == expected


@pytest.mark.parametrize("key", ["2026-02-30", "26-01-01", "2026-01-01.2025-01-01", "2026.2027.2028", "soon"])
def test_bad_period_keys(key):
    with pytest.raises(ValueError):
        parse_period_key(key)


def test_percentage_given_for_a_rate(rate_system):
    with pytest.raises(ReformFileError) as caught:
        spec_from_diff({"testing.rate": {"2026-01-01": 15}}, rate_system.parameters)
    assert caught.value.problems == [
        "testing.rate 2026-01-01: 15 looks like a percentage; rates are fractions (write 0.15 for 15 %)",
    ]


def test_rate_above_one_allowed_when_metadata_says_so(rate_system):
    spec = spec_from_diff({"testing.wide_rate": {"2026-01-01": 1.5}}, rate_system.parameters)
    assert spec.changes[0].value == 1.5
    with pytest.raises(ReformFileError, match="above the maximum 2"):
        spec_from_diff({"testing.wide_rate": {"2026-01-01": 2.5}}, rate_system.parameters)


def test_a_rate_parameter_already_above_one_takes_values_above_one(rate_system):
    spec = spec_from_diff({"testing.multiple": {"2026-01-01": 1.5}}, rate_system.parameters)
    assert spec.changes[0].value == 1.5
    with pytest.raises(ReformFileError, match="testing.multiple 2026-01-01: -1 is below the minimum 0"):
        spec_from_diff({"testing.multiple": {"2026-01-01": -1}}, rate_system.parameters)


def test_negative_rate_refused(rate_system):
    with pytest.raises(ReformFileError, match="testing.rate 2026-01-01: -0.1 is below the minimum 0"):
        spec_from_diff({"testing.rate": {"2026-01-01": -0.1}}, rate_system.parameters)


def test_scale_bracket_paths(rate_system):
    spec = spec_from_diff({"testing.scale[1].rate": {"2026": 0.3}, "testing.scale[1].threshold": {"2026": 2000}},
                          rate_system.parameters)
    assert len(spec.changes) == 2
    with pytest.raises(ReformFileError) as caught:
        spec_from_diff({"testing.scale[1].rat": {"2026": 0.3}, "testing.scale[0].rate": {"2026": 30}},
                       rate_system.parameters)
    text = "\n".join(caught.value.problems)
    assert "testing.scale[1].rat: no such parameter in the baseline; did you mean testing.scale[1].rate" in text
    assert "testing.scale[0].rate 2026-01-01: 30 looks like a percentage" in text


def test_every_baseline_value_would_be_accepted_as_a_change(tax_benefit_system):
    """The type and range checks never refuse a value the law itself already takes."""
    leaves, _ = index_parameters(tax_benefit_system.parameters)
    refused = [(path, at.instant_str, value_problem(leaf, at.value))
               for path, leaf in leaves.items() for at in leaf.parameter.values_list
               if at.value is not None and value_problem(leaf, at.value)]
    assert refused == []
