"""Tax-benefit systems cached per process: the baseline and each named reform, built once.

Also the versions and the parameter-set hash that evaluations and explanations carry.
"""

import hashlib
import importlib
import json
import re
import threading
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from openfisca_ajk.service.errors import ApplicationError
from openfisca_ajk.tools.plain import plain

_LOCK = threading.RLock()
_SYSTEMS = {}
REFORM_NAME = re.compile(r"^[A-Za-z0-9_\-]{1,100}$")


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
    """The baseline system (``reform=None``) or the system reformed by the named reform, cached.

    Only names listed by ``list_reforms()`` are accepted (never a path), so a request cannot make the
    service load an arbitrary file.
    """
    key = reform or ""
    system = _SYSTEMS.get(key)
    if system is not None:
        return system
    with _LOCK:
        if key in _SYSTEMS:
            return _SYSTEMS[key]
        if not reform:
            from openfisca_ajk.system import CountryTaxBenefitSystem
            system = CountryTaxBenefitSystem()
        else:
            system = _build_reformed(reform)
        _SYSTEMS[key] = system
        return system


def _build_reformed(reform):
    if not isinstance(reform, str) or not REFORM_NAME.match(reform):
        raise ApplicationError.single("unknown_reform", "reform", "a reform is named by letters, digits, '_' or '-'")
    module = _reform_module()
    names = module.list_reforms()
    if reform not in names:
        raise ApplicationError.single("unknown_reform", "reform",
                                      f"unknown reform '{reform}'; known reforms: {', '.join(names) or 'none'}")
    try:
        return module.apply_reform_file(get_system(None), reform)
    except ValueError as error:
        raise ApplicationError.single("unknown_reform", "reform", f"reform '{reform}' cannot be applied: {error}") from error


def system_key(system):
    """The cache key of a system built by ``get_system`` (its reform name, '' for the baseline)."""
    for key, cached in _SYSTEMS.items():
        if cached is system:
            return key
    return f"id:{id(system)}"


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
