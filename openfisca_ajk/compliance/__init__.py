"""C102 and R202 compliance computed from the rules, and the life-cycle legal matrix.

- ``assess_c102(reform, date, size=...)``: every check of Parts II-X, Art 71(2) and Art 2 (``C102Result``);
- ``compliance_report(reform, date, size=...)`` then ``write_compliance_report(report, folder)``: HTML + JSON,
  the plain-language summary first, with the R202 floor check;
- ``build_matrix(reform, year, size=...)`` then ``write_matrix(matrix, folder)``: HTML + Markdown + JSON.

``reform`` is None (today's law), a reform name or path, an in-memory diff ``{parameter: {period: value}}``
or a tax-benefit system.
"""

from openfisca_ajk.compliance.c102 import C102Result, assess_c102
from openfisca_ajk.compliance.context import build_context
from openfisca_ajk.compliance.matrix import build_matrix, write_matrix
from openfisca_ajk.compliance.r202 import check_r202
from openfisca_ajk.compliance.assessment import ComplianceReport, compliance_report, write_compliance_report
from openfisca_ajk.compliance.verdicts import CANNOT_DETERMINE, FAILS, MEETS, NOT_APPLICABLE, Check, PartResult

__all__ = ["C102Result", "CANNOT_DETERMINE", "Check", "ComplianceReport", "FAILS", "MEETS", "NOT_APPLICABLE",
           "PartResult", "assess_c102", "build_context", "build_matrix", "check_r202", "compliance_report",
           "write_compliance_report", "write_matrix"]
