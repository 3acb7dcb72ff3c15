"""What the service asks (only inputs that can change that person's answer) and the reason it gives per scheme."""

import pytest

from openfisca_ajk.service import evaluate, evaluate_batch
from tests.service.helpers import example, scheme


def family(**head):
    """A poor household (PMT 20) of a head, his wife and their children of 8 (a boy) and 1 (a girl);
    pregnancy, public service and CNIC are not given for anyone."""
    persons = [dict({"id": "head", "role": "head", "sex": "male", "age": 40, "marital_status": "married"}, **head),
               {"id": "wife", "role": "spouse", "sex": "female", "age": 30, "marital_status": "married"},
               {"id": "boy", "role": "child", "sex": "male", "age": 8},
               {"id": "girl", "role": "child", "sex": "female", "date_of_birth": "2024-01-15"}]
    return {"date": "2025-03", "household": {"pmt_score": 20, "district": "bagh"}, "persons": persons}


def asked(result, variable):
    return sorted({item["person"] for s in result["schemes"] for item in s["inputs_needed"] if item["variable"] == variable})


def test_no_pregnancy_question_for_a_man_a_boy_or_a_young_girl():
    result = evaluate(family())
    assert asked(result, "is_pregnant") == ["wife"]
    nashonuma = scheme(result, "bisp_nashonuma")
    assert nashonuma["status"] == "undetermined"      # the wife's pregnancy still decides it


def test_a_person_of_unknown_sex_is_asked():
    result = evaluate(family(sex=None))
    assert asked(result, "is_pregnant") == ["head", "wife"]


def test_no_public_servant_or_cnic_question_for_a_child():
    result = evaluate(family())
    assert set(asked(result, "is_public_servant")) <= {"head", "wife"} and asked(result, "is_public_servant")
    assert "boy" not in asked(result, "has_cnic") and "girl" not in asked(result, "has_cnic")


def test_batches_ask_the_same_as_single_calls():
    applications = [family(), family(sex=None), example()]
    for raw, result in zip(applications, evaluate_batch(applications, "2025-03")):
        single = evaluate_batch([raw], "2025-03")[0]
        assert result == single
        assert [s["inputs_needed"] for s in result["schemes"]] == [s["inputs_needed"] for s in evaluate(raw)["schemes"]]


def test_the_reason_of_a_score_above_the_cut_off_names_both():
    application = example()
    application["household"]["pmt_score"] = 40
    kafaalat = scheme(evaluate(application), "bisp_kafaalat")
    assert kafaalat["status"] == "not_eligible"
    assert kafaalat["reason"].startswith("not met: Kafaalat: the household's PMT score is within the cut-off (")
    assert "NSER proxy-means-test score (0 to 100) 40;" in kafaalat["reason"]
    assert "Kafaalat PMT cut-off 32" in kafaalat["reason"]        # parameters/pakistan/bisp/kafaalat/pmt_cutoff.yaml, 2020


def test_reasons_of_eligible_undetermined_and_closed_schemes():
    result = evaluate(example(), include="all")
    assert scheme(result, "bisp_kafaalat")["reason"] == "every condition is met"
    assert scheme(result, "ss_old_age_pension")["reason"] == "not in force this month: Old-age benefit: the branch is in force"
    application = example()
    del application["household"]["pmt_score"]
    kafaalat = scheme(evaluate(application), "bisp_kafaalat")
    assert kafaalat["reason"] == "depends on inputs not given: NSER proxy-means-test score (0 to 100) (household)"


def test_a_not_eligible_reason_prefers_a_condition_no_missing_input_decides():
    application = {"date": "2025-03", "household": {"district": "kotli"},
                   "persons": [{"role": "head", "sex": "female", "age": 45}]}
    child_support = scheme(evaluate(application), "pbm_child_support")
    assert child_support["status"] == "not_eligible"
    assert child_support["reason"].startswith("not met: PBM Child Support: the programme runs in the household's district")


@pytest.mark.parametrize("detail", [False, True])
def test_every_scheme_has_a_reason(detail):
    for result in evaluate_batch([example(), family()], "2025-03", detail=detail, include="all"):
        assert all(isinstance(s["reason"], str) and s["reason"] for s in result["schemes"])
