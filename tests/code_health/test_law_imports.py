"""The law (``variables/``) depends on no tool: it imports only entities, enums and pure array helpers.

A tool (registry, population, reports, service) may read the law; the law never reads a tool, so what a
formula computes is decided by variables and parameters alone.
"""

import ast

from openfisca_ajk.paths import PACKAGE_DIR, law_folder

# Entities (with their group aggregations), enums, and the date tools (calendar arithmetic and constants, event
# dates, dated increases, dates of birth from ages). None of them imports anything else of the package.
ALLOWED = {"openfisca_ajk.entities", "openfisca_ajk.enums", "openfisca_ajk.tools.dates"}
HELPERS = ALLOWED


def package_imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "openfisca_ajk":
            if node.module == "openfisca_ajk":
                yield from (f"openfisca_ajk.{alias.name}" for alias in node.names)
            else:
                yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.split(".")[0] == "openfisca_ajk")


def module_path(name):
    relative = name.split(".", 1)[1].replace(".", "/")
    return PACKAGE_DIR / f"{relative}.py"


def test_the_law_imports_only_entities_enums_and_pure_helpers():
    found = sorted(f"{path.relative_to(law_folder('variables'))}: {name}"
                   for path in law_folder("variables").rglob("*.py")
                   for name in package_imports(path) if name not in ALLOWED)
    assert found == []


def test_the_helpers_the_law_uses_import_no_tool():
    found = sorted(f"{helper}: {name}" for helper in HELPERS for name in package_imports(module_path(helper))
                   )
    assert found == []


def test_the_check_sees_a_tool_import(tmp_path):
    source = tmp_path / "bad.py"
    source.write_text("from openfisca_ajk.scheme_registry import load_schemes\nimport openfisca_ajk.totals\n")
    assert sorted(package_imports(source)) == ["openfisca_ajk.scheme_registry", "openfisca_ajk.totals"]
