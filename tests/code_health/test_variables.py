"""Every variable is labelled and sourced; formulas hold no number other than 0 and 1."""

import ast
from pathlib import Path

import pytest

from openfisca_ajk.paths import law_folder

VARIABLES = law_folder("variables")
ALLOWED_LITERALS = {0, 1, True, False}


def literals_in_formulas(source: str, filename: str = "<source>"):
    """Yield (line, value) for each numeric literal inside a ``formula*`` function."""
    tree = ast.parse(source, filename)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name.startswith("formula"):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Constant) and isinstance(inner.value, int | float) \
                        and not isinstance(inner.value, bool) and inner.value not in ALLOWED_LITERALS:
                    yield inner.lineno, inner.value


FILES = sorted(VARIABLES.rglob("*.py"))


def test_there_are_variable_files():
    assert len(FILES) > 5


@pytest.mark.parametrize("file", FILES, ids=lambda f: str(f.relative_to(VARIABLES)))
def test_no_numeric_literal_in_formulas(file: Path):
    found = [f"{file.name}:{line}: {value}" for line, value in literals_in_formulas(file.read_text(encoding="utf-8"))]
    assert found == [], "every number belongs in a dated parameter"


def test_the_literal_check_catches_a_literal():
    source = "class x:\n    def formula(person, period, parameters):\n        return person('a', period) * 0.5 + 1\n"
    assert list(literals_in_formulas(source)) == [(3, 0.5)]


def test_every_variable_has_label_reference_and_documentation(tax_benefit_system):
    missing = []
    for name, variable in tax_benefit_system.variables.items():
        for attribute in ("label", "reference", "documentation"):
            if not getattr(variable, attribute, None):
                missing.append(f"{name}: no {attribute}")
    assert missing == []


def test_money_variables_are_floats_in_pkr(tax_benefit_system):
    wrong = [name for name, v in tax_benefit_system.variables.items()
             if v.unit == "currency-PKR" and v.value_type is not float]
    assert wrong == []
