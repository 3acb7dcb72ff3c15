"""``/calculate`` and ``/trace`` served by ``openfisca-ajk serve``: checked like ``/evaluate``, bounded, JSON only.

The reproductions of a tester's probes: each answers JSON naming the field, never a 500 or a wrong
result (a string ``"false"`` read as true would pay Kafaalat).
"""

import copy
import gzip
import json

import pytest

from openfisca_ajk.service.constants import MAX_EXPANDED_PERSONS, MAX_SITUATION_PERSONS
from openfisca_ajk.system import load_situation_example


@pytest.fixture(scope="module")
def client():
    from openfisca_ajk.service.http import create_service_app
    return create_service_app(cors_origins=("https://desk.example",)).test_client()


def household(**person):
    """One widow applying for Kafaalat in March 2025, with ``person``'s values replacing hers."""
    situation = copy.deepcopy(load_situation_example("kafaalat_household"))
    situation["persons"]["Shazia"].update(person)
    return situation


def post(client, path, body, content_type="application/json", **headers):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(path, data=data, content_type=content_type, headers=headers)


def error_of(response, status):
    assert response.status_code == status, response.data[:300]
    assert response.is_json
    return response.get_json()["error"]


def test_the_bundled_situation_is_calculated(client):
    response = post(client, "/calculate", load_situation_example("kafaalat_household"))
    assert response.status_code == 200
    assert response.get_json()["households"]["household_1"]["bisp_kafaalat"]["2025-03"] == 4500


@pytest.mark.parametrize("path", ["/calculate", "/trace"])
@pytest.mark.parametrize("person, field, code", [
    ({"has_cnic": {"2025-03": "false"}}, "persons.Shazia.has_cnic.2025-03", "wrong_type"),
    ({"sex": {"ETERNITY": 7}}, "persons.Shazia.sex.ETERNITY", "invalid_value"),
    ({"monthly_wage": {"2025-03": -5}}, "persons.Shazia.monthly_wage.2025-03", "out_of_range"),
    ({"monthly_wage": {"2025-03": 1e308}}, "persons.Shazia.monthly_wage.2025-03", "out_of_range"),
    ({"monthly_wage": {"2025-03": "1000"}}, "persons.Shazia.monthly_wage.2025-03", "wrong_type"),
    ({"date_of_birth": {"ETERNITY": "1988-02-30"}}, "persons.Shazia.date_of_birth.ETERNITY", "invalid_value"),
    ({"monthly_wage": {"March": 10}}, "persons.Shazia.monthly_wage.March", "invalid_period"),
    ({"monthly_wage": 1000}, "persons.Shazia.monthly_wage", "wrong_type"),
    ({"age": {"2025-03": None, "2025": 40}}, "persons.Shazia.age.2025", "invalid_period"),
    ({"bisp_kafaalat_pmt_condition": {"2025-03": None}}, "persons.Shazia.bisp_kafaalat_pmt_condition", "wrong_entity"),
])
def test_a_bad_value_is_a_400_naming_the_field(client, path, person, field, code):
    error = error_of(post(client, path, household(**person)), 400)
    assert (error["code"], error["field"]) == (code, field)


@pytest.mark.parametrize("text, field", [
    ('{"persons": {"a": {"monthly_wage": {"2025-03": NaN}}}, "households": {"h": {"heads": ["a"]}}}',
     "persons.a.monthly_wage.2025-03"),
    ('{"persons": {"a": {"monthly_wage": {"2025-03": Infinity}}}, "households": {"h": {"heads": ["a"]}}}',
     "persons.a.monthly_wage.2025-03"),
])
def test_non_finite_numbers_are_refused(client, text, field):
    error = error_of(post(client, "/calculate", text), 400)
    assert (error["code"], error["field"]) == ("out_of_range", field)


def test_a_string_false_does_not_pay_kafaalat(client):
    """The bug the check closes: ``has_cnic: "false"`` used to be read as true."""
    situation = household(has_cnic={"2025-03": "false"})
    assert error_of(post(client, "/calculate", situation), 400)["field"] == "persons.Shazia.has_cnic.2025-03"
    situation["persons"]["Shazia"]["has_cnic"] = {"2025-03": False}
    response = post(client, "/calculate", situation)
    assert response.status_code == 200
    assert response.get_json()["households"]["household_1"]["bisp_kafaalat"]["2025-03"] == 0


def test_a_monthly_variable_asked_for_a_year_is_a_400(client):
    situation = load_situation_example("kafaalat_household")
    situation["households"]["household_1"]["bisp_kafaalat"] = {"2025": None}
    error = error_of(post(client, "/calculate", situation), 400)
    assert error["field"] == "households.household_1.bisp_kafaalat.2025" and "2025-03" in error["problem"]


def test_a_period_outside_the_service_range_is_a_400(client):
    situation = load_situation_example("kafaalat_household")
    situation["households"]["household_1"]["bisp_kafaalat"] = {"1900-01": None}
    assert error_of(post(client, "/calculate", situation), 400)["code"] == "date_out_of_range"


def test_an_unknown_variable_is_a_404_naming_it(client):
    situation = load_situation_example("kafaalat_household")
    situation["households"]["household_1"]["bisp_kafalat"] = {"2025-03": None}
    error = error_of(post(client, "/calculate", situation), 404)
    assert error["field"] == "households.household_1.bisp_kafalat"


@pytest.mark.parametrize("axes, field, code", [
    ([[{"name": "monthly_wage", "min": 0, "max": 1e10, "count": 5, "period": "2025-03"}]], "axes[0][0].max", "out_of_range"),
    ([[{"name": "monthly_wage", "min": 0, "max": 100, "count": 0, "period": "2025-03"}]], "axes[0][0].count", "out_of_range"),
    ([[{"name": "monthly_wage", "min": 0, "max": 100, "count": 5, "index": 9, "period": "2025-03"}]], "axes[0][0].index", "out_of_range"),
    ([[{"name": "sex", "min": 0, "max": 1, "count": 2}]], "axes[0][0].name", "wrong_type"),
    ([[{"name": "nothing", "min": 0, "max": 1, "count": 2}]], "axes[0][0].name", "unknown_variable"),
    ([{"name": "monthly_wage"}], "axes", "wrong_type"),
    ([[{"name": "monthly_wage", "min": 0, "max": 100, "count": 5}]], "axes[0][0].period", "missing_field"),
])
def test_bad_axes_are_refused(client, axes, field, code):
    situation = dict(load_situation_example("kafaalat_household"), axes=axes)
    error = error_of(post(client, "/trace", situation), 404 if code == "unknown_variable" else 400)
    assert (error["code"], error["field"]) == (code, field)


def test_axes_are_traced_and_refused_by_calculate(client):
    situation = load_situation_example("kafaalat_household")
    situation["axes"] = [[{"name": "pmt_score", "min": 0, "max": 60, "count": 3, "period": "2025-03"}]]
    situation["households"]["household_1"].pop("pmt_score", None)
    response = post(client, "/trace", situation)
    assert response.status_code == 200, response.data[:300]
    # the Kafaalat cut-off is a PMT score of 32: paid at 0 and 30, not at 60
    assert response.get_json()["trace"]["bisp_kafaalat<2025-03>"]["value"] == [4500, 4500, 0]
    error = error_of(post(client, "/calculate", situation), 400)
    assert (error["code"], error["field"]) == ("unsupported", "axes")


def test_too_many_persons_are_refused_before_the_quadratic_builder(client):
    count = MAX_SITUATION_PERSONS + 1
    situation = {"persons": {f"p{i}": {} for i in range(count)},
                 "households": {f"h{i}": {"heads": [f"p{i}"]} for i in range(count)}}
    error = error_of(post(client, "/calculate", situation), 422)
    assert error["code"] == "too_costly" and f"{MAX_SITUATION_PERSONS:,}" in error["problem"]


def test_axes_that_multiply_the_persons_beyond_the_limit_are_refused(client):
    situation = {"persons": {f"p{i}": {} for i in range(30)}, "households": {"h": {"heads": ["p0"], "children": [
        f"p{i}" for i in range(1, 30)]}}, "axes": [[{"name": "pmt_score", "min": 0, "max": 60, "count": 1000, "period": "2025-03"}]]}
    error = error_of(post(client, "/trace", situation), 422)
    assert error["field"] == "axes" and f"{MAX_EXPANDED_PERSONS:,}" in error["problem"]


def test_a_situation_above_the_body_limit_is_a_413(client):
    error = error_of(post(client, "/calculate", '{"persons": {"' + "a" * 1_100_000 + '": {}}}'), 413)
    assert error["code"] == "payload_too_large"


@pytest.mark.parametrize("path", ["/calculate", "/trace", "/evaluate", "/evaluate/batch", "/explain"])
def test_text_plain_is_a_415(client, path):
    error = error_of(post(client, path, "{}", content_type="text/plain"), 415)
    assert error["code"] == "unsupported_media_type"


def test_cors_is_granted_to_the_allow_list_only(client):
    situation = load_situation_example("kafaalat_household")
    stranger = post(client, "/calculate", situation, Origin="https://elsewhere.example")
    assert stranger.status_code == 200 and "Access-Control-Allow-Origin" not in stranger.headers
    desk = post(client, "/calculate", situation, Origin="https://desk.example")
    assert desk.headers["Access-Control-Allow-Origin"] == "https://desk.example"
    preflight = client.options("/evaluate", headers={"Origin": "https://elsewhere.example",
                                                    "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in preflight.headers


def test_no_cors_by_default():
    from openfisca_ajk.service.http import create_service_app
    response = create_service_app().test_client().get("/service", headers={"Origin": "https://desk.example"})
    assert not [key for key in response.headers.keys() if key.lower().startswith("access-control-")]


def test_answers_are_gzipped_when_the_client_accepts_it(client):
    situation = load_situation_example("kafaalat_household")
    response = post(client, "/trace", situation, **{"Accept-Encoding": "gzip, deflate"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.data))["requestedCalculations"]
    plain = post(client, "/trace", situation)
    assert "Content-Encoding" not in plain.headers and plain.get_json()["requestedCalculations"]


def test_the_spec_describes_the_service_routes(client):
    spec = client.get("/spec").get_json()
    for path in ("/evaluate", "/evaluate/batch", "/explain", "/service", "/calculate", "/trace"):
        assert path in spec["paths"]
    assert spec["paths"]["/evaluate"]["post"]["responses"]["413"]


def test_source_links_resolve(client):
    variable = client.get("/variable/bisp_kafaalat").get_json()
    assert not variable["source"].startswith("None")
    source = client.get(variable["source"].split("#")[0])
    assert source.status_code == 200 and "def formula" in source.get_data(as_text=True)
    parameter = client.get("/parameter/pakistan.bisp.kafaalat.quarterly_instalment").get_json()
    assert client.get(parameter["source"]).status_code == 200
    assert client.get("/blob/0.1.0/../setup.py").status_code == 404


def test_a_configured_repository_url_is_used(monkeypatch):
    from openfisca_ajk.service.http import create_service_app
    monkeypatch.setenv("OPENFISCA_AJK_REPOSITORY_URL", "https://git.example/ajk/openfisca-ajk")
    try:
        app = create_service_app()
        source = app.test_client().get("/variable/bisp_kafaalat").get_json()["source"]
        assert source.startswith("https://git.example/ajk/openfisca-ajk/blob/")
    finally:
        monkeypatch.delenv("OPENFISCA_AJK_REPOSITORY_URL")
        create_service_app()            # the shared system's links back to the default
