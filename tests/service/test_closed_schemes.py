"""Closed schemes: the conditions of a scheme closed this month are not assessed.

A scheme is closed this month when a top-level condition that depends on no input is unmet (a draft
``ss_*`` branch not in force, a ``proposal_*`` scheme switched off). With the per-condition reasons,
that condition keeps its state and every other one is ``not_assessed`` with a reason; no variant rows
are built for the scheme, its ``inputs_needed`` is empty, its status ``not_eligible`` and amount 0.
"""

import pytest

from openfisca_ajk.service import evaluate, evaluate_batch
from openfisca_ajk.service import evaluation
from openfisca_ajk.service.analysis import analyse
from openfisca_ajk.service.systems import get_system
from tests.service.helpers import example, scheme

REASON = "the scheme is not in force / closed this month: "


def sparse():
    return {"date": "2025-03", "household": {"pmt_score": 20},
            "persons": [{"id": "a", "role": "head", "sex": "female", "marital_status": "widowed", "has_cnic": True,
                         "date_of_birth": "1975-05-05"},
                        {"id": "b", "role": "child", "sex": "male", "date_of_birth": "2016-01-01"}]}


def states(condition):
    found = [condition["status"]] if "status" in condition else list(condition["persons"].values())
    for sub in condition.get("person_conditions", []):
        found += states(sub)
    return found


@pytest.mark.parametrize("application", [example(), sparse()], ids=["example", "sparse"])
def test_closed_schemes_report_their_gate_and_no_other_condition(application):
    system = get_system()
    closed = {name: a.closed_by for name, a in analyse(system, "2025-03").items() if a.closed_by}
    assert "ss_old_age_pension" in closed and "bisp_kafaalat" not in closed
    result = evaluate(application, include="all")
    assert result["not_in_force"] == sorted(closed)
    for name, gate in closed.items():
        item = scheme(result, name)
        assert item["status"] == "not_eligible" and item["monthly_amount"] == 0 and item["inputs_needed"] == []
        label = system.variables[gate].label
        for condition in item["conditions"]:
            if condition["variable"] == gate:
                assert "reason" not in condition and set(states(condition)) == {"unmet"}
            else:
                assert set(states(condition)) == {"not_assessed"}
                assert condition["reason"] == REASON + label
                for sub in condition.get("person_conditions", []):
                    assert sub["reason"] == REASON + label
    for item in result["schemes"]:
        if item["scheme"] not in closed:
            assert all("not_assessed" not in states(c) for c in item["conditions"]), item["scheme"]


def test_old_age_conditions_of_a_sparse_application_are_not_assessed():
    old_age = scheme(evaluate(sparse(), include="all"), "ss_old_age_pension")
    gate, *others = old_age["conditions"]
    assert gate["variable"] == "ss_old_age_in_force" and gate["persons"] == {"a": "unmet", "b": "unmet"}
    assert others and all(c["persons"] == {"a": "not_assessed", "b": "not_assessed"} for c in others)
    assert old_age["status"] == "not_eligible" and old_age["inputs_needed"] == []


def test_closed_schemes_build_no_variant_rows_with_detail(monkeypatch):
    rows = []
    original = evaluation.build

    def counting(*arguments, **keywords):
        rows.append(len(arguments[3]))
        return original(*arguments, **keywords)
    monkeypatch.setattr(evaluation, "build", counting)
    evaluate(example())                       # every deciding input given: only the closed schemes had variants
    assert rows == [1]
    rows.clear()
    evaluate(sparse())
    closed_reference = []
    monkeypatch.setattr(evaluation, "build", lambda *a, **k: (closed_reference.append(len(a[3])), original(*a, **k))[1])
    from openfisca_ajk.service.intake import load_application
    app, system = load_application(sparse())
    evaluation._evaluate(system, [app], True, settle=False)
    assert rows[0] < closed_reference[0]


def test_a_draft_act_in_force_assesses_every_condition():
    pytest.importorskip("openfisca_ajk.reform_diffs")
    result = evaluate(dict(example(), date="2027-03"), reform="draft_social_security_act")
    old_age = scheme(result, "ss_old_age_pension")
    assert all("not_assessed" not in states(c) for c in old_age["conditions"])


def test_batch_with_detail_reports_not_assessed_like_single_calls():
    batch = evaluate_batch([example(), sparse()], "2025-03", detail=True, include="all")
    assert batch == [evaluate(example(), include="all"), evaluate(sparse(), include="all")]
    assert "not_assessed" in states(scheme(batch[1], "ss_sickness_benefit")["conditions"][1])


def test_schemes_not_in_force_are_left_out_unless_asked():
    system = get_system()
    closed = sorted(name for name, a in analyse(system, "2025-03").items() if a.closed_by)
    result = evaluate(example())
    assert result["not_in_force"] == closed
    assert not {s["scheme"] for s in result["schemes"]} & set(closed)
    assert not set(result["summary"]["not_eligible"]) & set(closed)
    everything = evaluate(example(), include="all")
    assert {s["scheme"] for s in everything["schemes"]} == {s["scheme"] for s in result["schemes"]} | set(closed)
    assert everything["summary"]["monthly_cash_total"] == result["summary"]["monthly_cash_total"]
    batch = evaluate_batch([example(), sparse()], "2025-03")
    assert batch[0]["not_in_force"] == closed
    assert [s["scheme"] for s in batch[0]["schemes"]] == [s["scheme"] for s in result["schemes"]]


def test_an_unknown_include_is_refused():
    from openfisca_ajk.service import ApplicationError
    with pytest.raises(ApplicationError) as caught:
        evaluate(example(), include="some")
    assert caught.value.problems[0]["field"] == "include"
