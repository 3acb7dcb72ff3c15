"""Labels and legal references of variables and parameters, at the instant they are used."""

import threading
from functools import lru_cache

from openfisca_ajk.tools.plain import plain

_LOCK = threading.Lock()


def as_list(reference):
    if not reference:
        return []
    if isinstance(reference, str):
        return [reference]
    return [str(item) for item in reference]


def get_parameter(system, name):
    """The parameter (or node) at dotted path ``name``; KeyError if there is none."""
    node = system.parameters
    for part in name.split("."):
        children = getattr(node, "children", None)
        if children is None or part not in children:
            raise KeyError(name)
        node = children[part]
    return node


def variable_info(system, name):
    variable = system.variables[name]
    return {"variable": name, "label": variable.label, "reference": as_list(variable.reference)}


def _effective_from(parameter, instant):
    chosen = None
    for entry in parameter.values_list:           # newest first
        if entry.instant_str <= instant:
            chosen = entry.instant_str
            break
    return chosen


def _reference_at(metadata, instant):
    reference = metadata.get("reference")
    if isinstance(reference, dict):
        dates = sorted((str(key) for key in reference), reverse=True)
        for key in dates:
            if key <= instant:
                entries = reference.get(key, reference.get(_as_date(key)))
                return key, _entries(entries)
        return None, []
    return None, _entries(reference)


def _as_date(text):
    from datetime import date
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def _entries(entries):
    if entries is None:
        return []
    if isinstance(entries, dict | str):
        entries = [entries]
    result = []
    for entry in entries:
        if isinstance(entry, dict):
            result.append({"title": str(entry.get("title", "")), "href": str(entry.get("href", ""))})
        else:
            result.append({"title": "", "href": str(entry)})
    return result


@lru_cache(maxsize=8192)
def _parameter_info(system_id, system_ref, name, instant):
    system = system_ref()
    parameter = get_parameter(system, name)
    metadata = dict(getattr(parameter, "metadata", {}) or {})
    reference_date, references = _reference_at(metadata, instant)
    info = {
        "parameter": name,
        "label": metadata.get("label"),
        "description": getattr(parameter, "description", None),
        "unit": metadata.get("unit"),
        "instant": instant,
        "effective_from": _effective_from(parameter, instant) if hasattr(parameter, "values_list") else None,
        "value": plain(parameter(instant), 6),
        "reference_from": reference_date,
        "reference": references,
    }
    for key in ("status", "assumption", "conflicting"):
        if key in metadata:
            value = metadata[key]
            if isinstance(value, dict):
                in_force = [k for k in sorted(str(k) for k in value) if k <= instant]
                value = value.get(in_force[-1], value.get(_as_date(in_force[-1]))) if in_force else None
            if value is not None:
                info[key] = str(value)
    return info


class _Ref:
    def __init__(self, system):
        self.system = system

    def __call__(self):
        return self.system

    def __hash__(self):
        return id(self.system)

    def __eq__(self, other):
        return isinstance(other, _Ref) and other.system is self.system


def parameter_info(system, name, instant):
    """Label, description, unit, value, the date it took effect and the references in force at ``instant``."""
    with _LOCK:
        return _parameter_info(id(system), _Ref(system), name, str(instant))
