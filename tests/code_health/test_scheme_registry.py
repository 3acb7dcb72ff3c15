"""Every scheme file is valid and names variables that exist with the right entity."""

import dataclasses
from pathlib import Path

import pytest

import openfisca_ajk
from openfisca_ajk.scheme_registry import Condition, SchemeRegistryError, load_schemes, parse_scheme

SCHEMES = load_schemes()


def test_registry_is_not_empty():
    assert len(SCHEMES) >= 1


def condition_variables(conditions):
    for condition in conditions:
        yield condition.variable
        yield from condition_variables(condition.person_conditions)


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.name)
def test_scheme_variables_exist(tax_benefit_system, scheme):
    for name in (scheme.output, scheme.eligible, *(v for v in [scheme.instalment] if v)):
        assert tax_benefit_system.get_variable(name, check_existence=True).entity.key == scheme.entity
    for name in [*condition_variables(scheme.conditions), *scheme.deciding_inputs]:
        tax_benefit_system.get_variable(name, check_existence=True)
    for condition in scheme.conditions:
        variable = tax_benefit_system.get_variable(condition.variable)
        assert variable.value_type is bool


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.name)
def test_scheme_has_c102_or_r202_classification(scheme):
    assert scheme.c102_parts or scheme.r202_guarantees, f"{scheme.name} serves no C102 Part and no R202 guarantee"


def test_a_bad_scheme_file_names_file_and_field(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("name: broken\nlabel: x\n", encoding="utf-8")
    with pytest.raises(SchemeRegistryError, match="broken.yaml: field 'kind': is missing"):
        parse_scheme(bad)


def test_a_scheme_file_that_is_not_yaml_is_a_registry_error(tmp_path):
    bad = tmp_path / "garbled.yaml"
    bad.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(SchemeRegistryError, match="garbled.yaml: not valid YAML"):
        parse_scheme(bad)


def test_cash_in_kind_and_targets_come_from_the_registry():
    schemes = {scheme.name: scheme for scheme in SCHEMES}
    kafaalat, sehat, zakat_care = schemes["bisp_kafaalat"], schemes["sehat_card"], schemes["zakat_health_care"]
    assert kafaalat.is_cash and not kafaalat.is_in_kind
    assert kafaalat.is_social_assistance and not kafaalat.is_contributory
    assert schemes["ajk_civil_pension"].is_contributory and schemes["ss_old_age_pension"].is_contributory
    assert kafaalat.targets == ("bisp_kafaalat",)
    # The health card is in kind and a health insurance: not cash; a run computes its eligibility too.
    assert sehat.is_in_kind and not sehat.is_cash
    assert sehat.targets == (sehat.output, sehat.eligible)
    assert zakat_care.is_in_kind and not zakat_care.is_cash
    # A health insurance paid periodically would still not be cash.
    assert not dataclasses.replace(kafaalat, kind="health_insurance").is_cash


def test_decision_variables_list_output_eligibility_instalment_then_conditions_depth_first():
    scheme = dataclasses.replace(
        SCHEMES[0], output="out", eligible="ok", instalment="inst",
        conditions=(Condition("a", person_conditions=(Condition("a1"), Condition("a2"))), Condition("b")))
    assert scheme.decision_variables == ("out", "ok", "inst", "a", "a1", "a2", "b")


def test_no_tool_tests_periodicity_or_kind_strings_itself():
    """Cash, in kind and targets are answered by ``Scheme``; a tool comparing the strings would be a second definition."""
    package = Path(openfisca_ajk.__file__).parent
    offenders = []
    for path in package.rglob("*.py"):
        if path.name == "scheme_registry.py":
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in ('"in_kind"', "'in_kind'", '"health_insurance"', "'health_insurance'"):
            if pattern in text:
                offenders.append(f"{path.relative_to(package)}: {pattern}")
    assert offenders == []


def test_a_bad_evidence_level_names_file_and_field(tmp_path):
    with open(SCHEMES[0].source_file, encoding="utf-8") as handle:
        good = handle.read()
    bad = tmp_path / f"{SCHEMES[0].name}.yaml"
    bad.write_text(good + "evidence: {eligibility: reported, amount: rumoured}\n", encoding="utf-8")
    with pytest.raises(SchemeRegistryError, match="field 'evidence': amount 'rumoured' is not one of"):
        parse_scheme(bad)


def test_unpublished_amounts_are_marked():
    """A scheme whose amount is unknown or only announced says so; the service answers 'rule not published'."""
    from openfisca_ajk.scheme_registry import amount_published, get_scheme

    assert not amount_published(get_scheme("ajk_social_protection_allowance"))
    assert not amount_published(get_scheme("zakat_education_stipend"))
    assert amount_published(get_scheme("pbm_education_support"))
    assert amount_published(get_scheme("ajk_kashana_centre"))           # eligibility only, nothing to tell
    assert get_scheme("bisp_kafaalat").modelled_from == "2011-01-01"
    assert len([s for s in SCHEMES if not amount_published(s)]) >= 8
