"""Every .yaml file under tests/ is a list of OpenFisca test cases (``openfisca test`` reads them all)."""

from pathlib import Path

import pytest
import yaml

TESTS = Path(__file__).resolve().parents[1]
FILES = sorted([*TESTS.rglob("*.yaml"), *TESTS.rglob("*.yml")])
CASE_KEYS = {"name", "description", "keywords", "period", "absolute_error_margin", "relative_error_margin",
             "input", "output", "reforms", "extensions", "parameters", "max_spiral_loops"}


def test_there_are_yaml_test_files():
    assert len(FILES) > 20


@pytest.mark.parametrize("file", FILES, ids=lambda f: str(f.relative_to(TESTS)))
def test_file_holds_only_named_test_cases(file):
    cases = yaml.safe_load(file.read_text(encoding="utf-8"))
    cases = cases if isinstance(cases, list) else [cases]
    for index, case in enumerate(cases):
        assert isinstance(case, dict), f"case {index} is not a mapping"
        assert "output" in case and case.get("name"), f"case {index} needs a name and an output"
        assert set(case) <= CASE_KEYS, f"case {index} has unknown keys {sorted(set(case) - CASE_KEYS)}"
