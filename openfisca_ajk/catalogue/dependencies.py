"""What each variable reads, found by parsing its formulas' source with :mod:`ast`.

- variables: calls whose first argument is a string literal naming a variable of the system, made on
  an entity or a projection (``person("age", period)``, ``household.members("sex", period)``,
  ``person.household("pmt_score", period)``);
- parameters: ``parameters(<instant>).a.b.c`` attribute chains, also through a local name bound to
  such a chain (``p = parameters(period).x`` then ``p.y``), resolved to the longest path that exists in
  the parameter tree (a node, a scale or a leaf);
- variables named by a parameter: a parameter whose metadata says ``lists: variables`` (the household
  totals, ``parameters/household/totals/``) is a list of variable names; a formula reading it reads
  every variable it lists at any date;
- helpers: functions of this package a formula calls; what a helper reads is not traced.
"""

import ast
import inspect
import textwrap
from dataclasses import dataclass, field

from openfisca_core.parameters import Parameter, ParameterNode

PACKAGE_PREFIX = "openfisca_ajk"


@dataclass
class Reads:
    variables: set = field(default_factory=set)
    parameters: set = field(default_factory=set)
    helpers: set = field(default_factory=set)


@dataclass(frozen=True)
class Formula:
    start: str
    source: str
    function: object


def formulas_of(variable) -> list:
    """``[Formula]`` of a variable in date order (``variable.formulas`` maps start date to function)."""
    result = []
    for start, function in variable.formulas.items():
        try:
            source = textwrap.dedent(inspect.getsource(function))
        except (OSError, TypeError):
            source = f"# source of {getattr(function, '__qualname__', function)} not available\n"
        result.append(Formula(str(start), source, function))
    return result


def _attribute_chain(node):
    """``(root, [attr, ...])`` of ``root.a.b.c``; root is the innermost non-attribute node."""
    names = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    return node, list(reversed(names))


def _is_parameters_call(node, parameters_name):
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == parameters_name


class _FormulaVisitor(ast.NodeVisitor):
    def __init__(self, parameters_name, known_variables, helper_names):
        self.parameters_name = parameters_name
        self.known_variables = known_variables
        self.helper_names = helper_names
        self.aliases = {}
        self.reads = Reads()
        self.chains = []

    def _chain_path(self, node):
        root, names = _attribute_chain(node)
        if _is_parameters_call(root, self.parameters_name):
            return names
        if isinstance(root, ast.Name) and root.id in self.aliases:
            return self.aliases[root.id] + names
        return None

    def visit_Assign(self, node):
        path = self._chain_path(node.value)
        names = [target.id for target in node.targets if isinstance(target, ast.Name)]
        if path is not None and names:
            for name in names:
                self.aliases[name] = path
            return
        self.generic_visit(node)

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load) and node.id in self.aliases:
            self.chains.append(self.aliases[node.id])

    def visit_Attribute(self, node):
        path = self._chain_path(node)
        if path is not None:
            self.chains.append(path)
            return
        self.generic_visit(node)

    def visit_Call(self, node):
        first = node.args[0] if node.args else None
        if (isinstance(first, ast.Constant) and isinstance(first.value, str)
                and first.value in self.known_variables and isinstance(node.func, (ast.Name, ast.Attribute))):
            self.reads.variables.add(first.value)
        if isinstance(node.func, ast.Name) and node.func.id in self.helper_names:
            self.reads.helpers.add(self.helper_names[node.func.id])
        if _is_parameters_call(node, self.parameters_name):
            self.chains.append([])
        self.generic_visit(node)


def _helper_names(function):
    """Names in the formula's module that are functions defined in this package (not variables)."""
    helpers = {}
    for name, value in getattr(function, "__globals__", {}).items():
        module = getattr(value, "__module__", "") or ""
        if inspect.isfunction(value) and module.startswith(PACKAGE_PREFIX):
            helpers[name] = f"{module}.{value.__name__}"
    return helpers


def resolve_parameter(root, names):
    """The longest dotted path of ``names`` that exists under ``root`` ('' if none)."""
    node, found = root, []
    for name in names:
        children = getattr(node, "children", None)
        if isinstance(node, ParameterNode) and children is not None and name in children:
            node = children[name]
            found.append(name)
        else:
            break
    return ".".join(found)


def _node_at(root, path):
    node, chain = root, [root]
    for name in path.split("."):
        node = node.children[name]
        chain.append(node)
    return node, chain


def listed_variables(root, path) -> set:
    """Variable names listed, at any date, by the parameter ``path`` (or the leaves under it) when its
    metadata, or an ancestor's, says ``lists: variables``; an empty set otherwise."""
    node, chain = _node_at(root, path)
    if not any((getattr(item, "metadata", None) or {}).get("lists") == "variables" for item in chain):
        return set()
    stack, names = [node], set()
    while stack:
        item = stack.pop()
        if isinstance(item, Parameter):
            for at in item.values_list:
                if isinstance(at.value, list):
                    names.update(at.value)
        elif isinstance(item, ParameterNode):
            stack.extend(item.children.values())
    return names


def formula_reads(formula, known_variables, parameter_root) -> Reads:
    """What one formula reads."""
    try:
        tree = ast.parse(formula.source)
    except SyntaxError:
        return Reads()
    function = next((n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.Lambda))), None)
    arguments = [a.arg for a in function.args.args] if function is not None else []
    parameters_name = arguments[2] if len(arguments) > 2 else "parameters"
    visitor = _FormulaVisitor(parameters_name, known_variables, _helper_names(formula.function))
    visitor.visit(tree)
    for chain in visitor.chains:
        path = resolve_parameter(parameter_root, chain)
        if path:
            visitor.reads.parameters.add(path)
            visitor.reads.variables |= listed_variables(parameter_root, path) & set(known_variables)
    return visitor.reads


@dataclass
class DependencyIndex:
    """Per variable: what its formulas read (all formulas together) and who reads it."""

    reads: dict
    variable_readers: dict
    parameter_readers: dict


def build_index(tax_benefit_system) -> DependencyIndex:
    known = set(tax_benefit_system.variables)
    reads, variable_readers, parameter_readers = {}, {}, {}
    for name in sorted(known):
        total = Reads()
        for formula in formulas_of(tax_benefit_system.variables[name]):
            found = formula_reads(formula, known, tax_benefit_system.parameters)
            total.variables |= found.variables
            total.parameters |= found.parameters
            total.helpers |= found.helpers
        total.variables.discard(name)
        reads[name] = total
        for read in total.variables:
            variable_readers.setdefault(read, set()).add(name)
        for path in total.parameters:
            parameter_readers.setdefault(path, set()).add(name)
    return DependencyIndex(reads, variable_readers, parameter_readers)
