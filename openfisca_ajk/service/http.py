"""The Web API of the service: the standard OpenFisca routes plus ``/evaluate``, ``/evaluate/batch``, ``/explain``.

Every answer is JSON. Errors are ``{"error": {"code", "field", "problem"}, "errors": [...]}`` with
400 (bad input, naming the field), 404 (unknown route, scheme or variable), 405, 408 (the body did
not arrive in time), 413 (body above the limit), 415 (a body that is not ``application/json``), 422
(too costly — the limit is named — or the engine could not compute) and 503 (the request ran out of
its time budget); never an HTML page.

    POST /evaluate[?include=all]        body: one application (flat form or situation)  → evaluate()
    POST /evaluate/batch[?include=all]  body: {"date", "applications": [...], "reform"?, "detail"?, "include"?}
    POST /explain                       body: {"scheme", "application", "format"?, "date"?, "reform"?} → explain()
    GET  /service                       limits, versions, schemes and reforms
    POST /calculate, /trace             the standard Web API, behind the checks of ``webapi.check_situation``
    GET  /spec                          the OpenAPI document, with the service routes

Cross-origin requests (CORS) are refused unless their ``Origin`` is in the allow-list given to
``create_service_app`` (none by default). Answers of at least GZIP_MIN_BYTES are gzip-compressed
for a client that sends ``Accept-Encoding: gzip``.
"""

import gzip
import json
import logging
import os
from pathlib import Path

from flask import Response, request
from openfisca_core.errors import PeriodMismatchError, SituationParsingError
from openfisca_web_api import handlers
from openfisca_web_api.app import create_app
from werkzeug.exceptions import ClientDisconnected, HTTPException

from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.service import constants, openapi
from openfisca_ajk.service.budget import time_budget
from openfisca_ajk.service.constants import GZIP_MIN_BYTES, MAX_BATCH_REQUEST_BYTES, MAX_REQUEST_BYTES, TIME_BUDGET_SECONDS
from openfisca_ajk.service.errors import ApplicationError, problem
from openfisca_ajk.service.evaluation import INCLUDE, evaluate, evaluate_batch
from openfisca_ajk.service.explanation import explain
from openfisca_ajk.service.systems import available_reforms, get_system, versions
from openfisca_ajk.service.webapi import check_situation

log = logging.getLogger("gunicorn.error")
BATCH_KEYS = {"date", "reform", "detail", "applications", "include"}
EXPLAIN_KEYS = {"scheme", "application", "format", "date", "reform"}
JSON_ROUTES = ("/evaluate", "/evaluate/batch", "/explain", "/calculate", "/trace")

#: Where the Web API's ``source`` links of variables and parameters point: ``<url>/blob/<version>/<path>``.
#: Without it (the default) the links are relative to the server, which serves the law's files itself.
REPOSITORY_URL_VARIABLE = "OPENFISCA_AJK_REPOSITORY_URL"
SOURCE_FOLDERS = ("parameters", "variables", "reforms")
SOURCE_SUFFIXES = (".py", ".yaml", ".yml")


def _json(payload, status=200):
    return Response(json.dumps(payload, ensure_ascii=False), status=status, mimetype="application/json")


def _error(code, text, status, field=None):
    return _json(ApplicationError([problem(code, field, text)]).to_dict(), status)


def _snake(name):
    return "_".join(name.lower().replace("-", " ").split())


def _require_json():
    mimetype = request.mimetype or ""
    if mimetype != "application/json" and not mimetype.endswith("+json"):
        raise ApplicationError.single("unsupported_media_type", None,
                                      f"send the body as Content-Type: application/json, not {mimetype[:60] or 'none'!r}")


def _body(limit, cache=False):
    _require_json()
    length = request.content_length
    if length is not None and length > limit:
        raise ApplicationError.single("payload_too_large", None, f"the body has {length} bytes; the limit is {limit}")
    try:
        data = request.get_data(cache=cache)
    except (OSError, ClientDisconnected):   # the socket's read timeout: a client that stalls while sending its body
        raise ApplicationError.single("request_timeout", None,
                                      "the body did not arrive in full within the read timeout") from None
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


def _include(body=None):
    given = request.args.get("include")
    if isinstance(body, dict) and body.get("include") is not None:
        if given is not None and given != body["include"]:
            raise ApplicationError.single("inconsistent", "include", "the query and the body give different values")
        given = body["include"]
    given = "in_force" if given is None else given
    if given not in INCLUDE:
        raise ApplicationError.single("invalid_value", "include", f"include is one of {list(INCLUDE)}")
    return given


def _repository_metadata(system, repository_url):
    """Make the Web API's ``source`` links resolve: the package metadata's repository URL is
    ``repository_url`` ('' for links relative to this server, which serves the files itself)."""
    original = type(system).get_package_metadata

    def package_metadata():
        metadata = dict(original(system))
        metadata["repository_url"] = repository_url.rstrip("/")
        return metadata
    system.get_package_metadata = package_metadata
    return package_metadata()


class _Cors:
    """WSGI middleware: only the allow-listed origins get cross-origin headers (none by default).

    OpenFisca's Web API allows every origin; its ``Access-Control-*`` headers are removed from every
    answer, then added back, for the request's own origin, only when that origin is allow-listed.
    """

    def __init__(self, app, origins):
        self.app, self.origins = app, frozenset(origins)

    def __call__(self, environ, start_response):
        origin = environ.get("HTTP_ORIGIN")
        allowed = origin is not None and (origin in self.origins or "*" in self.origins)

        def filtered(status, headers, exc_info=None):
            headers = [(k, v) for k, v in headers if not k.lower().startswith("access-control-")]
            if allowed:
                headers += [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")]
                if environ.get("REQUEST_METHOD") == "OPTIONS":
                    headers += [("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                                ("Access-Control-Allow-Headers", "Content-Type"), ("Access-Control-Max-Age", "600")]
            return start_response(status, headers, exc_info)
        return self.app(environ, filtered)


def create_service_app(reform=None, max_request_bytes=MAX_REQUEST_BYTES, max_batch_request_bytes=MAX_BATCH_REQUEST_BYTES,
                       time_budget_seconds=TIME_BUDGET_SECONDS, cors_origins=(), repository_url=None):
    """The Flask application: OpenFisca's Web API on the (reformed) system plus the service routes.

    ``time_budget_seconds`` bounds each request's computation (JSON 503 beyond it); ``cors_origins``
    lists the origins allowed to call from a browser page (none by default); ``repository_url`` is
    where the Web API's ``source`` links point (default: the environment variable
    OPENFISCA_AJK_REPOSITORY_URL, else links relative to this server, which serves the files).
    """
    system = get_system(reform)
    if repository_url is None:
        repository_url = os.environ.get(REPOSITORY_URL_VARIABLE, "")
    metadata = _repository_metadata(system, repository_url)
    app = create_app(system)
    app.config["MAX_CONTENT_LENGTH"] = max(max_request_bytes, max_batch_request_bytes)
    app.wsgi_app = _Cors(app.wsgi_app, cors_origins)

    def guarded(handler):
        try:
            with time_budget(time_budget_seconds):
                return _json(handler())
        except ApplicationError as error:
            return _json(error.to_dict(), error.http_status)
        except RecursionError:
            return _error("invalid_json", "the body is nested too deeply", 400)

    @app.route("/evaluate", methods=["POST"])
    def evaluate_route():
        def run():
            body = _body(max_request_bytes)
            return evaluate(body, reform=_reform(body), include=_include())
        return guarded(run)

    @app.route("/evaluate/batch", methods=["POST"])
    def batch_route():
        def run():
            body = _object(_body(max_batch_request_bytes), BATCH_KEYS)
            detail = body.get("detail", False)
            if not isinstance(detail, bool):
                raise ApplicationError.single("wrong_type", "detail", "expected true or false")
            return {"results": evaluate_batch(body.get("applications"), body.get("date"), _reform(body), detail,
                                              _include(body))}
        return guarded(run)

    @app.route("/explain", methods=["POST"])
    def explain_route():
        def run():
            body = _object(_body(max_request_bytes), EXPLAIN_KEYS)
            if "application" not in body:
                raise ApplicationError.single("missing_field", "application", "the application to explain is missing")
            chosen = body.get("reform") if body.get("reform") is not None else _reform(body.get("application"))
            format_ = body.get("format", "json")
            result = explain(body["application"], body.get("scheme"), body.get("date"), chosen, format_)
            return {"text": result} if format_ == "text" else result
        return guarded(run)

    def web_api(handler, axes):
        """``/calculate`` and ``/trace``: the situation checked (types, ranges, periods, size) before OpenFisca reads it."""
        try:
            with time_budget(time_budget_seconds):
                body = _body(max_request_bytes)
                check_situation(system, body, axes)
                try:
                    return _json(handler(system, body))
                except (SituationParsingError, PeriodMismatchError) as error:
                    return _json(error.error, error.code or 400)
                except Exception as error:         # checked input the engine still cannot compute: logged, never a 500
                    log.exception("the engine could not compute a checked situation")
                    raise ApplicationError.single("computation_failed", None,
                                                  f"the engine could not compute: {type(error).__name__}: {str(error)[:200]}") from error
        except ApplicationError as error:
            return _json(error.to_dict(), error.http_status)
        except RecursionError:
            return _error("invalid_json", "the body is nested too deeply", 400)

    app.view_functions["calculate"] = lambda: web_api(handlers.calculate, False)
    app.view_functions["trace"] = lambda: web_api(handlers.trace, True)

    standard_spec = app.view_functions["get_spec"]

    def spec_route():
        return _json(openapi.extend(standard_spec().get_json()))
    app.view_functions["get_spec"] = spec_route

    location = Path(metadata["location"]).resolve() if metadata.get("location") not in (None, "_unknown_") else None

    @app.route("/blob/<version>/<path:relative>", methods=["GET"])
    def source_route(version, relative):
        """The law's source files, so the ``source`` links of variables and parameters resolve."""
        if location is None or version != metadata["version"]:
            return _error("not_found", "no such source file of this version", 404)
        path = (location / relative).resolve()
        inside = path.is_relative_to(location) and any(part in SOURCE_FOLDERS for part in path.relative_to(location).parts[:2])
        if not inside or path.suffix not in SOURCE_SUFFIXES or not path.is_file():
            return _error("not_found", "no such source file of this version", 404)
        return Response(path.read_text(encoding="utf-8"), mimetype="text/plain")

    @app.route("/service", methods=["GET"])
    def service_route():
        return _json({"versions": versions(), "reform": reform, "reforms": available_reforms(),
                      "schemes": [s.name for s in load_schemes()],
                      "limits": {"date_min": constants.DATE_MIN, "date_max": constants.DATE_MAX,
                                 "max_persons": constants.MAX_PERSONS, "max_batch": constants.MAX_BATCH,
                                 "max_request_bytes": max_request_bytes, "max_batch_request_bytes": max_batch_request_bytes,
                                 "max_application_cost": constants.MAX_APPLICATION_COST,
                                 "max_request_cost": constants.MAX_REQUEST_COST, "chunk_cost": constants.CHUNK_COST,
                                 "time_budget_seconds": time_budget_seconds,
                                 "max_situation_persons": constants.MAX_SITUATION_PERSONS,
                                 "max_expanded_persons": constants.MAX_EXPANDED_PERSONS,
                                 "max_computations": constants.MAX_COMPUTATIONS, "max_axis_count": constants.MAX_AXIS_COUNT},
                      "cors_origins": sorted(cors_origins)})

    def _reform(body):
        if isinstance(body, dict) and body.get("reform") is not None:
            return body["reform"]
        return reform

    @app.after_request
    def compress(response):
        accepted = request.headers.get("Accept-Encoding", "")
        if response.direct_passthrough or "Content-Encoding" in response.headers:
            return response
        response.vary.add("Accept-Encoding")
        if "gzip" not in accepted.lower() or response.status_code < 200:
            return response
        data = response.get_data()
        if len(data) >= GZIP_MIN_BYTES:
            response.set_data(gzip.compress(data, compresslevel=5))
            response.headers["Content-Encoding"] = "gzip"
        return response

    @app.errorhandler(HTTPException)
    def http_error(error):
        return _error(_snake(error.name), error.description or error.name, error.code or 500)

    @app.errorhandler(Exception)
    def unexpected(error):
        log.exception("unexpected error")
        return _error("internal_error", f"{type(error).__name__}", 500)

    return app
