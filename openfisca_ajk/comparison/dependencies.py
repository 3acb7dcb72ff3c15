"""Which schemes a parametric reform can change: a proof by recorded parameter reads.

The baseline is traced once, on a few households, for every month of the period: each formula gets a
``RecordingNode`` instead of the parameter tree, which records every parameter (or whole node) the
formula reaches, by any route (attributes, ``[key]``, vectorial ``[array]`` access, iteration,
``_children``, scales), with the instant it is read at. Formulas that read
``tax_benefit_system.parameters`` directly (past increases of civil pensions) are found in their source
and recorded as reading that subtree at every instant. The tracer's call tree then gives, for each
scheme output, every variable it depends on and so every parameter read it depends on.

A formula is a deterministic function of the variables it requests and of the parameter values it
reads; its control flow depends on parameters, not on data (the same assumption ``engine.months``
makes: one probe shows the structure of the whole population). So the reform computes, for a scheme,
exactly what the baseline computes unless one of the scheme's reads gives another value under the
reform: up to the first differing read both computations are the same step by step. A reform that
changes variables (a structural Python reform) is never proven: every scheme is recomputed.
"""

import inspect
import re
from collections import defaultdict
from dataclasses import dataclass, field

from openfisca_core import periods
from openfisca_core.parameters import Parameter, ParameterNode, ParameterNodeAtInstant

from openfisca_ajk.engine.months import input_window
from openfisca_ajk.population.simulation import build_simulation

PROBE_HOUSEHOLDS = 60
# Read outside formulas, by ``run_population`` itself: the take-up shares (``engine.take_up``).
RUN_LEVEL_READS = ("population.take_up",)
EVERY_INSTANT = None
DIRECT_READ = re.compile(r"tax_benefit_system\.parameters((?:\.[A-Za-z_]\w*)*)")


def _join(path, key):
    return f"{path}.{key}" if path else str(key)


class RecordingNode:
    """A parameter node at an instant that records every read into ``recorder`` (see module docstring)."""

    def __init__(self, node, path, instant, recorder):
        self.__dict__.update(_node=node, _path=path, _instant=instant, _recorder=recorder)

    def _note(self, path):
        self._recorder(path, self._instant)

    def _wrap(self, child, path):
        if isinstance(child, ParameterNodeAtInstant):
            return RecordingNode(child, path, self._instant, self._recorder)
        self._note(path)  # a value, a vectorial node or a scale: the whole subtree counts as read
        return child

    def __getattr__(self, key):
        node = self.__dict__["_node"]
        if key == "_children":
            return {name: self._wrap(child, _join(self._path, name)) for name, child in node._children.items()}
        child = getattr(node, key)
        if key.startswith("_"):
            return child
        return self._wrap(child, _join(self._path, key))

    def __getitem__(self, key):
        if isinstance(key, str):
            return self._wrap(self._node[key], _join(self._path, key))
        self._note(self._path)  # vectorial access: any child may be read
        return self._node[key]

    def __iter__(self):
        self._note(self._path)
        return iter(self._node)

    def __contains__(self, key):
        return key in self._node


def direct_reads(variable):
    """Parameter paths a variable's formulas read through ``tax_benefit_system.parameters``."""
    paths = set()
    for formula in variable.formulas.values():
        try:
            source = inspect.getsource(formula)
        except (OSError, TypeError):
            paths.add("")  # source unknown: assume the whole tree
            continue
        for match in DIRECT_READ.finditer(source):
            paths.add(match.group(1).lstrip("."))
    return paths


@dataclass
class DependencyTrace:
    """Per target variable (scheme output, eligibility, contribution): the parameter reads it depends on."""

    months: list
    reads: dict                      # target variable -> {(parameter path, instant string or None)}
    probe_households: int
    variables: dict = field(default_factory=dict)   # target -> variables it depends on

    def reads_of(self, names):
        found = set()
        for name in names:
            found |= self.reads.get(name, set())
        return found


def trace_dependencies(tax_benefit_system, population, months, targets, probe_households=PROBE_HOUSEHOLDS):
    """Record, for each target variable over ``months``, every parameter read it depends on.

    Each target also depends on the parameters the run itself reads (``RUN_LEVEL_READS``, at every instant).
    """
    months = [periods.period(m) for m in months]
    probe = population.slice_households(0, min(probe_households, population.n_households))
    simulation = build_simulation(tax_benefit_system, probe, months, input_months=input_window(months))
    simulation.trace = True
    tracer = simulation.tracer
    node_reads = defaultdict(set)

    def record(path, instant):
        node = tracer._current_node
        key = (node.name, str(node.period)) if node is not None else ("", "")
        node_reads[key].add((path, instant))

    def parameters_at(period):
        instant = period.start if isinstance(period, periods.Period) else periods.instant(period)
        return RecordingNode(tax_benefit_system.get_parameters_at_instant(instant), "", str(instant), record)

    simulation.trace_parameters_at_instant = parameters_at
    for month in months:
        for name in targets:
            simulation.calculate(name, month)

    children = defaultdict(set)

    def walk(node):
        key = (node.name, str(node.period))
        for child in node.children:
            children[key].add((child.name, str(child.period)))
            walk(child)

    for tree in tracer.trees:
        walk(tree)

    static = {}
    reads, variables = {}, {}
    for name in targets:
        seen, stack = set(), [(name, str(m)) for m in months]
        while stack:
            key = stack.pop()
            if key in seen:
                continue
            seen.add(key)
            stack.extend(children.get(key, ()))
        found = {(path, EVERY_INSTANT) for path in RUN_LEVEL_READS}
        for key in seen:
            found |= node_reads.get(key, set())
            variable_name = key[0]
            if variable_name not in static:
                static[variable_name] = direct_reads(tax_benefit_system.variables[variable_name])
            found |= {(path, EVERY_INSTANT) for path in static[variable_name]}
        reads[name] = found
        variables[name] = sorted({key[0] for key in seen})
    return DependencyTrace(months=[str(m) for m in months], reads=reads, probe_households=probe.n_households,
                           variables=variables)


def parameter_leaves(node, path=""):
    """{path: Parameter} of every leaf, scale brackets as ``scale[i].rate`` (like reform files)."""
    leaves = {}
    for name, child in node.children.items():
        child_path = _join(path, name)
        if isinstance(child, ParameterNode):
            leaves.update(parameter_leaves(child, child_path))
        elif isinstance(child, Parameter):
            leaves[child_path] = child
        else:  # a scale
            for index, bracket in enumerate(child.brackets):
                for key, parameter in bracket.children.items():
                    leaves[f"{child_path}[{index}].{key}"] = parameter
    return leaves


def _history(parameter):
    return tuple((value.instant_str, value.value) for value in parameter.values_list)


def changed_parameters(baseline, reform):
    """{path: (baseline Parameter or None, reform Parameter or None)} for every leaf whose values differ."""
    before, after = parameter_leaves(baseline.parameters), parameter_leaves(reform.parameters)
    changed = {}
    for path in before.keys() | after.keys():
        old, new = before.get(path), after.get(path)
        if old is None or new is None or _history(old) != _history(new):
            changed[path] = (old, new)
    return changed


def variables_changed(baseline, reform):
    """Names of variables the reform adds, removes or replaces (a structural reform)."""
    names = baseline.variables.keys() | reform.variables.keys()
    return sorted(n for n in names if baseline.variables.get(n) is not reform.variables.get(n))


def _related(read_path, changed_path):
    if not read_path:
        return True
    return (changed_path == read_path or changed_path.startswith(read_path + ".")
            or changed_path.startswith(read_path + "[") or read_path.startswith(changed_path + "."))


def _value(parameter, instant):
    return None if parameter is None else parameter(instant)


def read_differs(read, changed):
    """The changed leaf behind ``read`` = (path, instant) whose value differs there, or None."""
    path, instant = read
    for changed_path, (old, new) in changed.items():
        if not _related(path, changed_path):
            continue
        if instant is EVERY_INSTANT or old is None or new is None:
            return changed_path
        if _value(old, instant) != _value(new, instant):
            return changed_path
    return None


def affected_targets(trace, baseline, reform):
    """({target: reason}) of the targets the reform can change; the others provably keep baseline values."""
    structural = variables_changed(baseline, reform)
    if structural:
        reason = f"the reform changes variables ({', '.join(structural[:5])}{'...' if len(structural) > 5 else ''})"
        return {name: reason for name in trace.reads}, True
    changed = changed_parameters(baseline, reform)
    affected = {}
    if not changed:
        return affected, False
    for name, reads in trace.reads.items():
        for read in sorted(reads, key=lambda r: (r[0], r[1] or "")):
            leaf = read_differs(read, changed)
            if leaf is not None:
                affected[name] = f"reads {leaf}" + (f" at {read[1]}" if read[1] else "")
                break
    return affected, False
