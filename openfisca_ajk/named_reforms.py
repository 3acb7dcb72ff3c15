"""Every reform file as an attribute: ``openfisca_ajk.named_reforms.<name>`` is its ``Reform`` class.

This is the dotted path OpenFisca's tools expect, so a reform file can be named

- in a YAML test: ``reforms: openfisca_ajk.named_reforms.kafaalat_14500``
- on the command line: ``openfisca test -c openfisca_ajk -r openfisca_ajk.named_reforms.kafaalat_14500 ...``
  and ``openfisca serve -c openfisca_ajk -r openfisca_ajk.named_reforms.kafaalat_14500``.

Classes are built on first access (``reforms/<name>.yaml`` is validated then) and cached.
"""

from openfisca_ajk.reform_diffs import list_reforms, load_reform_class

_CLASSES = {}


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    if name not in _CLASSES:
        names = list_reforms()
        if name not in names:
            raise AttributeError(
                f"openfisca_ajk.named_reforms has no reform '{name}': there is no reforms/{name}.yaml "
                f"or reforms/{name}.py (available: {', '.join(names) or 'none'})",
            )
        _CLASSES[name] = load_reform_class(name)
    return _CLASSES[name]


def __dir__():
    return sorted(list_reforms())
