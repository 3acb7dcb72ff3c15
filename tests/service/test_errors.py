"""Malformed applications get a structured error naming the field and the problem."""

import pytest

from openfisca_ajk.service import ApplicationError, evaluate, evaluate_batch, explain
from openfisca_ajk.service.constants import DATE_MAX, DATE_MIN
from tests.service.helpers import example


def problems_of(application, **arguments):
    with pytest.raises(ApplicationError) as caught:
        evaluate(application, **arguments)
    return {(p["code"], p["field"]) for p in caught.value.problems}


def edited(change):
    application = example()
    change(application)
    return application


CASES = {
    "unknown top-level field": (lambda a: a.update(colour="red"), ("unknown_field", "colour")),
    "unknown person field": (lambda a: a["persons"][2].update(shoe_size=3), ("unknown_field", "persons[2].shoe_size")),
    "computed variable given": (lambda a: a["household"].update(bisp_kafaalat=1), ("unknown_field", "household.bisp_kafaalat")),
    "wrong type": (lambda a: a["persons"][1].update(has_cnic="yes"), ("wrong_type", "persons[1].has_cnic")),
    "age 300": (lambda a: (a["persons"][2].pop("date_of_birth"), a["persons"][2].update(age=300)), ("out_of_range", "persons[2].age")),
    "negative wage": (lambda a: a["persons"][0].update(monthly_wage=-5), ("out_of_range", "persons[0].monthly_wage")),
    "integer too large for a float": (lambda a: a["persons"][0].update(monthly_wage=10**400), ("out_of_range", "persons[0].monthly_wage")),
    "unknown enum value": (lambda a: a["persons"][0].update(sex="robot"), ("invalid_value", "persons[0].sex")),
    "bad date": (lambda a: a["persons"][0].update(date_of_birth="1984-13-01"), ("invalid_value", "persons[0].date_of_birth")),
    "born after the month": (lambda a: a["persons"][0].update(date_of_birth="2030-01-01"), ("out_of_range", "persons[0].date_of_birth")),
    "two heads": (lambda a: a["persons"][1].update(role="head"), ("too_many", "persons[1].role")),
    "no role": (lambda a: a["persons"][3].pop("role"), ("missing_field", "persons[3].role")),
    "unknown role": (lambda a: a["persons"][3].update(role="cousin"), ("invalid_value", "persons[3].role")),
    "duplicate id": (lambda a: a["persons"][3].update(id="ayesha"), ("duplicate", "persons[3].id")),
    "no persons": (lambda a: a.update(persons=[]), ("wrong_type", "persons")),
    "date before the range": (lambda a: a.update(date="2007-12"), ("date_out_of_range", "date")),
    "date after the range": (lambda a: a.update(date="2036-01"), ("date_out_of_range", "date")),
    "malformed date": (lambda a: a.update(date="March 2025"), ("invalid_date", "date")),
    "unknown reform": (lambda a: a.update(reform="no_such_reform"), ("unknown_reform", "reform")),
    "reform given as a path": (lambda a: a.update(reform="../reforms/kafaalat_14500"), ("unknown_reform", "reform")),
    "age and birth date disagree": (lambda a: a["persons"][0].update(age=3), ("inconsistent", "persons[0].age")),
    "nan": (lambda a: a["household"].update(pmt_score=float("nan")), ("out_of_range", "household.pmt_score")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_malformed_application_names_field_and_problem(name):
    change, expected = CASES[name]
    assert expected in problems_of(edited(change))


def test_several_problems_are_all_reported():
    application = edited(lambda a: (a["persons"][0].update(monthly_wage=-1), a["persons"][1].update(sex=3)))
    assert {("out_of_range", "persons[0].monthly_wage"), ("wrong_type", "persons[1].sex")} <= problems_of(application) or \
        {("out_of_range", "persons[0].monthly_wage"), ("invalid_value", "persons[1].sex")} <= problems_of(application)


def test_the_date_range_is_a_service_constant():
    assert (DATE_MIN, DATE_MAX) == ("2008-01", "2035-12")


def test_not_an_object():
    for raw in (None, [], "text", 3):
        with pytest.raises(ApplicationError) as caught:
            evaluate(raw)
        assert caught.value.to_dict()["error"]["code"] == "wrong_type"


def test_a_person_without_household_in_a_situation():
    situation = {"date": "2025-03", "persons": {"a": {}, "b": {}}, "households": {"h": {"heads": ["a"]}}}
    assert ("no_household", "persons.b") in problems_of(situation)


def test_situation_errors_use_situation_paths():
    situation = {"date": "2025-03", "persons": {"a": {"age": {"2025-03": 300}}}, "households": {"h": {"heads": ["a"]}}}
    assert ("out_of_range", "persons.a.age") in problems_of(situation)


def test_batch_reports_bad_applications_inline():
    results = evaluate_batch([example(), {"persons": [{"role": "head", "age": -1}]}], "2025-03")
    assert results[0]["schemes"]
    assert results[1]["index"] == 1
    assert results[1]["error"]["field"] == "applications[1].persons[0].age"


def test_explain_an_unknown_scheme():
    with pytest.raises(ApplicationError) as caught:
        explain(example(), "no_such_scheme")
    assert caught.value.problems[0]["code"] == "unknown_scheme" and caught.value.http_status == 404
