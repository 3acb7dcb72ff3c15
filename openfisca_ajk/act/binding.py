"""A reform file and its documents, bound both ways, and the drift check between them.

- A reform's documents live in ``reforms/<reform>/`` (``act.md``, and ``rules.md`` for rules of business);
  a reform without such a folder uses the documents of the reform it ``extends``.
- Every parameter a reform file sets names the clause that enacts it::

      ajk.social_security.old_age.accrual_rate:
        metadata: {clause: section 23(2)}
        2027-01-01: 0.015

- ``check_binding`` lists every drift: a clause naming a parameter that does not exist, a reform parameter
  with no clause (or naming a clause that does not exist or does not refer to it), a literal number in the
  text, an edit (``{{ path = value }}``) that the reform file does not carry.
"""

import copy
import difflib
import functools
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from openfisca_ajk.act.document import COMMENCEMENT, literal_numbers, read_document
from openfisca_ajk.act.values import format_value, parse_value
from openfisca_ajk.paths import law_folder
from openfisca_ajk.reform_diffs import apply_changes_to_parameters, load_reform_file, resolve_reform_path
from openfisca_ajk.reform_diffs.spec import default_parameters
from openfisca_ajk.reform_diffs.tree import index_parameters
from openfisca_ajk.reform_diffs.yaml_reading import read_yaml

DOCUMENT_ORDER = ("act.md", "rules.md")


@dataclass(frozen=True)
class Problem:
    document: str
    clause: str           # citation ("section 23(2)") or "" when the problem is not in a clause
    parameter: str
    message: str

    def __str__(self):
        where = " ".join(part for part in (self.document, self.clause) if part)
        return f"{where}: {self.message}" if where else self.message


@dataclass
class Bound:
    """A reform with its documents and the values its parameters take at a date."""

    reform: str
    spec: object
    documents: list
    clauses: dict          # parameter -> (citation or None, reform file that sets it)
    leaves: dict           # every parameter leaf of the reformed tree
    date: Date
    commencement: Date | None

    def value(self, path):
        if path == COMMENCEMENT:
            return self.commencement
        return self.leaves[path].parameter(self.date.isoformat())

    def written(self, reference):
        """A reference as the act reads under this reform (the drafter's edit ignored)."""
        if reference.path == COMMENCEMENT:
            return f"{self.commencement.day} {self.commencement:%B %Y}" if self.commencement else "(no date)"
        if reference.path not in self.leaves:
            return reference.source
        value = self.value(reference.path)
        if value is None:
            return f"(no value on {self.date})"
        return format_value(value, reference.format, reference.options)


def reform_chain(reform):
    """[(name, path, document)] from ``reform`` back through the files it extends."""
    chain, path = [], resolve_reform_path(reform)
    while path is not None:
        if path.suffix == ".py":
            raise ValueError(f"{path} is a Python reform; an act is bound to a YAML reform file")
        document, problems = read_yaml(path.read_text(encoding="utf-8"))
        if not isinstance(document, dict):
            raise ValueError(f"{path}: not a reform file ({'; '.join(problems) or 'not a map'})")
        chain.append((path.stem, path, document))
        parent = document.get("extends")
        path = resolve_reform_path(parent, near=path.parent) if parent else None
    return chain


def document_folder(chain):
    """The folder of documents of the first reform of ``chain`` that has one (None if none)."""
    for name, path, _ in chain:
        for folder in (path.parent / name, law_folder("reforms") / name):
            if folder.is_dir() and any(folder.glob("*.md")):
                return folder
    return None


def document_paths(folder):
    files = sorted(folder.glob("*.md"), key=lambda p: (DOCUMENT_ORDER.index(p.name)
                                                      if p.name in DOCUMENT_ORDER else len(DOCUMENT_ORDER), p.name))
    return [f for f in files if f.name.lower() != "readme.md"]


def parameter_clauses(chain):
    """{parameter: (metadata.clause or None, reform name)}; a file's own entries win over what it extends."""
    found = {}
    for name, _, document in reversed(chain):
        for path, entries in (document.get("parameters") or {}).items():
            metadata = entries.get("metadata") if isinstance(entries, dict) else None
            clause = metadata.get("clause") if isinstance(metadata, dict) else None
            found[path] = (clause.strip() if isinstance(clause, str) else None, name)
    return found


@functools.lru_cache(maxsize=8)
def _reformed_leaves(changes):
    parameters = apply_changes_to_parameters(copy.deepcopy(default_parameters()), changes)
    return index_parameters(parameters)[0]


def bind(reform, date, documents=None):
    """The reform (validated as every reform file is) with its documents (or ``documents``: paths)."""
    spec = load_reform_file(reform)
    chain = reform_chain(reform)
    if documents is None:
        folder = document_folder(chain)
        if folder is None:
            names = " or ".join(f"reforms/{name}/" for name, _, _ in chain)
            raise FileNotFoundError(f"reform '{spec.name}' has no act document: write {names}act.md")
        documents = document_paths(folder)
    changes = spec.all_changes
    commencement = min((c.start for c in changes), default=None)
    return Bound(spec.name, spec, [read_document(p) for p in documents], parameter_clauses(chain),
                 _reformed_leaves(tuple(changes)), Date.fromisoformat(str(date)) if not isinstance(date, Date)
                 else date, commencement)


def _unknown(path, leaves):
    close = difflib.get_close_matches(path, list(leaves), n=2)
    return f"names parameter {path}, which does not exist" + (f" (did you mean {' or '.join(close)}?)" if close else "")


def _edit_problem(bound, reference):
    try:
        wanted = parse_value(reference.edit, reference.format, reference.options)
    except ValueError as error:
        return f"edit of {reference.path}: {error}"
    current = bound.value(reference.path)
    if isinstance(current, (int, float)) and not isinstance(current, bool) and not isinstance(wanted, (bool, str)):
        same = abs(float(current) - float(wanted)) < 1e-9
    else:
        same = current == wanted
    if same:
        return None
    return (f"edits {reference.path} to {reference.edit} but reform {bound.reform} has "
            f"{format_value(current, reference.format, reference.options)}; run openfisca-ajk act to-reform")


def document_problems(bound, document):
    name = document.path.name
    problems = [Problem(name, "", "", message) for message in document.problems]
    for clause in document.clauses:
        citation = document.citation(clause)
        for reference in clause.references:
            if reference.path == COMMENCEMENT:
                continue
            if reference.path not in bound.leaves:
                problems.append(Problem(name, citation, reference.path, _unknown(reference.path, bound.leaves)))
            elif bound.value(reference.path) is None:
                problems.append(Problem(name, citation, reference.path, f"{reference.path} has no value on "
                                        f"{bound.date}; assess a later date (--date)"))
            elif reference.edit is not None:
                message = _edit_problem(bound, reference)
                if message:
                    problems.append(Problem(name, citation, reference.path, message))
        for number in literal_numbers(clause.text):
            problems.append(Problem(name, citation, "", f"the number '{number}' is written as a literal; "
                                    "write a parameter reference {{ parameter.path }} (only numbering and "
                                    "citations of sections, rules, articles and instruments may be literal)"))
    return problems


def check_binding(bound):
    """Every drift between the reform and its documents (an empty list when they agree)."""
    problems = [p for document in bound.documents for p in document_problems(bound, document)]
    citations = {}
    for document in bound.documents:
        for clause in document.clauses:
            citations[document.citation(clause)] = (document, clause)
    for path, (citation, reform) in sorted(bound.clauses.items()):
        if not citation:
            problems.append(Problem(f"{reform}.yaml", "", path, f"parameter {path} is set by reform {reform} "
                                    "but names no clause (add metadata: {clause: section N(n)})"))
            continue
        found = citations.get(citation)
        if found is None:
            problems.append(Problem(f"{reform}.yaml", citation, path, f"parameter {path} names {citation}, which "
                                    "no document of the reform contains"))
        elif path not in found[1].parameters:
            problems.append(Problem(found[0].path.name, citation, path, f"parameter {path} names {citation}, but "
                                    "that clause does not refer to it"))
    return problems


def edits_of(bound):
    """[(document, clause, reference)] of every edit written in the documents."""
    return [(d, c, r) for d in bound.documents for c in d.clauses for r in c.references if r.edit is not None]


def documents_exist(reform):
    """True if ``reform`` (a name or path) has act documents."""
    try:
        return document_folder(reform_chain(reform)) is not None
    except (FileNotFoundError, ValueError):
        return False


def folder_of(document):
    return Path(document.path).parent
