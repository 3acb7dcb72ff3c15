"""The fast paths give exactly the results of the reference path.

* Settling (settling.py): a scheme closed this month (a condition that depends on no input is unmet,
  e.g. a draft branch not in force) gets no variants; ``_evaluate(..., settle=False)`` varies its
  missing inputs as before and is the reference.
* Batch results read column-wise from the baseline rows, the per-field fast parsers and the digest
  written without ``canonical()`` give what the slower, general code gives.
"""

import copy
import hashlib
import json
import random

import pytest

from openfisca_ajk.service import evaluate, evaluate_batch
from openfisca_ajk.service import evaluation
from openfisca_ajk.service.analysis import analyse
from openfisca_ajk.service.intake import load_application
from openfisca_ajk.service.systems import get_system
from openfisca_ajk.service.values import input_parsers, parse_value
from tests.service.helpers import example, without


def sparse():
    return {"date": "2025-03", "household": {"pmt_score": 20},
            "persons": [{"id": "a", "role": "head", "sex": "female", "marital_status": "widowed", "has_cnic": True,
                         "date_of_birth": "1975-05-05"},
                        {"id": "b", "role": "child", "sex": "male", "date_of_birth": "2016-01-01"}]}


def thinned(seed, count):
    """Copies of the example with random person inputs removed (many schemes then have variants)."""
    generator = random.Random(seed)
    result = []
    for _ in range(count):
        application = example()
        for _ in range(generator.randint(1, 8)):
            person = generator.choice(application["persons"])
            keys = sorted(k for k in person if k not in ("id", "role"))
            if keys:
                del person[generator.choice(keys)]
        result.append(application)
    return result


def applications():
    poorer = example()
    poorer["household"]["pmt_score"] = 40
    return [example(), sparse(), poorer, without(example(), "household", "pmt_score"),
            without(example(), "shazia", "has_cnic"), *thinned(5, 6)]


def both_paths(raw_applications, detail, reform=None):
    loaded = [load_application(raw, None, reform) for raw in raw_applications]
    system = loaded[0][1]
    apps = [app for app, _ in loaded]
    return evaluation._evaluate(system, apps, detail), evaluation._evaluate(system, apps, detail, settle=False)


def test_draft_branches_are_predicted_closed_today():
    closed = {name: analysis.closed_by for name, analysis in analyse(get_system(), "2025-03").items() if analysis.closed_by}
    assert closed["ss_old_age_pension"] == "ss_old_age_in_force"
    assert "bisp_kafaalat" not in closed


@pytest.mark.parametrize("detail", [True, False])
def test_settled_results_equal_the_reference(detail):
    fast, reference = both_paths(applications(), detail)
    assert fast == reference


def test_each_application_alone_equals_the_reference():
    for raw in applications()[:5]:
        fast, reference = both_paths([raw], True)
        assert fast == reference


def test_with_the_draft_act_in_force_nothing_is_settled_and_results_are_unchanged():
    pytest.importorskip("openfisca_ajk.reform_diffs")
    application = dict(example(), date="2027-03")                   # the draft act is in force from 2027
    system = get_system("draft_social_security_act")
    assert analyse(system, "2027-03")["ss_old_age_pension"].closed_by is None
    fast, reference = both_paths([application, dict(sparse(), date="2027-03")], True, "draft_social_security_act")
    assert fast == reference


def test_a_wrong_prediction_falls_back_to_full_variation(monkeypatch):
    """If the default household's prediction did not hold for an application, the variants are simulated."""
    system = get_system()
    analyses = analyse(system, "2025-03")
    kafaalat = analyses["bisp_kafaalat"]
    wrong = type(kafaalat)(kafaalat.scheme, kafaalat.inputs, kafaalat.parameters, kafaalat.condition_inputs,
                           "bisp_kafaalat_pmt_condition")
    monkeypatch.setitem(analyses, "bisp_kafaalat", wrong)
    calls = []
    original = evaluation._evaluate

    def counting(*arguments, **keywords):
        calls.append(keywords.get("settle", True))
        return original(*arguments, **keywords)
    monkeypatch.setattr(evaluation, "_evaluate", counting)
    application = without(example(), "shazia", "has_cnic")          # the kafaalat has variants and is eligible
    result = evaluate_batch([application], "2025-03")
    assert calls == [True, False]
    monkeypatch.undo()
    assert result == evaluate_batch([application], "2025-03")
    assert next(s for s in result[0]["schemes"] if s["scheme"] == "bisp_kafaalat")["status"] == "undetermined"


def test_a_batch_of_households_with_closed_schemes_has_no_variant_rows(monkeypatch):
    rows = []
    original = evaluation.build

    def counting(*arguments, **keywords):
        rows.append(len(arguments[3]))
        return original(*arguments, **keywords)
    monkeypatch.setattr(evaluation, "build", counting)
    batch = [example() for _ in range(20)]
    results = evaluate_batch(batch, "2025-03", include="all")
    assert rows == [20]
    old_age = next(s for s in results[0]["schemes"] if s["scheme"] == "ss_old_age_pension")
    assert old_age["status"] == "not_eligible" and old_age["inputs_needed"] == []


def test_batch_results_equal_single_results_without_detail():
    raw = applications()
    batch = evaluate_batch(copy.deepcopy(raw), "2025-03", include="all")
    for application, result in zip(raw, batch):
        single = evaluate_batch([application], "2025-03", include="all")[0]
        assert result == single
        reference = both_paths([application], False)[1][0]
        assert result == reference


def test_the_application_hash_is_the_hash_of_its_canonical_form():
    for raw in applications():
        app, _ = load_application(raw)
        text = json.dumps(app.canonical(), separators=(",", ":"), ensure_ascii=True)
        assert app.digest() == "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


VALUES = [True, False, 0, 1, -1, 0.5, 3.0, 1e12, float("nan"), float("inf"), "female", "married", "bagh", "x", "",
          "2025-03-01", None, [], {}, 10**20, 100, 130, 131]


@pytest.mark.parametrize("entity", ["person", "household"])
def test_fast_parsers_agree_with_parse_value(entity):
    from datetime import date
    system = get_system()
    for name, parser in input_parsers(system, entity).items():
        variable = system.variables[name]
        for value in VALUES:
            if value is None:
                continue
            fast = parser(value)
            if fast is not None:
                slow = parse_value(variable, value, f"persons[0].{name}", date(2025, 3, 31))
                assert fast == slow and type(fast) is type(slow), (name, value)


def test_column_wise_intake_equals_the_per_household_intake():
    """bulk.intake gives the same Applications and the same errors as load_application one at a time."""
    from openfisca_ajk.service.bulk import intake
    generator = random.Random(13)
    values = [True, False, 0, 1, -1, 0.5, 3.0, 1e12, float("nan"), float("inf"), "female", "married", "x", "",
              "2025-03-01", "2025-02-30", "0000-01-01", "1890-01-01", "2999-12-31", "2025-W01-1", "NaT", None, [], 131]
    keys = ["sex", "age", "date_of_birth", "has_cnic", "is_pregnant", "school_attendance_rate", "bps_grade",
            "public_service_retirement_date", "shoe_size", "id", "role", "pmt_score", "district"]
    batch = [*applications(), *thinned(21, 10), 5, None, {"persons": {"a": {}}, "households": {}}]
    for _ in range(150):
        application = example()
        for _ in range(generator.randint(0, 3)):
            holder = generator.choice(application["persons"] + [application["household"]])
            holder[generator.choice(keys)] = generator.choice(values)
        if generator.random() < 0.1:
            application["date"] = generator.choice(["2025-04", None])
        if generator.random() < 0.05:
            application["persons"].append(dict(application["persons"][0]))
        batch.append(application)
    system = get_system()
    fast = intake(system, copy.deepcopy(batch), "2025-03", None)
    slow = evaluation._load_each(system, copy.deepcopy(batch), "2025-03", None)
    assert fast == slow
    assert 20 < sum(result is not None for result in fast[0]) < len(batch) - 20


def test_column_wise_intake_with_a_reform():
    pytest.importorskip("openfisca_ajk.reform_diffs")
    from openfisca_ajk.service.bulk import intake
    batch = [dict(example(), date="2026-03"), dict(example(), reform="kafaalat_14500"), dict(example(), reform="x")]
    system = get_system("kafaalat_14500")
    assert intake(system, copy.deepcopy(batch), "2026-03", "kafaalat_14500") == \
        evaluation._load_each(system, copy.deepcopy(batch), "2026-03", "kafaalat_14500")


def test_batch_amounts_equal_the_per_scheme_results():
    """The numpy roundings of the batch columns give the amounts scheme_result gives (with detail)."""
    raw = applications()
    quick = evaluate_batch(copy.deepcopy(raw), "2025-03")
    detailed = evaluate_batch(copy.deepcopy(raw), "2025-03", detail=True)
    keys = ("status", "monthly_amount", "instalment", "beneficiaries", "inputs_needed")
    for fast, full in zip(quick, detailed):
        for a, b in zip(fast["schemes"], full["schemes"]):
            assert {k: a.get(k) for k in keys} == {k: b.get(k) for k in keys}
            assert repr(a["monthly_amount"]) == repr(b["monthly_amount"])
