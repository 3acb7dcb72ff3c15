"""The draft act as text bound to its parameters: drift check, rendering with consequences, edits to reforms.

- ``bind(reform, date)``: the reform file with its documents (``reforms/<reform>/act.md``, ``rules.md``);
- ``check_binding(bound)``: every drift between text and reform (clause and parameter named);
- ``assess(reform, date, size=0.01)`` then ``build_rendering`` / ``to_html`` / ``to_markdown``: the act with
  each clause's consequences (C102 checks, standard beneficiary, population estimates);
- ``reform_from_edits(act_path, name)``: a reform file from the values a drafter wrote in the text.
"""

from openfisca_ajk.act.binding import Bound, Problem, bind, check_binding, documents_exist
from openfisca_ajk.act.consequences import Assessment, assess, clause_consequences, shortfall
from openfisca_ajk.act.document import ActFormatError, read_document
from openfisca_ajk.act.render import build_rendering, to_html, to_markdown
from openfisca_ajk.act.to_reform import EditError, reform_from_edits

__all__ = ["ActFormatError", "Assessment", "Bound", "EditError", "Problem", "assess", "bind", "build_rendering",
           "check_binding", "clause_consequences", "documents_exist", "read_document", "reform_from_edits",
           "shortfall", "to_html", "to_markdown"]
