"""The Web API of the service: the standard OpenFisca routes plus ``/evaluate``, ``/evaluate/batch``, ``/explain``.

Every answer is JSON. Errors are ``{"error": {"code", "field", "problem"}, "errors": [...]}`` with
400 (bad input, naming the field), 404 (unknown route or scheme), 405, 413 (body above the limit)
and 422 (the engine could not compute); never an HTML page.

    POST /evaluate          body: one application (flat form or situation)        → evaluate()
    POST /evaluate/batch    body: {"date", "applications": [...], "reform"?, "detail"?} → evaluate_batch()
    POST /explain           body: {"scheme", "application", "format"?, "date"?, "reform"?} → explain()
    GET  /service           limits, versions, schemes and reforms
"""

import json
import logging

from flask import Response, request
from openfisca_web_api.app import create_app
from werkzeug.exceptions import HTTPException

from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.service.constants import DATE_MAX, DATE_MIN, MAX_BATCH, MAX_BATCH_REQUEST_BYTES, MAX_PERSONS, MAX_REQUEST_BYTES
from openfisca_ajk.service.errors import ApplicationError, problem
from openfisca_ajk.service.evaluation import evaluate, evaluate_batch
from openfisca_ajk.service.explanation import explain
from openfisca_ajk.service.systems import available_reforms, get_system, versions

log = logging.getLogger("gunicorn.error")
BATCH_KEYS = {"date", "reform", "detail", "applications"}
EXPLAIN_KEYS = {"scheme", "application", "format", "date", "reform"}


def _json(payload, status=200):
    return Response(json.dumps(payload, ensure_ascii=False), status=status, mimetype="application/json")


def _error(code, text, status, field=None):
    return _json(ApplicationError([problem(code, field, text)]).to_dict(), status)


def _snake(name):
    return "_".join(name.lower().replace("-", " ").split())


def _body(limit):
    length = request.content_length
    if length is not None and length > limit:
        raise ApplicationError.single("payload_too_large", None, f"the body has {length} bytes; the limit is {limit}")
    data = request.get_data(cache=False)
    if len(data) > limit:
        raise ApplicationError.single("payload_too_large", None, f"the body is above the limit of {limit} bytes")
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as error:
        raise ApplicationError.single("invalid_json", None, f"the body is not JSON: {str(error)[:200]}") from None


def _object(body, keys, where="(body)"):
    if not isinstance(body, dict):
        raise ApplicationError.single("wrong_type", None, f"{where} must be a JSON object")
    unknown = sorted(set(body) - keys, key=str)
    if unknown:
        raise ApplicationError([problem("unknown_field", str(key), "is not a field of this request") for key in unknown])
    return body


def create_service_app(reform=None, max_request_bytes=MAX_REQUEST_BYTES, max_batch_request_bytes=MAX_BATCH_REQUEST_BYTES):
    """The Flask application: OpenFisca's Web API on the (reformed) system plus the service routes."""
    system = get_system(reform)
    app = create_app(system)
    app.config["MAX_CONTENT_LENGTH"] = max(max_request_bytes, max_batch_request_bytes)

    def guarded(handler, limit):
        try:
            return _json(handler(_body(limit)))
        except ApplicationError as error:
            return _json(error.to_dict(), error.http_status)
        except RecursionError:
            return _error("invalid_json", "the body is nested too deeply", 400)

    @app.route("/evaluate", methods=["POST"])
    def evaluate_route():
        return guarded(lambda body: evaluate(body, reform=_reform(body)), max_request_bytes)

    @app.route("/evaluate/batch", methods=["POST"])
    def batch_route():
        def run(body):
            body = _object(body, BATCH_KEYS)
            detail = body.get("detail", False)
            if not isinstance(detail, bool):
                raise ApplicationError.single("wrong_type", "detail", "expected true or false")
            return {"results": evaluate_batch(body.get("applications"), body.get("date"), _reform(body), detail)}
        return guarded(run, max_batch_request_bytes)

    @app.route("/explain", methods=["POST"])
    def explain_route():
        def run(body):
            body = _object(body, EXPLAIN_KEYS)
            if "application" not in body:
                raise ApplicationError.single("missing_field", "application", "the application to explain is missing")
            chosen = body.get("reform") if body.get("reform") is not None else _reform(body.get("application"))
            format_ = body.get("format", "json")
            result = explain(body["application"], body.get("scheme"), body.get("date"), chosen, format_)
            return {"text": result} if format_ == "text" else result
        return guarded(run, max_request_bytes)

    @app.route("/service", methods=["GET"])
    def service_route():
        return _json({"versions": versions(), "reform": reform, "reforms": available_reforms(),
                      "schemes": [s.name for s in load_schemes()],
                      "limits": {"date_min": DATE_MIN, "date_max": DATE_MAX, "max_persons": MAX_PERSONS,
                                 "max_batch": MAX_BATCH, "max_request_bytes": max_request_bytes,
                                 "max_batch_request_bytes": max_batch_request_bytes}})

    def _reform(body):
        if isinstance(body, dict) and body.get("reform") is not None:
            return body["reform"]
        return reform

    @app.errorhandler(HTTPException)
    def http_error(error):
        return _error(_snake(error.name), error.description or error.name, error.code or 500)

    @app.errorhandler(Exception)
    def unexpected(error):
        log.exception("unexpected error")
        return _error("internal_error", f"{type(error).__name__}", 500)

    return app
