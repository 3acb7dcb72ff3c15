"""The law a computation uses: today's law or a reformed law, built here and nowhere else.

``law(reform)`` takes what every tool is given to name a law and returns its tax-benefit system:

- ``None``, ``""`` or ``"baseline"``: today's law (``CountryTaxBenefitSystem``);
- the name of a reform of the library (``reforms/<name>.yaml`` or ``.py``) or the path of a reform file;
- an in-memory diff ``{parameter path: {period key: value}}`` (``reform_diffs`` format);
- a ``Reform`` class, applied to today's law;
- a tax-benefit system, returned as it is.

Systems are cached per process (a reform file by its resolved path and its content, so an edited file is read
again; a diff by its canonical JSON). A cached system is shared: callers read it and never change it. A reform
file or diff is validated whole before it is applied (``ReformFileError`` lists every problem), and a reform
changes a deep copy of the parameters, so today's law is never touched.
"""

import hashlib
import json
import threading
from collections import OrderedDict
from pathlib import Path

from openfisca_core.reforms import Reform
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_ajk.reform_diffs.build import build_reform_class, load_reform_class
from openfisca_ajk.reform_diffs.spec import resolve_reform_path, spec_from_diff

BASELINE = "baseline"
CACHED_REFORMS = 32     # reformed systems kept per process (today's law is always kept)

_LOCK = threading.RLock()
_BASELINE = []
_REFORMED = OrderedDict()


def baseline():
    """Today's law, built once per process."""
    if not _BASELINE:
        with _LOCK:
            if not _BASELINE:
                from openfisca_ajk.system import CountryTaxBenefitSystem

                _BASELINE.append(CountryTaxBenefitSystem())
    return _BASELINE[0]


def is_baseline(reform) -> bool:
    return reform is None or (isinstance(reform, str) and reform.strip() in ("", BASELINE))


def law(reform=None):
    """The tax-benefit system of ``reform`` (see the module's docstring for what may be given)."""
    if is_baseline(reform):
        return baseline()
    if isinstance(reform, TaxBenefitSystem):
        return reform
    key, build = _recipe(reform)
    with _LOCK:     # one build per law, even when several threads ask for it at once
        if key in _REFORMED:
            _REFORMED.move_to_end(key)
            return _REFORMED[key]
        system = build()
        _REFORMED[key] = system
        while len(_REFORMED) > CACHED_REFORMS:
            _REFORMED.popitem(last=False)
        return system


def _recipe(reform):
    """(cache key, function building the system) for a reform that is not today's law."""
    if isinstance(reform, type) and issubclass(reform, Reform):
        return ("class", reform), lambda: reform(baseline())
    if isinstance(reform, dict):
        canonical = json.dumps(reform, sort_keys=True, default=str)
        return ("diff", canonical), lambda: apply_changes(baseline(), reform, name="in_memory_diff")
    if isinstance(reform, (str, Path)):
        path = resolve_reform_path(reform)
        content = hashlib.sha256(path.read_bytes()).hexdigest()
        return ("file", str(path.resolve()), content), lambda: apply_reform_file(baseline(), path)
    raise TypeError(f"a law is named by nothing (today's law), a reform name or file, a diff, a Reform class or a "
                    f"tax-benefit system; got {type(reform).__name__}")


def apply_reform_file(tax_benefit_system, path_or_name):
    """The system reformed by a reform file (a name in ``reforms/`` or a path), not cached.

    ``tax_benefit_system`` itself is left unchanged. ``law(name)`` is the cached form on today's law.
    """
    return load_reform_class(path_or_name, tax_benefit_system)(tax_benefit_system)


def apply_changes(tax_benefit_system, diff, name="in_memory_reform", label=None):
    """The system reformed by an in-memory diff ``{path: {period key: value}}``, not cached.

    >>> reformed = apply_changes(system, {"pakistan.bisp.kafaalat.quarterly_instalment": {"2026-01-01": 14500}})
    """
    spec = spec_from_diff(diff, tax_benefit_system.parameters, name=name, label=label)
    return build_reform_class(spec)(tax_benefit_system)


def reformed(tax_benefit_system, reform_class):
    """``reform_class`` applied to ``tax_benefit_system`` (a reform of another reform, e.g. an act's trial)."""
    return reform_class(tax_benefit_system)


def label_of(reform) -> str:
    """How reports name the law ``reform`` (``""`` for today's law)."""
    if is_baseline(reform):
        return ""
    if isinstance(reform, dict):
        return "in-memory diff: " + ", ".join(sorted(reform))
    if isinstance(reform, (str, Path)):
        return str(reform)
    if isinstance(reform, type):
        return reform.__name__
    return getattr(reform, "name", None) or type(reform).__name__
