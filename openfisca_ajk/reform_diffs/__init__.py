"""Reforms as parameter diffs: the YAML format every draft and reform of openfisca-ajk uses.

A reform file (``reforms/<name>.yaml``) names parameters by path and gives dated values::

    parameters:
      pakistan.bisp.kafaalat.quarterly_instalment:
        2026-01-01: 14500              # from that day onward
        # 2026-01-01.2026-12-31: 14500 # or a bounded period; the earlier value resumes after it

The whole file is validated before anything is applied (``ReformFileError`` lists every problem), and
the reform changes a deep copy of the parameters in one ``modify_parameters`` call, so the baseline
is never touched. Systems are built from these classes by ``openfisca_ajk.engine.law`` only.
"""

from openfisca_ajk.reform_diffs.build import (
    apply_changes_to_parameters,
    build_reform_class,
    list_reforms,
    load_python_reform,
    load_reform_class,
    parameter_modifier,
)
from openfisca_ajk.reform_diffs.errors import ReformFileError
from openfisca_ajk.reform_diffs.period_keys import format_period, parse_period_key
from openfisca_ajk.reform_diffs.spec import Change, ReformSpec, load_reform_file, resolve_reform_path, spec_from_diff

__all__ = [
    "Change",
    "ReformFileError",
    "ReformSpec",
    "apply_changes_to_parameters",
    "build_reform_class",
    "format_period",
    "list_reforms",
    "load_python_reform",
    "load_reform_class",
    "load_reform_file",
    "parameter_modifier",
    "parse_period_key",
    "resolve_reform_path",
    "spec_from_diff",
]
