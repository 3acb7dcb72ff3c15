"""evaluate(): every registered scheme with status, amount, reasons and references; missing is not zero."""

import pytest

from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.service import evaluate
from openfisca_ajk.system import load_situation_example
from tests.service.helpers import example, scheme, without

STATUSES = {"eligible", "not_eligible", "undetermined"}


@pytest.fixture(scope="module")
def result():
    return evaluate(example(), include="all")


def test_every_registered_scheme_has_a_status_amount_and_reasons(result):
    assert [s["scheme"] for s in result["schemes"]] == [s.name for s in load_schemes()]
    for item in result["schemes"]:
        assert item["status"] in STATUSES
        assert item["legal_instrument"]["href"]
        assert item["conditions"], item["scheme"]
        for condition in item["conditions"]:
            assert condition["label"] and condition["reference"]
            states = [condition["status"]] if "status" in condition else list(condition["persons"].values())
            assert set(states) <= {"met", "unmet", "unknown", "not_assessed"}
            if "not_assessed" in states:                 # a closed scheme (see test_closed_schemes.py)
                assert condition["reason"].startswith("the scheme is not in force / closed this month: ")
        if item["status"] != "undetermined":
            assert isinstance(item["monthly_amount"], float)


def test_the_example_household_receives_the_kafaalat(result):
    kafaalat = scheme(result, "bisp_kafaalat")
    assert kafaalat["status"] == "eligible"
    assert kafaalat["monthly_amount"] == pytest.approx(4500)
    assert kafaalat["instalment"] == pytest.approx(13500)
    assert kafaalat["inputs_needed"] == []
    recipient = next(c for c in kafaalat["conditions"] if c["variable"] == "bisp_kafaalat_has_qualifying_recipient")
    assert recipient["status"] == "met"
    cnic = next(c for c in recipient["person_conditions"] if c["variable"] == "has_cnic")
    assert cnic["persons"]["shazia"] == "met"
    excluded = next(c for c in recipient["person_conditions"] if c["variable"] == "bisp_kafaalat_excluded")
    assert excluded["negate"] is True and excluded["persons"]["shazia"] == "met"
    instalment = next(p for p in kafaalat["parameters"] if p["parameter"] == "pakistan.bisp.kafaalat.quarterly_instalment")
    assert instalment["value"] == 13500 and instalment["effective_from"] == "2025-01-01"
    assert "pid.gov.pk" in instalment["reference"][0]["href"]


def test_the_example_children_receive_the_education_stipend(result):
    stipend = scheme(result, "bisp_taleemi_wazaif")
    assert stipend["status"] == "eligible"
    assert {b["id"] for b in stipend["beneficiaries"]} == {"ayesha", "bilal"}


def test_without_the_pmt_score_the_kafaalat_is_undetermined_and_names_it():
    kafaalat = scheme(evaluate(without(example(), "household", "pmt_score")), "bisp_kafaalat")
    assert kafaalat["status"] == "undetermined"
    assert kafaalat["monthly_amount"] is None
    assert [n["field"] for n in kafaalat["inputs_needed"]] == ["household.pmt_score"]
    pmt = next(c for c in kafaalat["conditions"] if c["variable"] == "bisp_kafaalat_pmt_condition")
    assert pmt["status"] == "unknown"


def test_without_a_mans_cnic_the_kafaalat_is_still_determined():
    kafaalat = scheme(evaluate(without(example(), "imran", "has_cnic")), "bisp_kafaalat")
    assert kafaalat["status"] == "eligible"
    assert kafaalat["monthly_amount"] == pytest.approx(4500)
    assert kafaalat["inputs_needed"] == []
    assert "persons[0].has_cnic" in kafaalat["variation"]["inputs_varied"]


def test_without_the_recipients_cnic_the_kafaalat_is_undetermined():
    kafaalat = scheme(evaluate(without(example(), "shazia", "has_cnic")), "bisp_kafaalat")
    assert kafaalat["status"] == "undetermined"
    assert "persons[1].has_cnic" in [n["field"] for n in kafaalat["inputs_needed"]]


def test_a_missing_input_that_does_not_decide_leaves_a_not_eligible_scheme_determined():
    application = example()
    application["household"]["pmt_score"] = 90
    kafaalat = scheme(evaluate(without(application, "shazia", "has_cnic")), "bisp_kafaalat")
    assert kafaalat["status"] == "not_eligible" and kafaalat["monthly_amount"] == 0


def test_the_same_application_gives_the_same_result():
    assert evaluate(example()) == evaluate(example())


def test_a_situation_gives_the_same_result_as_the_flat_form():
    situation = load_situation_example("kafaalat_household")
    situation["date"] = "2025-03"
    flat = {"date": "2025-03", "household": {"id": "household_1", "district": "bagh", "is_urban": False, "pmt_score": 21.5},
            "persons": [
                {"id": "Shazia", "role": "spouse", "date_of_birth": "1988-04-12", "sex": "female", "marital_status": "married", "has_cnic": True},
                {"id": "Imran", "role": "head", "date_of_birth": "1984-09-01", "sex": "male", "marital_status": "married", "has_cnic": True,
                 "employment_status": "own_account_worker", "self_employment_income": 18000},
                {"id": "Ayesha", "role": "child", "date_of_birth": "2015-02-10", "sex": "female", "school_level": "primary", "school_attendance_rate": 0.85},
                {"id": "Bilal", "role": "child", "date_of_birth": "2012-06-20", "sex": "male", "school_level": "secondary", "school_attendance_rate": 0.9}]}
    from_situation, from_flat = evaluate(situation), evaluate(flat)
    assert from_situation["schemes"] == from_flat["schemes"]
    assert scheme(from_flat, "bisp_kafaalat")["status"] == "undetermined"     # exclusion filters not given


def test_a_reform_is_applied_by_name():
    pytest.importorskip("openfisca_ajk.reform_diffs")
    application = dict(example(), date="2026-03")
    baseline = scheme(evaluate(application), "bisp_kafaalat")
    reformed = scheme(evaluate(application, reform="kafaalat_14500"), "bisp_kafaalat")
    assert baseline["instalment"] == pytest.approx(13500)
    assert reformed["instalment"] == pytest.approx(14500)
