"""The rooms of the package and what each may import (docs/architecture.md).

- Only the engine builds a tax-benefit system (``engine/law.py``), and only the engine runs a population
  (``build_simulation`` over a population is called in ``engine/`` alone; the comparison's tracer simulates a
  probe of households to record parameter reads, it does not run the population).
- The engine and the rooms below it import no tool; the reports room imports only the small tools and the
  registry and reform files (for names and labels).
- No two modules import each other at load time (a cycle would make the import order matter).
"""

import ast
from pathlib import Path

from openfisca_ajk.paths import PACKAGE_DIR

PACKAGE = "openfisca_ajk"
TOOLS = {"act", "actuarial", "catalogue", "cli", "commands", "comparison", "compliance", "contributory", "projection",
         "service", "standard_beneficiary", "precision", "precision_reports", "inequality_concepts", "fiscal_split",
         "named_reforms", "situation_periods"}
# Room -> rooms it may import. The law's own rule (variables/ imports entities, enums and tools.dates only) is
# tests/code_health/test_law_imports.py.
MAY_IMPORT = {
    "engine": {"system", "entities", "enums", "paths", "tools", "scheme_registry", "reform_diffs", "population",
               "denominators"},
    "population": {"engine", "entities", "enums", "paths", "tools"},
    "reform_diffs": {"paths"},
    "scheme_registry": {"paths"},
    "system": {"entities", "paths"},
    "entities": set(),
    "enums": set(),
    "paths": set(),
    "tools": set(),
    "reports": {"tools", "scheme_registry", "reform_diffs"},   # names and labels: schemes, reform files
}
# Imports made when a function runs, not at load time, that cross the rooms' order on purpose: a reform file
# validated without a system given is validated against today's law, which only the engine builds.
LATE = {("reform_diffs/spec.py", "openfisca_ajk.engine.law")}
SIMULATING = {"engine", "population/simulation.py", "comparison/dependencies.py"}
BUILDS_SYSTEMS = {"engine/law.py", "system.py"}


def modules():
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        relative = path.relative_to(PACKAGE_DIR)
        parts = list(relative.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join([PACKAGE, *parts]), relative, ast.parse(path.read_text(encoding="utf-8"), str(path))


def room_of(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else PACKAGE


def imported(node, top_level_only=False):
    """Modules of the package imported in ``node`` (at load time only, when ``top_level_only``)."""
    nodes = node.body if top_level_only else ast.walk(node)
    for item in nodes:
        if isinstance(item, ast.ImportFrom) and item.module and item.module.split(".")[0] == PACKAGE:
            yield item.module
            yield from (f"{item.module}.{alias.name}" for alias in item.names)
        elif isinstance(item, ast.Import):
            yield from (alias.name for alias in item.names if alias.name.split(".")[0] == PACKAGE)


def called_names(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Name):
                yield function.id, node
            elif isinstance(function, ast.Attribute):
                yield function.attr, node
            elif isinstance(function, ast.Call):
                yield "<result of a call>", node


def inside(relative, places):
    text = relative.as_posix()
    return any(text == place or text.startswith(place + "/") for place in places)


def test_only_the_engine_builds_a_tax_benefit_system():
    found = []
    for _, relative, tree in modules():
        if inside(relative, BUILDS_SYSTEMS):
            continue
        for name, node in called_names(tree):
            if name in ("CountryTaxBenefitSystem", "reform_class") or name == "<result of a call>" \
                    and isinstance(node.func.func, ast.Name) and node.func.func.id.endswith("reform_class"):
                found.append(f"{relative}:{node.lineno}: {name}")
    assert found == []


def test_only_the_engine_runs_a_population():
    found = [f"{relative}:{node.lineno}" for _, relative, tree in modules() if not inside(relative, SIMULATING)
             for name, node in called_names(tree) if name == "build_simulation"]
    assert found == []


def test_each_room_imports_only_what_it_may():
    found = []
    for module, relative, tree in modules():
        room = room_of(module)
        if room not in MAY_IMPORT:
            continue
        for name in set(imported(tree)):
            target = room_of(name)
            if target != room and target in (TOOLS | set(MAY_IMPORT) | {"system", "denominators"}) \
                    and target not in MAY_IMPORT[room] and not any(relative.as_posix() == place and (name == late or name.startswith(late + "."))
                                                        for place, late in LATE):
                found.append(f"{relative}: {name}")
    assert sorted(found) == []


def _load_time_graph():
    known = {module for module, _, _ in modules()}
    graph = {}
    for module, _, tree in modules():
        ancestors = {".".join(module.split(".")[:k]) for k in range(1, module.count(".") + 1)}
        # importing a submodule first loads its packages: an edge back to one of them is no cycle of its own
        graph[module] = {name for name in imported(tree, top_level_only=True)
                         if name in known and name != module and name not in ancestors}
    return graph


def _cycle(graph):
    """A list of modules forming an import cycle, or None."""
    state = {}

    def visit(module, path):
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                return path[path.index(target):] + [target] if target in path else [module, target]
            if target not in state:
                found = visit(target, path + [target])
                if found:
                    return found
        state[module] = "done"
        return None

    for module in sorted(graph):
        if module not in state:
            found = visit(module, [module])
            if found:
                return found
    return None


def test_no_module_imports_itself_back_at_load_time():
    assert _cycle(_load_time_graph()) is None


def test_the_checks_see_what_they_look_for(tmp_path):
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
    source = ast.parse("from openfisca_ajk.system import CountryTaxBenefitSystem\n"
                       "def f():\n    return load_reform_class('x')(CountryTaxBenefitSystem())\n")
    assert sorted(name for name, _ in called_names(source)) == ["<result of a call>", "CountryTaxBenefitSystem",
                                                                "load_reform_class"]
    assert list(imported(source, top_level_only=True)) == ["openfisca_ajk.system",
                                                          "openfisca_ajk.system.CountryTaxBenefitSystem"]
    assert inside(Path("engine/law.py"), {"engine"}) and not inside(Path("engines.py"), {"engine"})
