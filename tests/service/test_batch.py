"""evaluate_batch(): many households in one simulation give the same answers as one at a time."""

import copy

import pytest

from openfisca_ajk.service import evaluate, evaluate_batch
from openfisca_ajk.service import builder
from tests.service.helpers import example, without

KEYS = ("scheme", "status", "monthly_amount", "instalment", "beneficiaries", "inputs_needed")


def variants():
    poorer = example()
    poorer["household"]["pmt_score"] = 40
    widow = example()
    widow["persons"] = [dict(widow["persons"][1], id="zainab", role="head", marital_status="widowed")]
    pregnant = example()
    pregnant["persons"][1]["is_pregnant"] = True
    return [example(), poorer, widow, pregnant, without(example(), "household", "pmt_score"),
            without(example(), "imran", "has_cnic")]


def summary(result):
    return [{k: s[k] for k in KEYS if k in s} for s in result["schemes"]]


def test_batch_results_equal_single_results():
    applications = variants()
    batch = evaluate_batch(copy.deepcopy(applications), "2025-03")
    for application, result in zip(applications, batch):
        single = evaluate(application)
        assert summary(result) == summary(single)
        assert result["application_hash"] == single["application_hash"]


def test_batch_with_detail_equals_single_results():
    applications = variants()[:3]
    for application, result in zip(applications, evaluate_batch(applications, "2025-03", detail=True)):
        assert result == evaluate(application)


def test_a_batch_is_one_simulation(monkeypatch):
    calls = []
    original = builder.build

    def counting(*arguments, **keywords):
        calls.append(len(arguments[3]))
        return original(*arguments, **keywords)
    monkeypatch.setattr("openfisca_ajk.service.evaluation.build", counting)
    evaluate_batch(variants() * 5, "2025-03")
    assert len(calls) == 1 and calls[0] >= 30


def test_a_batch_date_is_required_and_checked():
    from openfisca_ajk.service import ApplicationError
    with pytest.raises(ApplicationError):
        evaluate_batch([example()], None)
    results = evaluate_batch([dict(example(), date="2024-03")], "2025-03")
    assert results[0]["error"]["code"] == "inconsistent"
