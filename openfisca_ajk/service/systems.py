"""The systems the service computes with: today's law and the named reforms of the library, from the engine.

``get_system`` accepts only names listed by ``list_reforms()`` (never a path), so a request cannot make the
service load an arbitrary file; ``engine.law`` builds and caches each system once per process. Also the
versions and the parameter-set hash that evaluations and explanations carry.
"""

import hashlib
import importlib
import json
import re
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from openfisca_ajk.engine.law import law
from openfisca_ajk.service.errors import ApplicationError
from openfisca_ajk.tools.plain import plain

REFORM_NAME = re.compile(r"^[A-Za-z0-9_\-]{1,100}$")
_KEYS = {}   # id of a system -> the name it was asked by ('' for today's law)


def _reform_module():
    """The reform loader, imported only when a reform is asked for."""
    try:
        return importlib.import_module("openfisca_ajk.reform_diffs")
    except ImportError as error:
        raise ApplicationError.single("unknown_reform", "reform", f"reforms are not available: {error}") from error


def available_reforms():
    """Names of the reforms the service can apply (``reforms/*.yaml`` and ``*.py``)."""
    try:
        return list(_reform_module().list_reforms())
    except ApplicationError:
        return []


def get_system(reform=None):
    """Today's law (``reform=None``) or the law reformed by the named reform of the library."""
    if not reform:
        system = law()
    else:
        _check_name(reform)
        try:
            system = law(reform)
        except ValueError as error:
            raise ApplicationError.single("unknown_reform", "reform",
                                          f"reform '{reform}' cannot be applied: {error}") from error
    _KEYS.setdefault(id(system), reform or "")
    return system


def _check_name(reform):
    if not isinstance(reform, str) or not REFORM_NAME.match(reform):
        raise ApplicationError.single("unknown_reform", "reform", "a reform is named by letters, digits, '_' or '-'")
    names = _reform_module().list_reforms()
    if reform not in names:
        raise ApplicationError.single("unknown_reform", "reform",
                                      f"unknown reform '{reform}'; known reforms: {', '.join(names) or 'none'}")


def system_key(system):
    """The name a system was asked by (its reform name, '' for today's law)."""
    return _KEYS.get(id(system), f"id:{id(system)}")


def _package_version(name):
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=1)
def versions():
    """``{"openfisca_ajk": ..., "openfisca_core": ...}``."""
    from openfisca_ajk import __version__
    return {"openfisca_ajk": __version__, "openfisca_core": _package_version("openfisca-core")}


def _dump_node(node):
    """Canonical dump of a parameter node: every leaf's dated values (and scale brackets)."""
    if hasattr(node, "children"):
        return {name: _dump_node(child) for name, child in sorted(node.children.items())}
    if hasattr(node, "brackets"):
        return [{key: _dump_node(getattr(bracket, key)) for key in ("threshold", "rate", "amount", "average_rate", "base")
                 if hasattr(bracket, key)} for bracket in node.brackets]
    return [[entry.instant_str, plain(entry.value)] for entry in node.values_list]


_HASHES = {}


def parameter_hash(system):
    """SHA-256 of a canonical JSON dump of the system's whole parameter tree (cached per system)."""
    key = id(system)
    if key not in _HASHES:
        dump = json.dumps(_dump_node(system.parameters), sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        _HASHES[key] = "sha256:" + hashlib.sha256(dump.encode("utf-8")).hexdigest()
    return _HASHES[key]
