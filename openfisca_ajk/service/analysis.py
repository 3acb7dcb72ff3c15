"""What each scheme depends on, per system and month: a traced run on a default household.

OpenFisca formulas are vectorised, so the variables and parameters a formula reads depend on the
month (which formula is in force) and not on the values. One traced run of every scheme's output,
eligibility, instalment and conditions on a four-person default household gives, for each of them,
the input variables it depends on (transitively) and the parameters it reads, with their instants.
"""

import threading
from dataclasses import dataclass, field
from functools import lru_cache

import numpy
from openfisca_core.errors import ParameterNotFoundError
from openfisca_core.simulations import SimulationBuilder

from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.service.constants import FORMULA_INPUTS
from openfisca_ajk.service.errors import date_not_modelled

_LOCK = threading.Lock()


@dataclass(frozen=True)
class SchemeAnalysis:
    scheme: object
    inputs: frozenset              # input variables the scheme's results depend on
    parameters: tuple              # (parameter name, instant string), sorted
    condition_inputs: dict         # condition variable -> frozenset of input variables
    closed_by: str | None = None   # a top-level condition that depends on no input and is unmet (see closing_condition)
    condition_parameters: dict = field(default_factory=dict)   # condition variable -> (parameter, instant) it and
                                                               # the variables it reads directly read, sorted


def condition_variables(conditions):
    for condition in conditions:
        yield condition.variable
        yield from condition_variables(condition.person_conditions)


def _default_simulation(system):
    builder = SimulationBuilder()
    builder.create_entities(system)
    household = system.group_entities[0]
    roles = [role.key for role in household.roles]
    builder.declare_person_entity(system.person_entity.key, [f"p{i}" for i in range(len(roles))])
    population = builder.declare_entity(household.key, ["h"])
    builder.join_with_persons(population, numpy.zeros(len(roles), dtype=int), numpy.array(roles))
    return builder.build(system)


def _graph(trees):
    dependencies, parameters = {}, {}
    stack = list(trees)
    while stack:
        node = stack.pop()
        dependencies.setdefault(node.name, set()).update(child.name for child in node.children)
        parameters.setdefault(node.name, set()).update((p.name, str(p.period)) for p in node.parameters)
        stack.extend(node.children)
    return dependencies, parameters


def _closure(name, dependencies):
    seen, stack = set(), [name]
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(dependencies.get(current, ()))
    return seen


@lru_cache(maxsize=256)
def _analyse(system_id, system_ref, period):
    system = system_ref()
    simulation = _default_simulation(system)
    simulation.trace = True
    schemes = load_schemes()
    for scheme in schemes:
        for name in scheme.decision_variables:
            simulation.calculate(name, period)
    dependencies, parameters = _graph(simulation.tracer.trees)

    def is_input(name):
        variable = system.variables.get(name)
        return variable is not None and (not variable.formulas or name in FORMULA_INPUTS)

    result = {}
    for scheme in schemes:
        reached = set().union(*(_closure(name, dependencies) for name in scheme.decision_variables))
        used = sorted(set().union(*(parameters.get(name, set()) for name in reached)))
        conditions = {name: frozenset(v for v in _closure(name, dependencies) if is_input(v))
                      for name in condition_variables(scheme.conditions)}
        closed_by = closing_condition(scheme, conditions, simulation, period)
        near = {name: tuple(sorted(set().union(parameters.get(name, set()),
                                               *(parameters.get(child, set()) for child in dependencies.get(name, ())))))
                for name in condition_variables(scheme.conditions)}
        result[scheme.name] = SchemeAnalysis(scheme, frozenset(v for v in reached if is_input(v)), tuple(used), conditions,
                                             closed_by, near)
    return result


def closing_condition(scheme, condition_inputs, simulation, period):
    """A top-level condition of ``scheme`` that depends on no input and is unmet on the default household.

    Such a condition (typically "the branch is in force", read from a parameter) is a prediction that
    the scheme is closed this month to every household, so its missing inputs need not be varied. The
    evaluation checks the prediction on each application's own row before relying on it.
    """
    for condition in scheme.conditions:
        if condition_inputs.get(condition.variable):
            continue
        values = numpy.asarray(simulation.calculate(condition.variable, period), dtype=bool)
        if not numpy.any(values != condition.negate):
            return condition.variable
    return None


class _Ref:
    """A hashable handle to a system for the cache (systems are cached for the process anyway)."""

    def __init__(self, system):
        self.system = system

    def __call__(self):
        return self.system

    def __hash__(self):
        return id(self.system)

    def __eq__(self, other):
        return isinstance(other, _Ref) and other.system is self.system


def analyse(system, period):
    """``{scheme name: SchemeAnalysis}`` for ``system`` at ``period`` (a month string), cached."""
    with _LOCK:
        try:
            return _analyse(id(system), _Ref(system), str(period))
        except ParameterNotFoundError as error:
            raise date_not_modelled(period, error) from error
