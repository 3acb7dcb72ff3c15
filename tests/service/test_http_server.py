"""The service behind a real gunicorn server on 127.0.0.1 answers as the library does."""

import json
import sys
import urllib.error
import urllib.request

import pytest

from openfisca_ajk.service import evaluate, evaluate_batch, explain
from tests.serving import request, running_server
from tests.service.helpers import example, without

pytestmark = pytest.mark.slow


def ajk_server(*extra):
    """``openfisca-ajk serve`` (gunicorn) on 127.0.0.1, with a small request size limit."""
    command = [sys.executable, "-m", "openfisca_ajk.cli", "serve", "--host", "127.0.0.1", "--port", "{port}",
               "--workers", "1", "--max-request-bytes", "100000", *extra]
    return running_server(command, "/service")


@pytest.fixture(scope="module")
def server():
    with ajk_server() as base:
        yield base


def test_evaluate_answers_as_the_library(server):
    status, body = request(f"{server}/evaluate", example())
    assert status == 200
    assert body == json.loads(json.dumps(evaluate(example())))


def test_batch_answers_as_the_library(server):
    applications = [example(), without(example(), "household", "pmt_score")]
    status, body = request(f"{server}/evaluate/batch", {"date": "2025-03", "applications": applications})
    assert status == 200
    assert body["results"] == json.loads(json.dumps(evaluate_batch(applications, "2025-03")))


def test_explain_answers_as_the_library(server):
    status, body = request(f"{server}/explain", {"scheme": "bisp_kafaalat", "application": example()})
    assert status == 200
    assert body == json.loads(json.dumps(explain(example(), "bisp_kafaalat")))


def test_the_standard_web_api_is_served(server):
    status, parameter = request(f"{server}/parameter/pakistan.bisp.kafaalat.quarterly_instalment")
    assert status == 200 and parameter["values"]["2025-01-01"] == 13500


@pytest.mark.parametrize("path, payload, method, code", [
    ("/evaluate", {"date": "2025-03", "persons": [{"role": "head", "age": 300}]}, None, 400),
    ("/nowhere", None, None, 404),
    ("/evaluate", None, "GET", 405),
    ("/evaluate", {"persons": ["x" * 200_000]}, None, 413),
])
def test_errors_are_json(server, path, payload, method, code):
    status, body = request(f"{server}{path}", payload, method)
    assert status == code
    assert body["error"]["code"] and "problem" in body["error"]


def test_non_json_is_a_400(server):
    req = urllib.request.Request(f"{server}/evaluate", data=b"not json", method="POST",
                                 headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(req, timeout=30)
    assert caught.value.code == 400
    assert json.loads(caught.value.read())["error"]["code"] == "invalid_json"


@pytest.mark.parametrize("path", ["/evaluate", "/evaluate/batch", "/explain", "/calculate", "/trace"])
def test_a_body_that_is_not_sent_as_json_is_a_415(server, path):
    req = urllib.request.Request(f"{server}{path}", data=b'{"persons": {}}', method="POST",
                                 headers={"Content-Type": "text/plain"})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(req, timeout=30)
    assert caught.value.code == 415
    assert json.loads(caught.value.read())["error"]["code"] == "unsupported_media_type"


def test_a_server_with_a_reform():
    pytest.importorskip("openfisca_ajk.reform_diffs")
    with ajk_server("--reform", "kafaalat_14500") as base:
        status, body = request(f"{base}/evaluate", dict(example(), date="2026-03"))
    assert status == 200
    kafaalat = next(s for s in body["schemes"] if s["scheme"] == "bisp_kafaalat")
    assert kafaalat["instalment"] == 14500
