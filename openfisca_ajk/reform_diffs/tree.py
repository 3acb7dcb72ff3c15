"""The parameter tree seen by a reform diff: every addressable path, its unit, its value type, its bounds."""

import difflib
import math
from dataclasses import dataclass
from numbers import Real

from openfisca_core.parameters import Parameter, ParameterNode, ParameterScale

INHERITED_KEYS = ("unit", "min_value", "max_value", "lists")
NON_NEGATIVE_UNITS = ("year", "years", "month", "months", "week", "weeks", "day", "days")
BRACKET_DEFAULT_UNITS = {"rate": "/1", "average_rate": "/1"}


@dataclass(frozen=True)
class Leaf:
    """One leaf parameter (a bracket's ``rate``/``threshold``/``amount`` included)."""

    path: str
    parameter: Parameter
    unit: str | None
    min_value: float | None
    max_value: float | None
    lists: str | None = None       # "variables": a list of variable names (e.g. household.totals.*)

    @property
    def kind(self):
        values = [at.value for at in self.parameter.values_list if at.value is not None]
        if self.lists or any(isinstance(value, list) for value in values):
            return "list"
        if self.unit == "bool" or any(isinstance(value, bool) for value in values):
            return "bool"
        if values and all(isinstance(value, str) for value in values):
            return "str"
        return "number"

    @property
    def baseline_range(self):
        """Lowest and highest numeric value the baseline ever gives (None, None if none)."""
        numbers = [at.value for at in self.parameter.values_list
                   if isinstance(at.value, Real) and not isinstance(at.value, bool)]
        return (min(numbers), max(numbers)) if numbers else (None, None)


def _inherit(inherited, metadata):
    merged = dict(inherited)
    merged.update({key: metadata[key] for key in INHERITED_KEYS if key in (metadata or {})})
    return merged


def index_parameters(root):
    """Return ``(leaves, nodes)``: ``{path: Leaf}`` and the set of paths that name nodes or scales."""
    leaves, nodes = {}, set()

    def walk(item, inherited):
        if isinstance(item, Parameter):
            meta = _inherit(inherited, item.metadata)
            leaves[item.name] = Leaf(item.name, item, meta.get("unit"), meta.get("min_value"), meta.get("max_value"),
                                     meta.get("lists"))
        elif isinstance(item, ParameterScale):
            nodes.add(item.name)
            for bracket in item.brackets:
                nodes.add(bracket.name)
                for field, child in bracket.children.items():
                    unit = item.metadata.get(f"{field}_unit", BRACKET_DEFAULT_UNITS.get(field))
                    walk(child, {**inherited, "unit": unit} if unit else inherited)
        elif isinstance(item, ParameterNode):
            if item.name:
                nodes.add(item.name)
            meta = _inherit(inherited, item.metadata)
            for child in item.children.values():
                walk(child, meta)

    walk(root, {})
    return leaves, nodes


def unknown_path_problem(path, leaves, nodes):
    """The message for a path that is not a leaf: a node, or unknown with near matches."""
    if path in nodes:
        below = sorted(name for name in leaves if name.startswith(path + ".") or name.startswith(path + "["))
        sample = ", ".join(below[:3]) + (", ..." if len(below) > 3 else "")
        return f"{path}: names a parameter node, not a single parameter; give a leaf such as {sample}"
    matches = difflib.get_close_matches(path, list(leaves), n=3, cutoff=0.6)
    if not matches:
        last = path.rsplit(".", 1)[-1]
        matches = sorted(name for name in leaves if name.rsplit(".", 1)[-1] == last)[:3]
    hint = f"; did you mean {' or '.join(matches)}?" if matches else ""
    return f"{path}: no such parameter in the baseline{hint}"


def _describe(value):
    return f"{value!r} ({type(value).__name__})"


def value_problem(leaf, value, variables=None):
    """Return a message (without the path) if ``value`` does not fit ``leaf``, else None.

    ``variables`` (names of the system's variables), when given, is checked against a list of variable names.
    """
    if value is None:
        return "no value given (null is not a parameter value)"
    kind = leaf.kind
    if kind == "list":
        return _list_problem(leaf, value, variables)
    if isinstance(value, (list, tuple)):
        return f"expects a single value, got the list {list(value)!r}"
    if kind == "bool":
        if isinstance(value, bool) or type(value).__name__ == "bool_":
            return None
        return f"is a yes/no parameter (unit bool); expected true or false, got {_describe(value)}"
    if kind == "str":
        return None if isinstance(value, str) else f"expects text, got {_describe(value)}"
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return f"expects a number (unit {leaf.unit}), got {_describe(value)}"
    if isinstance(value, str):
        return f"expects a number (unit {leaf.unit}), got the text {value!r}; write the number without quotes"
    if not isinstance(value, Real) or not math.isfinite(float(value)):
        return f"expects a finite number (unit {leaf.unit}), got {_describe(value)}"
    return _bounds_problem(leaf, float(value))


def _list_problem(leaf, value, variables):
    if not isinstance(value, (list, tuple)):
        return f"expects a list of names (e.g. [bisp_kafaalat, zakat_guzara_allowance]), got {_describe(value)}"
    bad = [item for item in value if not isinstance(item, str) or not item.strip()]
    if bad:
        return f"expects a list of names, got the items {bad!r}"
    repeated = sorted({item for item in value if list(value).count(item) > 1})
    if repeated:
        return f"lists {', '.join(repeated)} more than once"
    if variables is not None and leaf.lists == "variables":
        unknown = [item for item in value if item not in variables]
        if unknown:
            return f"lists {', '.join(unknown)}, which {'is' if len(unknown) == 1 else 'are'} not a variable of the system"
    return None


def _bounds_problem(leaf, value):
    """Rates lie in [0, 1], amounts and durations are >= 0, unless metadata ``min_value``/``max_value``
    say otherwise or the baseline's own values already leave that range (a multiple, an index)."""
    low, high = leaf.min_value, leaf.max_value
    baseline_low, baseline_high = leaf.baseline_range
    never_negative = baseline_low is None or baseline_low >= 0
    if leaf.unit == "/1":
        low = 0 if low is None and never_negative else low
        if high is None and value > 1 and (baseline_high is None or baseline_high <= 1):
            return f"{value:g} looks like a percentage; rates are fractions (write {value / 100:g} for {value:g} %)"
    elif leaf.unit and (leaf.unit.startswith("currency") or leaf.unit in NON_NEGATIVE_UNITS):
        low = 0 if low is None and never_negative else low
    if low is not None and value < low:
        return f"{value:g} is below the minimum {low:g} for unit {leaf.unit}"
    if high is not None and value > high:
        return f"{value:g} is above the maximum {high:g} in the parameter's metadata"
    return None


def plain_value(value):
    """The value as a plain Python bool, int, float or str (numpy scalars converted)."""
    if type(value).__name__ == "bool_":
        return bool(value)
    if isinstance(value, (list, tuple)):
        return tuple(plain_value(item) for item in value)
    if isinstance(value, (bool, str)):
        return value
    if isinstance(value, Real) and not isinstance(value, int):
        return float(value)
    return int(value) if isinstance(value, int) else value
