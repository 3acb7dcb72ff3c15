"""explain(): a versioned, reproducible computation tree joined to labels and legal references."""

import json

import pytest

from openfisca_ajk.service import explain
from tests.service.helpers import example


@pytest.fixture(scope="module")
def document():
    return explain(example(), "bisp_kafaalat")


def test_the_document_is_identical_on_re_run(document):
    again = explain(example(), "bisp_kafaalat")
    assert json.dumps(again, sort_keys=True) == json.dumps(document, sort_keys=True)
    assert again["document_hash"] == document["document_hash"]


def test_the_document_is_versioned_and_hashed(document):
    assert document["schema"] == "ajk-explanation/1"
    assert set(document["versions"]) == {"openfisca_ajk", "openfisca_core"}
    for key in ("parameter_set_hash", "application_hash", "document_hash"):
        assert document[key].startswith("sha256:") and len(document[key]) == len("sha256:") + 64
    assert not any("time" in key for key in keys(document))


def keys(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from keys(item)


def test_the_instalment_parameter_carries_its_2025_reference(document):
    instalment = next(p for p in document["parameters"] if p["parameter"] == "pakistan.bisp.kafaalat.quarterly_instalment")
    assert instalment["value"] == 13500
    assert instalment["effective_from"] == "2025-01-01"
    assert instalment["reference_from"] == "2025-01-01"
    assert instalment["reference"][0]["href"] == "https://pid.gov.pk/site/press_detail/26435"
    assert instalment["label"] and instalment["unit"] == "currency-PKR"


def test_the_tree_starts_at_the_output_and_reaches_the_inputs(document):
    root = document["computation"][0]
    assert root["variable"] == "bisp_kafaalat" and root["value"] == {"household_1": 4500.0}

    def walk(node):
        yield node
        for child in node.get("children", []):
            yield from walk(child)
    nodes = {n["variable"]: n for r in document["computation"] for n in walk(r) if not n.get("see_above")}
    assert nodes["pmt_score"]["source"] == "input"
    assert nodes["bisp_kafaalat_eligible"]["source"] == "formula"
    assert nodes["bisp_kafaalat_pmt_condition"]["reference"]
    assert document["verdict"]["status"] == "eligible"


def test_a_missing_input_shows_as_a_default(document):
    application = example()
    del application["household"]["pmt_score"]
    text = explain(application, "bisp_kafaalat", format="text")
    assert "NOT GIVEN: default used" in text
    assert "Inputs still needed: household.pmt_score" in text


def test_the_text_form_names_the_references(document):
    text = explain(example(), "bisp_kafaalat", format="text")
    assert "pakistan.bisp.kafaalat.quarterly_instalment = 13500" in text
    assert "https://pid.gov.pk/site/press_detail/26435" in text
    assert document["document_hash"] in text


def test_explain_parses_once_and_traces_one_simulation(monkeypatch):
    from openfisca_ajk.service import evaluation, explanation
    builds, loads = [], []
    original_build, original_load = evaluation.build, explanation.load_application
    monkeypatch.setattr(evaluation, "build", lambda *a, **k: (builds.append(len(a[3])), original_build(*a, **k))[1])
    monkeypatch.setattr(explanation, "load_application", lambda *a, **k: (loads.append(1), original_load(*a, **k))[1])
    application = example()
    del application["household"]["pmt_score"]
    document = explain(application, "bisp_kafaalat")
    assert loads == [1] and len(builds) == 1
    assert 1 < builds[0] < 100                 # the application's row and the variants of Kafaalat only
    assert document["verdict"]["status"] == "undetermined"


@pytest.mark.parametrize("name", ["kafaalat_household", "widow_missing_inputs"])
def test_the_verdict_of_an_explanation_is_the_evaluation_of_its_scheme(name):
    from openfisca_ajk.scheme_registry import load_schemes
    from openfisca_ajk.service import evaluate
    application = example(name)
    evaluated = {s["scheme"]: s for s in evaluate(application, include="all")["schemes"]}
    for scheme in load_schemes():
        verdict = explain(application, scheme.name)["verdict"]
        assert verdict == {k: evaluated[scheme.name][k] for k in verdict}, scheme.name
