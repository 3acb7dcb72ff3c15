"""Turn a validated ``ReformSpec`` into an OpenFisca ``Reform`` that changes a deep copy of the parameters."""

import importlib.util
import inspect
import sys

from openfisca_core import periods
from openfisca_core.reforms import Reform

from openfisca_ajk.paths import law_folder
from openfisca_ajk.reform_diffs.errors import ReformFileError
from openfisca_ajk.reform_diffs.spec import (
    available_names,
    check_against_tree,
    load_reform_file,
    resolve_reform_path,
)
from openfisca_ajk.reform_diffs.tree import index_parameters

PYTHON_MODULE_PREFIX = "openfisca_ajk_reform_file"


def apply_changes_to_parameters(parameters, changes):
    """Apply ``changes`` in order to ``parameters`` **in place** and return it.

    Only call this on a tree you own, such as the deep copy ``Reform.modify_parameters`` hands to its
    modifier function (``parameter_modifier`` does that for you).
    """
    leaves, _ = index_parameters(parameters)
    for change in changes:
        stop = periods.instant(change.stop.isoformat()) if change.stop else None
        # A list is kept as a tuple in a Change (hashable) and given to OpenFisca as a list.
        value = list(change.value) if isinstance(change.value, tuple) else change.value
        leaves[change.path].parameter.update(start=periods.instant(change.start.isoformat()), stop=stop, value=value)
    return parameters


def parameter_modifier(changes):
    """A modifier function for ``Reform.modify_parameters`` applying every change at once."""
    changes = tuple(changes)

    def modify(parameters):
        return apply_changes_to_parameters(parameters, changes)

    return modify


def build_reform_class(spec):
    """A ``Reform`` subclass named ``spec.name`` whose ``apply`` makes one ``modify_parameters`` call."""
    changes = spec.all_changes

    def apply(self):
        problems = check_against_tree(changes, self.baseline.parameters, self.baseline.variables)
        if problems:
            raise ReformFileError(spec.source or spec.name, problems)
        self.modify_parameters(modifier_function=parameter_modifier(changes))

    attributes = {
        "__doc__": spec.description or spec.label,
        "__module__": "openfisca_ajk.named_reforms",
        "__qualname__": spec.name,
        "name": spec.label,
        "spec": spec,
        "apply": apply,
    }
    return type(spec.name, (Reform,), attributes)


def load_python_reform(path):
    """The ``Reform`` subclass named like the file ``reforms/<name>.py``."""
    module_name = f"{PYTHON_MODULE_PREFIX}_{path.stem}"
    module = sys.modules.get(module_name)
    if module is None or getattr(module, "__file__", None) != str(path):
        module_spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(module_spec)
        sys.modules[module_name] = module
        try:
            module_spec.loader.exec_module(module)
        except Exception:
            del sys.modules[module_name]
            raise
    reform = getattr(module, path.stem, None)
    if inspect.isclass(reform) and issubclass(reform, Reform):
        return reform
    found = sorted(name for name, item in vars(module).items()
                   if inspect.isclass(item) and issubclass(item, Reform) and item is not Reform)
    raise ValueError(f"{path}: defines no Reform subclass named '{path.stem}' (found: {', '.join(found) or 'none'})")


def load_reform_class(path_or_name, tax_benefit_system=None):
    """The ``Reform`` class of a YAML reform (validated) or of a Python reform, by name or path."""
    path = resolve_reform_path(path_or_name)
    if path.suffix == ".py":
        return load_python_reform(path)
    return build_reform_class(load_reform_file(path, tax_benefit_system))



def list_reforms():
    """Names of the reform files (``.yaml`` and ``.py``) in ``reforms/``."""
    try:
        return available_names(law_folder("reforms"))
    except FileNotFoundError:
        return []
