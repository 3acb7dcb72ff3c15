"""The public contract (../shared/spec/contract.md): names callers rely on exist as declared."""

from datetime import date

import pytest
from openfisca_core.indexed_enums import Enum

CONTRACT_ROLES = {"head": "heads", "spouse": "spouses", "child": "children", "other": "others"}

PERSON_INPUTS = {
    "date_of_birth": (date, "eternity"),
    "age": (int, "month"),
    "sex": (Enum, None),
    "marital_status": (Enum, None),
    "has_cnic": (bool, None),
    "has_disability": (bool, "month"),
    "employment_status": (Enum, "month"),
    "industry_sector": (Enum, "month"),
    "is_public_servant": (bool, "month"),
    "monthly_wage": (float, "month"),
    "self_employment_income": (float, "month"),
    "establishment_size": (int, "month"),
    "school_level": (Enum, "month"),
    "school_attendance_rate": (float, "month"),
    "is_pregnant": (bool, "month"),
}
HOUSEHOLD_INPUTS = {
    "district": (Enum, "eternity"),
    "is_urban": (bool, "eternity"),
    "pmt_score": (float, "month"),
    "household_weight": (float, "year"),
}
ENUM_VALUES = {
    "sex": {"female", "male", "transgender"},
    "marital_status": {"never_married", "married", "widowed", "divorced"},
    "employment_status": {"employee", "own_account_worker", "contributing_family_worker", "employer",
                          "unemployed", "not_in_labour_force"},
    "industry_sector": {"agriculture", "manufacturing", "construction", "wholesale_retail_trade",
                        "transport_storage_communication", "community_social_personal_services", "other"},
    "school_level": {"none", "primary", "secondary", "higher_secondary", "tertiary"},
    "district": {"muzaffarabad", "hattian_bala", "neelum", "bagh", "haveli", "poonch", "sudhnoti", "kotli",
                 "mirpur", "bhimber"},
}
TODAY_SCHEMES = {
    "bisp_kafaalat": "household",
    "bisp_taleemi_wazaif": "person",
    "bisp_nashonuma": "person",
    "pbm_child_support": "household",
    "zakat_guzara_allowance": "household",
}
TOTALS = ("social_assistance_total", "social_insurance_benefits_total", "disposable_income")


def test_entities_and_roles(tax_benefit_system):
    entities = {e.key: e for e in tax_benefit_system.entities}
    assert entities["person"].plural == "persons" and entities["person"].is_person
    household = entities["household"]
    assert household.plural == "households"
    roles = {role.key: role for role in household.roles}
    assert {k: r.plural for k, r in roles.items()} == CONTRACT_ROLES
    assert roles["head"].max == 1


@pytest.mark.parametrize(("name", "entity", "spec"),
                         [(n, "person", s) for n, s in PERSON_INPUTS.items()]
                         + [(n, "household", s) for n, s in HOUSEHOLD_INPUTS.items()])
def test_core_inputs(tax_benefit_system, name, entity, spec):
    variable = tax_benefit_system.get_variable(name, check_existence=True)
    value_type, period = spec
    assert variable.entity.key == entity
    assert variable.value_type is value_type
    if period:
        assert variable.definition_period == period
    if name in ENUM_VALUES:
        assert {item.name for item in variable.possible_values} == ENUM_VALUES[name]


@pytest.mark.parametrize(("name", "entity"), TODAY_SCHEMES.items())
def test_scheme_outputs(tax_benefit_system, name, entity):
    amount = tax_benefit_system.get_variable(name, check_existence=True)
    eligible = tax_benefit_system.get_variable(f"{name}_eligible", check_existence=True)
    assert amount.entity.key == entity and eligible.entity.key == entity
    assert amount.value_type is float and amount.unit == "currency-PKR"
    assert eligible.value_type is bool
    assert amount.definition_period == eligible.definition_period == "month"


@pytest.mark.parametrize("name", TOTALS)
def test_household_totals(tax_benefit_system, name):
    variable = tax_benefit_system.get_variable(name, check_existence=True)
    assert variable.entity.key == "household" and variable.definition_period == "month"
    assert variable.value_type is float
