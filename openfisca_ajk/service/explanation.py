"""``explain``: how one scheme's result was computed, as versioned JSON or readable text.

The application is parsed once; one traced simulation of the asked scheme (the application's own
household, then the variants of its missing deciding inputs for that scheme only) gives both the
verdict and the computation tree, whose values are those of the application's own row.

The document holds the computation tree (each variable with its value per person or household,
its label, its legal reference and whether it was computed, given, or left at its default), every
parameter value used with the date it took effect and the legal reference in force, the versions of
the engine and the package, a SHA-256 of the whole parameter set and of the application, and the
scheme's verdict from ``evaluate``. It holds no timestamp or timing, so the same application and
versions always give the identical document (``document_hash`` covers everything else).
"""

import hashlib
import json

from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.service.constants import EXPLANATION_SCHEMA
from openfisca_ajk.service.errors import ApplicationError
from openfisca_ajk.service.evaluation import evaluate_traced
from openfisca_ajk.service.intake import load_application
from openfisca_ajk.service.references import as_list, parameter_info
from openfisca_ajk.service.systems import parameter_hash, versions
from openfisca_ajk.service.text import render_text
from openfisca_ajk.tools.plain import plain


def _find_scheme(name):
    for scheme in load_schemes():
        if scheme.name == name:
            return scheme
    known = ", ".join(s.name for s in load_schemes())
    raise ApplicationError.single("unknown_scheme", "scheme", f"unknown scheme {str(name)[:60]!r}; known: {known}")


def _values(array, ids):
    if hasattr(array, "decode_to_str"):
        array = array.decode_to_str()
    return {entity_id: plain(item, 6) for entity_id, item in zip(ids, array.tolist() if hasattr(array, "tolist") else array)}


def _source(variable, application, person_key):
    if variable.formulas and variable.name not in _given(application, variable, person_key):
        return "formula"
    given = _given(application, variable, person_key)
    if not given:
        return "default"
    holders = application.persons if variable.entity.key == person_key else [None]
    return "input" if len(given) == len(holders) else "input_partly_default"


def _given(application, variable, person_key):
    if variable.entity.key == person_key:
        return [p.id for p in application.persons if variable.name in p.inputs]
    return [application.household_id] if variable.name in application.household_inputs else []


class _TreeBuilder:
    def __init__(self, system, application):
        self.system, self.application = system, application
        self.person_key = system.person_entity.key
        self.seen, self.parameters = set(), set()

    def node(self, trace_node):
        variable = self.system.variables[trace_node.name]
        person_level = variable.entity.key == self.person_key
        ids = [p.id for p in self.application.persons] if person_level else [self.application.household_id]
        key = (trace_node.name, str(trace_node.period))
        entry = {"variable": trace_node.name, "period": str(trace_node.period), "entity": variable.entity.key,
                 "value": _values(trace_node.value, ids) if trace_node.value is not None else None}
        if key in self.seen:
            entry["see_above"] = True
            return entry
        self.seen.add(key)
        entry.update({"label": variable.label, "reference": as_list(variable.reference),
                      "source": _source(variable, self.application, self.person_key)})
        used = sorted({(p.name, str(p.period)) for p in trace_node.parameters})
        self.parameters.update(used)
        if used:
            entry["parameters"] = [{"parameter": name, "instant": instant} for name, instant in used]
        children = [self.node(child) for child in trace_node.children]
        if children:
            entry["children"] = children
        return entry


def _digest(document):
    text = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def explain(application, scheme, date=None, reform=None, format="json"):
    """Explain the computation of ``scheme`` for ``application`` (``format`` ``"json"`` or ``"text"``).

    >>> from openfisca_ajk.service import explain
    >>> document = explain({"date": "2025-03", "household": {"pmt_score": 21.5},
    ...     "persons": [{"role": "head", "sex": "female", "marital_status": "widowed", "has_cnic": True}]},
    ...     "bisp_kafaalat")
    >>> document["schema"], document["computation"][0]["variable"]
    ('ajk-explanation/1', 'bisp_kafaalat')
    """
    if format not in ("json", "text"):
        raise ApplicationError.single("invalid_value", "format", "format is 'json' or 'text'")
    if not isinstance(scheme, str):
        raise ApplicationError.single("wrong_type", "scheme", "a scheme is given by its name")
    found = _find_scheme(scheme)
    app, system = load_application(application, date, reform)
    verdict, simulation = evaluate_traced(system, app, found)     # the application's row first, then its variants
    tree = _TreeBuilder(system, app)
    computation = [tree.node(root) for root in simulation.tracer.trees]
    document = {
        "schema": EXPLANATION_SCHEMA, "versions": versions(), "parameter_set_hash": parameter_hash(system),
        "application_hash": app.digest(), "date": app.date, "reform": app.reform,
        "scheme": {"name": found.name, "label": found.label, "legal_instrument": dict(found.legal_instrument),
                   "entity": found.entity, "periodicity": found.periodicity, "status_in_law": found.status,
                   "provider": found.provider, "amount_kind": "cash" if found.is_cash else "value_ceiling_in_kind"},
        "verdict": {key: verdict.get(key) for key in ("status", "monthly_amount", "instalment", "inputs_needed",
                                                       "undetermined_because", "beneficiaries") if key in verdict},
        "computation": computation,
        "parameters": [parameter_info(system, name, instant) for name, instant in sorted(tree.parameters)],
    }
    document["document_hash"] = _digest(document)
    return render_text(document) if format == "text" else document
