"""The OpenAPI description of the service routes, added to the standard Web API's ``GET /spec``."""

_JSON_BODY = {"required": True, "content": {"application/json": {"schema": {"type": "object"}}}}


def _answers(ok):
    error = {"description": "{\"error\": {\"code\", \"field\", \"problem\"}, \"errors\": [...]}",
             "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ServiceError"}}}}
    return {
        "200": {"description": ok, "content": {"application/json": {"schema": {"type": "object"}}}},
        "400": {**error, "description": "bad input: the error names the field and the problem"},
        "404": {**error, "description": "unknown route, scheme or variable"},
        "408": {**error, "description": "the body did not arrive within the read timeout"},
        "413": {**error, "description": "the body is above the size limit"},
        "415": {**error, "description": "the body is not sent as application/json"},
        "422": {**error, "description": "too costly (the limit is named) or the engine could not compute"},
        "503": {**error, "description": "the request ran out of its time budget"},
    }


_INCLUDE = {"name": "include", "in": "query", "required": False,
            "description": "all: also the schemes not in force this month (named in not_in_force otherwise)",
            "schema": {"type": "string", "enum": ["in_force", "all"], "default": "in_force"}}

PATHS = {
    "/evaluate": {"post": {
        "summary": "Every registered scheme for one household: status, amount, reasons and legal references",
        "description": "The body is one application: the flat form ({date, household, persons: [...]}, see "
                       "situation_examples/applications/README.md) or an OpenFisca situation with one household. "
                       "Missing deciding inputs are varied; a scheme they decide is undetermined and inputs_needed "
                       "names them. Each scheme carries a one-line reason in words.",
        "tags": ["Calculations"], "operationId": "evaluate", "parameters": [_INCLUDE],
        "requestBody": _JSON_BODY, "responses": _answers("the evaluation (schema ajk-evaluation/1)")}},
    "/evaluate/batch": {"post": {
        "summary": "Many households for one month; malformed or too costly applications get an error in place",
        "description": "Body: {date: YYYY-MM, applications: [...], reform?, detail?: bool, include?}. The cost "
                       "(simulated persons) is counted before any simulation and bounded (GET /service, limits).",
        "tags": ["Calculations"], "operationId": "evaluateBatch", "parameters": [_INCLUDE],
        "requestBody": _JSON_BODY, "responses": _answers("{results: [evaluation or {index, error, errors}]}")}},
    "/explain": {"post": {
        "summary": "How one scheme's result was computed: the computation tree, parameters and references",
        "description": "Body: {scheme, application, format?: json|text, date?, reform?}.",
        "tags": ["Calculations"], "operationId": "explain",
        "requestBody": _JSON_BODY, "responses": _answers("the explanation (schema ajk-explanation/1) or {text}")}},
    "/service": {"get": {
        "summary": "Versions, schemes, reforms and the limits of this service",
        "tags": ["Documentation"], "operationId": "service",
        "responses": {"200": {"description": "{versions, reform, reforms, schemes, limits}",
                              "content": {"application/json": {"schema": {"type": "object"}}}}}}},
}

SCHEMAS = {
    "ServiceError": {"type": "object", "properties": {
        "error": {"type": "object", "properties": {"code": {"type": "string"}, "field": {"type": "string", "nullable": True},
                                                   "problem": {"type": "string"}}},
        "errors": {"type": "array", "items": {"type": "object"}}}},
}


def extend(spec):
    """``spec`` (the standard Web API's OpenAPI document) with the service routes added."""
    spec = dict(spec)
    spec["paths"] = {**spec.get("paths", {}), **PATHS}
    components = dict(spec.get("components", {}))
    components["schemas"] = {**components.get("schemas", {}), **SCHEMAS}
    spec["components"] = components
    return spec
