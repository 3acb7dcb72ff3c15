"""Every request has a bounded cost: counted before any simulation, simulated in bounded chunks, freed after."""

import copy
import gc
import weakref

import pytest

from openfisca_ajk.service import ApplicationError, evaluate, evaluate_batch, evaluation
from openfisca_ajk.service.budget import time_budget
from openfisca_ajk.service.constants import MAX_APPLICATION_COST, MAX_REQUEST_COST
from tests.service.helpers import example

#: Three persons, almost every input missing: 5,950 variant households of 3 persons each (17,850
#: simulated persons) in March 2025.
INCOMPLETE = {"date": "2025-03", "household": {}, "persons": [{"role": "head", "sex": "female"}, {"role": "spouse"},
                                                               {"role": "child"}]}
INCOMPLETE_COST = 17_850


def large_household():
    return {"date": "2025-03", "household": {}, "persons": [{"role": "head"}] + [{"role": "child"}] * 39}


@pytest.fixture
def no_simulation(monkeypatch):
    def refuse(*arguments, **keywords):
        raise AssertionError("a simulation was built")
    monkeypatch.setattr(evaluation, "build", refuse)


def test_the_cost_of_an_incomplete_application_is_its_variants_times_its_persons():
    app, system = evaluation.load_application(INCOMPLETE)
    assert evaluation._costs(system, [app], False) == [INCOMPLETE_COST]
    complete, _ = evaluation.load_application(example())
    assert evaluation._costs(system, [complete], False) == [4]        # its own household, no variants


def test_a_batch_above_the_request_cost_is_refused_before_any_simulation(no_simulation):
    count = MAX_REQUEST_COST // INCOMPLETE_COST + 1
    with pytest.raises(ApplicationError) as caught:
        evaluate_batch([INCOMPLETE] * count, "2025-03")
    error = caught.value
    assert error.http_status == 422 and error.problems[0]["code"] == "too_costly"
    assert error.problems[0]["field"] == "applications"
    assert f"{count * INCOMPLETE_COST:,}" in error.problems[0]["problem"]
    assert f"the limit is {MAX_REQUEST_COST:,}" in error.problems[0]["problem"]


def test_an_application_above_its_cost_is_refused_before_any_simulation(no_simulation):
    with pytest.raises(ApplicationError) as caught:
        evaluate(large_household())
    assert caught.value.http_status == 422
    assert f"the limit is {MAX_APPLICATION_COST:,}" in caught.value.problems[0]["problem"]


def test_in_a_batch_a_too_costly_application_gets_its_error_in_place():
    results = evaluate_batch([example(), large_household()], "2025-03")
    assert results[0]["schemes"] and results[1]["index"] == 1
    assert results[1]["error"]["code"] == "too_costly" and results[1]["error"]["field"] == "applications[1]"


def test_a_batch_is_simulated_in_chunks_with_the_same_results(monkeypatch):
    batch = [INCOMPLETE, example(), dict(INCOMPLETE, id="again"), example()]
    whole = evaluate_batch(copy.deepcopy(batch), "2025-03")
    sizes = []
    original = evaluation.build

    def counting(system, month, templates, row_template, overrides=()):
        sizes.append(sum(len(templates[t].persons) for t in row_template))
        return original(system, month, templates, row_template, overrides)
    monkeypatch.setattr(evaluation, "build", counting)
    monkeypatch.setattr(evaluation, "CHUNK_COST", INCOMPLETE_COST + 4)
    chunked = evaluate_batch(copy.deepcopy(batch), "2025-03")
    assert chunked == whole
    assert sizes == [INCOMPLETE_COST + 4, INCOMPLETE_COST + 4]


def test_nothing_of_a_batch_is_kept_after_the_answer(monkeypatch):
    """Each simulation's arrays are dropped once read, and the simulation itself (a reference cycle) is
    freed by a young-generation collection: it is never moved to the oldest generation."""
    simulations = []
    original = evaluation.build

    def keeping(*arguments, **keywords):
        simulation, layout = original(*arguments, **keywords)
        simulations.append(weakref.ref(simulation))
        return simulation, layout
    monkeypatch.setattr(evaluation, "build", keeping)
    monkeypatch.setattr(evaluation, "CHUNK_COST", INCOMPLETE_COST)
    gc.collect()
    evaluate_batch([INCOMPLETE] * 3, "2025-03")
    assert len(simulations) == 3
    for reference in simulations:
        simulation = reference()
        if simulation is not None:
            assert all(not holder.get_known_periods() for population in simulation.populations.values()
                       for holder in population._holders.values())
            del simulation
    gc.collect(1)
    assert [reference() for reference in simulations] == [None, None, None]


def test_a_request_out_of_time_stops_with_a_503():
    with time_budget(0.0), pytest.raises(ApplicationError) as caught:
        evaluate_batch([INCOMPLETE] * 2, "2025-03")
    assert caught.value.http_status == 503 and caught.value.problems[0]["code"] == "time_budget_exceeded"
    with time_budget(60.0):
        assert evaluate(example())["schemes"]
