"""The service never gives an invented amount: a rule not published, or a month before a scheme's rules are
encoded, is `undetermined` with the reason in words."""

import copy

import pytest

from openfisca_ajk.scheme_registry import get_scheme
from openfisca_ajk.service import ApplicationError, evaluate
from openfisca_ajk.service.publication import apply_publication
from tests.service.helpers import example, scheme


def mustahiq_family_with_a_madrassa_student():
    application = copy.deepcopy(example())
    for person in application["persons"]:
        person["is_zakat_mustahiq"] = True
        person["is_muslim"] = True
    application["persons"][-1]["studies_at_deeni_madrassa"] = True
    return application


def test_an_unpublished_amount_is_undetermined_rule_not_published():
    result = scheme(evaluate(mustahiq_family_with_a_madrassa_student()), "zakat_education_stipend")
    assert result["status"] == "undetermined"
    assert result["undetermined_because"] == "rule_not_published"
    assert result["monthly_amount"] is None
    assert result["reason"].startswith("undetermined: rule not published")


def test_a_family_that_is_not_mustahiq_is_not_eligible():
    result = scheme(evaluate(example()), "zakat_education_stipend")
    assert result["status"] == "not_eligible" and "undetermined_because" not in result


def test_a_month_before_the_rules_are_modelled_is_undetermined_not_modelled():
    kafaalat = get_scheme("bisp_kafaalat")
    result = {"scheme": kafaalat.name, "status": "not_eligible", "monthly_amount": 0.0, "reason": "not met"}
    apply_publication(kafaalat, result, "2010-12")
    assert result["status"] == "undetermined" and result["monthly_amount"] is None
    assert result["undetermined_because"] == "not_modelled"
    assert "not modelled before 2011-01-01" in result["reason"]
    assert apply_publication(kafaalat, dict(result, status="eligible"), "2011-01")["status"] == "eligible"


def test_a_month_whose_law_is_not_fully_encoded_is_a_clear_error_naming_the_date():
    application = dict(copy.deepcopy(example()), date="2009-03")
    application["persons"] = [p for p in application["persons"] if p["role"] in ("head", "spouse")]
    with pytest.raises(ApplicationError) as raised:
        evaluate(application)
    problem = raised.value.problems[0]
    assert problem["field"] == "date" and problem["code"] == "date_not_modelled"
    assert "2009-03" in problem["problem"] and "minimum_wage" in problem["problem"]


def test_a_published_amount_is_still_given():
    result = scheme(evaluate(example()), "bisp_kafaalat")
    assert result["status"] == "eligible" and result["monthly_amount"] == 4500.0
    assert "undetermined_because" not in result
