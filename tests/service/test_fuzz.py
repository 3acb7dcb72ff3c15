"""Property-based tests: the library raises nothing but ApplicationError, the HTTP layer never answers 500."""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openfisca_ajk.service import ApplicationError, evaluate, evaluate_batch, explain
from tests.service.helpers import example

FAST = settings(max_examples=int(__import__("os").environ.get("AJK_FUZZ_EXAMPLES", 40)), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

FIELD_NAMES = ["date", "reform", "id", "household", "persons", "role", "sex", "age", "date_of_birth", "has_cnic",
               "pmt_score", "marital_status", "monthly_wage", "school_level", "school_attendance_rate", "district",
               "is_pregnant", "average_phone_bill", "households", "heads", "spouses", "ETERNITY", "2025-03", "x"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
    st.sampled_from(["2025-03", "1988-04-12", "female", "married", "head", "spouse", "bagh", "primary", "2999-12-31",
                     "kafaalat_14500", "0000-00-00", "2025-02-30"]),
)
json_values = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=6), children, max_size=5)),
    max_leaves=20)


def check_library(raw, **arguments):
    try:
        result = evaluate(raw, **arguments)
    except ApplicationError as error:
        body = error.to_dict()
        assert body["error"]["code"] and "problem" in body["error"]
        json.dumps(body)
        return None
    json.dumps(result)
    return result


@FAST
@given(json_values)
def test_random_json_never_raises_anything_but_application_error(raw):
    check_library(raw)


def _mutations():
    base = example()
    paths = [("household", key) for key in base["household"]]
    paths += [(i, key) for i, person in enumerate(base["persons"]) for key in person]
    return base, paths


BASE, PATHS = _mutations()


@FAST
@given(st.lists(st.sampled_from(PATHS), max_size=6, unique=True), st.lists(st.tuples(st.sampled_from(PATHS), scalars), max_size=4))
def test_removing_or_changing_fields_never_raises_anything_but_application_error(removed, changed):
    application = copy.deepcopy(BASE)
    for holder, key in removed:
        target = application["household"] if holder == "household" else application["persons"][holder]
        target.pop(key, None)
    for (holder, key), value in changed:
        target = application["household"] if holder == "household" else application["persons"][holder]
        target[key] = value
    result = check_library(application)
    if result is not None:
        statuses = {s["status"] for s in result["schemes"]}
        assert statuses <= {"eligible", "not_eligible", "undetermined"}


@FAST
@given(st.lists(json_values, max_size=3), st.one_of(st.none(), st.sampled_from(["2025-03", "2040-01", "x"])))
def test_random_batches_never_raise_anything_but_application_error(applications, date):
    try:
        results = evaluate_batch(applications, date)
    except ApplicationError:
        return
    assert len(results) == len(applications)


@FAST
@given(json_values, st.one_of(st.sampled_from(["bisp_kafaalat", "nope"]), scalars))
def test_random_explanations_never_raise_anything_but_application_error(raw, scheme):
    try:
        explain(raw, scheme)
    except ApplicationError:
        pass


@pytest.fixture(scope="module")
def client():
    from openfisca_ajk.service.http import create_service_app
    return create_service_app(max_request_bytes=50_000, max_batch_request_bytes=200_000).test_client()


ROUTES = ["/evaluate", "/evaluate/batch", "/explain", "/calculate", "/trace", "/nowhere", "/service", "/spec"]


@FAST
@given(st.sampled_from(ROUTES), st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
       st.one_of(json_values.map(json.dumps), st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def test_the_http_layer_never_answers_500(client, route, method, body):
    response = client.open(route, method=method, data=body.encode("utf-8", "surrogatepass"),
                           content_type="application/json")
    assert response.status_code != 500
    assert response.status_code < 500 or response.status_code == 501
    assert response.is_json or route in ("/",), response.data[:200]


@FAST
@given(st.sampled_from([("/evaluate", lambda a: a), ("/evaluate/batch", lambda a: {"date": "2025-03", "applications": [a]}),
                        ("/explain", lambda a: {"scheme": "bisp_kafaalat", "application": a})]),
       st.lists(st.sampled_from(PATHS), max_size=4, unique=True), st.lists(st.tuples(st.sampled_from(PATHS), scalars), max_size=3))
def test_mutated_requests_get_json_answers_without_500(client, route, removed, changed):
    application = copy.deepcopy(BASE)
    for holder, key in removed:
        (application["household"] if holder == "household" else application["persons"][holder]).pop(key, None)
    for (holder, key), value in changed:
        (application["household"] if holder == "household" else application["persons"][holder])[key] = value
    path, wrap = route
    response = client.post(path, data=json.dumps(wrap(application)), content_type="application/json")
    assert response.status_code in (200, 400, 404, 413, 422)
    body = response.get_json()
    if response.status_code != 200:
        assert body["error"]["code"] and "field" in body["error"]


def test_a_huge_payload_is_a_413(client):
    response = client.post("/evaluate", data=b"[" + b"1," * 40_000 + b"1]", content_type="application/json")
    assert response.status_code == 413 and response.get_json()["error"]["code"] == "payload_too_large"


def test_deeply_nested_json_is_a_400(client):
    response = client.post("/evaluate", data="[" * 20_000 + "]" * 20_000, content_type="application/json")
    assert response.status_code in (400, 413)


def _situation():
    from openfisca_ajk.system import load_situation_example
    return load_situation_example("kafaalat_household")


SITUATION = _situation()
SITUATION_PATHS = [("persons", person, key) for person, values in SITUATION["persons"].items() for key in values]
SITUATION_PATHS += [("households", "household_1", key) for key in SITUATION["households"]["household_1"]]
SITUATION_NAMES = ["has_cnic", "sex", "monthly_wage", "pmt_score", "date_of_birth", "bisp_kafaalat", "age", "heads",
                   "children", "is_pregnant", "district", "nothing"]
PERIODS = ["2025-03", "2025", "ETERNITY", "1900-01", "2040-01", "month:2025-01:3", "2025-13", "x", ""]
situation_values = st.one_of(
    scalars, st.dictionaries(st.sampled_from(PERIODS) | st.text(max_size=8), scalars, max_size=3),
    st.lists(st.sampled_from(["Imran", "Shazia", "Ayesha", "nobody"]) | st.integers(), max_size=3))
axes = st.lists(st.lists(st.dictionaries(st.sampled_from(["name", "min", "max", "count", "index", "period", "x"]),
                                         scalars | st.sampled_from(SITUATION_NAMES), max_size=6), max_size=2), max_size=2)


@FAST
@given(st.sampled_from(["/calculate", "/trace"]), st.lists(st.sampled_from(SITUATION_PATHS), max_size=4, unique=True),
       st.lists(st.tuples(st.sampled_from(SITUATION_PATHS), situation_values), max_size=3),
       st.lists(st.tuples(st.sampled_from(["persons", "households"]), st.sampled_from(SITUATION_NAMES), situation_values),
                max_size=3),
       st.one_of(st.none(), axes))
def test_mutated_situations_get_json_answers_without_500(client, route, removed, changed, added, axes_value):
    situation = copy.deepcopy(SITUATION)
    for plural, instance, key in removed:
        situation[plural][instance].pop(key, None)
    for (plural, instance, key), value in changed:
        situation[plural][instance][key] = value
    for plural, key, value in added:
        instance = "Imran" if plural == "persons" else "household_1"
        situation[plural][instance][key] = value
    if axes_value is not None:
        situation["axes"] = axes_value
    response = client.post(route, data=json.dumps(situation), content_type="application/json")
    assert response.status_code in (200, 400, 404, 413, 422), response.data[:300]
    assert response.is_json
    if response.status_code != 200:
        body = response.get_json()
        assert "error" in body
