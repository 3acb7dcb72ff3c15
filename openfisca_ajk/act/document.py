"""An act (or rules of business) as a Markdown document bound to parameters: parts, sections, clauses.

The format a drafter edits (``reforms/<reform>/act.md``)::

    ---
    title: Draft Azad Jammu and Kashmir Social Security Act, 2027
    cite: section                       # how a clause is cited: "section 23(2)" ("rule" for rules of business)
    reform: draft_social_security_act   # optional: the reform the text is written for (else its folder's name)
    ---

    ## Part V. Old-age benefit

    ### 23. Old-age pension

    (1) An insured person who has reached the age of {{ ajk.social_security.old_age.pensionable_age.male }} ...

    (2) The pension is {{ ajk.social_security.old_age.accrual_rate | percent }} of the reference wage ...

- ``## Part <numeral>. <title>`` starts a part; ``### <number>. <title>`` starts a section
  (numbers like ``23``, ``22-A`` or ``A1``);
- a paragraph starting with ``(<digits>)`` is clause ``<section>(<digits>)``; text of a section before
  its first numbered clause is clause ``<section>``; lines starting ``(a)``, ``-`` or plain text continue
  the clause above;
- ``{{ PATH }}``, ``{{ PATH | FORMAT }}`` is a reference to a parameter, rendered with its value;
  ``{{ PATH | FORMAT = VALUE }}`` is an edit: the drafter's new value, for ``openfisca-ajk act to-reform``.
- ``{{ commencement }}`` is the date the reform first changes a parameter.

Every other number in the text must be a reference, except numbering and citations
(``NUMBERING_RULE``).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from openfisca_ajk.act.values import FORMATS, parse_format

COMMENCEMENT = "commencement"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
PART_HEADING = re.compile(r"^##\s+Part\s+([IVXLC]+|[A-Z])\.\s*(.+?)\s*$")
SECTION_HEADING = re.compile(r"^###\s+([A-Z]?\d+(?:-[A-Z])?)\.\s*(.+?)\s*$")
CLAUSE_START = re.compile(r"^\((\d+)\)\s+")
REFERENCE = re.compile(r"\{\{(.*?)\}\}", re.S)
REFERENCE_BODY = re.compile(r"^\s*([A-Za-z_][\w.\[\]]*)\s*(?:\|\s*([^=]*?))?\s*(?:=\s*(.*?))?\s*$", re.S)
# Numbers that are not quantities of the scheme: citations of sections, clauses, rules, articles, parts,
# chapters and schedules (with their lists: "Articles 28 and 29"), instrument numbers ("No. 102") and the
# year in an instrument's title ("Act, 1976", "Ordinance 1965", "Convention, 1952").
CITED = r"\(?[0-9][0-9A-Za-z()\-]*"
NUMBERING_RULE = re.compile(
    r"\b(?:sections?|subsections?|clauses?|rules?|articles?|arts?\.?|parts?|chapters?|schedules?|no\.)\s+"
    + CITED + r"(?:\s*(?:,|and|or|to|-|–)\s*" + CITED + r")*"
    + r"|\b(?:Act|Ordinance|Convention|Recommendation|Rules|Regulations),?\s+(?:19|20)\d\d\b",
    re.I)
DIGIT = re.compile(r"\d[\d,.]*")
NUMBER_WORDS = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                          r"thirty|forty|fifty|sixty|hundred|thousand|half|twice|thrice|double|triple)\b", re.I)


class ActFormatError(ValueError):
    """A document that cannot be read (every problem listed, each with its line)."""

    def __init__(self, path, problems):
        self.path, self.problems = path, list(problems)
        super().__init__(f"{path}:\n" + "\n".join(f"  - {p}" for p in self.problems))


@dataclass(frozen=True)
class Reference:
    path: str             # parameter path, or "commencement"
    format: str           # a key of values.FORMATS
    options: tuple        # format options (the words of "words: may / may not")
    edit: str | None      # the drafter's new value as written, or None
    source: str           # the reference as written, braces included
    start: int            # position in the clause text
    end: int


@dataclass
class Clause:
    id: str               # "23(2)", or "23" for a section without numbered clauses
    section: str
    text: str             # the clause as written (Markdown, with its references)
    line: int
    references: list = field(default_factory=list)

    @property
    def parameters(self):
        return [r.path for r in self.references if r.path != COMMENCEMENT]


@dataclass
class Section:
    number: str
    title: str
    part: str
    clauses: list = field(default_factory=list)


@dataclass
class Part:
    numeral: str
    title: str
    sections: list = field(default_factory=list)


@dataclass
class Document:
    path: Path
    title: str
    cite: str             # "section" or "rule": clause citations are "<cite> <id>"
    preamble: str
    parts: list
    problems: list        # format problems found while reading (duplicates, bad references)
    reform: str | None = None   # front matter ``reform``: the reform the text was written for (optional)

    @property
    def sections(self):
        return [s for p in self.parts for s in p.sections]

    @property
    def clauses(self):
        return [c for s in self.sections for c in s.clauses]

    def citation(self, clause):
        return f"{self.cite} {clause.id}"

    def clause(self, citation_or_id):
        """The clause cited ("section 23(2)") or with that id ("23(2)"); None if absent."""
        text = str(citation_or_id).strip()
        if text.lower().startswith(self.cite + " "):
            text = text[len(self.cite) + 1:].strip()
        return next((c for c in self.clauses if c.id == text), None)


def parse_reference(match, offset=0):
    body = REFERENCE_BODY.match(match.group(1))
    if not body:
        raise ValueError(f"reference {match.group(0)!r} is not '{{{{ parameter.path | format }}}}'")
    path, spec, edit = body.group(1), body.group(2), body.group(3)
    name, options = parse_format(spec or "")
    if edit is not None and not edit.strip():
        raise ValueError(f"reference {match.group(0)!r}: nothing after '='; write the new value (e.g. = 2 %)")
    return Reference(path, name, options, edit.strip() if edit is not None else None, match.group(0),
                     match.start() + offset, match.end() + offset)


def references_in(text, where):
    """(references, problems) of a clause's text."""
    found, problems = [], []
    for match in REFERENCE.finditer(text):
        try:
            found.append(parse_reference(match))
        except ValueError as error:
            problems.append(f"{where}: {error}")
    return found, problems


def literal_numbers(text):
    """Numbers written in ``text`` outside references and citations (digits and number words)."""
    bare = REFERENCE.sub(" ", text)
    bare = NUMBERING_RULE.sub(" ", bare)
    bare = CLAUSE_START.sub(" ", bare)
    bare = re.sub(r"^\s*\([a-z]{1,4}\)\s", " ", bare, flags=re.M)       # paragraph letters (a), (ii)
    bare = re.sub(r"\(([a-z]{1,4})\)", " ", bare)                        # in-text letters: "clause (a)"
    return [m.group(0).rstrip(",.") for m in DIGIT.finditer(bare)] + [m.group(0) for m in NUMBER_WORDS.finditer(bare)]


def _front_matter(text, path):
    match = FRONT_MATTER.match(text)
    if not match:
        raise ActFormatError(path, ["the document must start with front matter: ---, title: ..., cite: ..., ---"])
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise ActFormatError(path, [f"front matter is not valid YAML: {error}"]) from error
    problems = [f"front matter: {key} is required" for key in ("title", "cite") if not meta.get(key)]
    if problems:
        raise ActFormatError(path, problems)
    return meta, text[match.end():], match.group(0).count("\n")


def read_document(path):
    """Parse the document at ``path``; raise ``ActFormatError`` if its structure cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"act document {path} does not exist")
    meta, body, first_line = _front_matter(path.read_text(encoding="utf-8"), path)
    document = parse_document(body, path, str(meta["title"]), str(meta["cite"]).strip().lower(), first_line)
    document.reform = str(meta["reform"]).strip() if meta.get("reform") else None
    return document


def parse_document(body, path, title, cite, first_line=0):
    parts, problems, preamble = [], [], []
    section = clause = None
    seen = {}
    paragraph = []

    def flush():
        nonlocal paragraph
        if paragraph and clause is not None:
            clause.text = (clause.text + "\n\n" if clause.text else "") + "\n".join(paragraph)
        elif paragraph:
            preamble.append("\n".join(paragraph))
        paragraph = []

    for number, line in enumerate(body.splitlines(), start=first_line + 1):
        stripped = line.strip()
        part_match, section_match = PART_HEADING.match(stripped), SECTION_HEADING.match(stripped)
        if part_match:
            flush()
            parts.append(Part(part_match.group(1), part_match.group(2)))
            section = clause = None
        elif section_match:
            flush()
            if not parts:
                problems.append(f"line {number}: section {section_match.group(1)} comes before any '## Part'")
                parts.append(Part("", ""))
            section = Section(section_match.group(1), section_match.group(2), parts[-1].numeral)
            parts[-1].sections.append(section)
            clause = None
        elif stripped.startswith("#"):
            flush()
            if section is not None or parts:
                problems.append(f"line {number}: heading {stripped!r} is neither '## Part <numeral>. <title>' "
                                f"nor '### <number>. <title>'")
        elif not stripped:
            flush()
        elif section is not None and (CLAUSE_START.match(stripped) or clause is None) and not paragraph:
            start = CLAUSE_START.match(stripped)
            clause_id = f"{section.number}({start.group(1)})" if start else section.number
            if clause_id in seen:
                problems.append(f"line {number}: clause {cite} {clause_id} is written twice "
                                f"(first on line {seen[clause_id]})")
            seen[clause_id] = number
            clause = Clause(clause_id, section.number, "", number)
            section.clauses.append(clause)
            paragraph.append(stripped)
        else:
            paragraph.append(stripped)
    flush()
    for item in [c for p in parts for s in p.sections for c in s.clauses]:
        item.references, found = references_in(item.text, f"{cite} {item.id}")
        problems += found
    return Document(path, title, cite, "\n\n".join(preamble), parts, problems)


__all__ = ["COMMENCEMENT", "FORMATS", "ActFormatError", "Clause", "Document", "Part", "Reference", "Section",
           "literal_numbers", "parse_document", "read_document"]
