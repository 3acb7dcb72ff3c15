"""A reform file as data (``ReformSpec``), read and validated as a whole before anything is applied."""

import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

from openfisca_ajk.paths import law_folder
from openfisca_ajk.reform_diffs.errors import ReformFileError
from openfisca_ajk.reform_diffs.period_keys import format_period, overlap, parse_period_key
from openfisca_ajk.reform_diffs.tree import index_parameters, plain_value, unknown_path_problem, value_problem
from openfisca_ajk.reform_diffs.yaml_reading import read_yaml_file

REQUIRED_KEYS = ("name", "label", "description", "legal_basis", "parameters")
OPTIONAL_KEYS = ("extends",)
LEGAL_BASIS_KEYS = ("title", "href")
NAME_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
YAML_SUFFIXES = (".yaml", ".yml")
METADATA_KEY = "metadata"           # a parameter's entry may carry metadata beside its dated values
METADATA_FIELDS = ("clause",)


class Change(NamedTuple):
    """One dated change: ``value`` from ``start`` (to ``stop`` inclusive, or onward when ``stop`` is None)."""

    path: str
    start: date
    stop: date | None
    value: object

    @property
    def period_key(self):
        return format_period(self.start, self.stop)


@dataclass(frozen=True)
class ReformSpec:
    """A validated reform: its own ``changes`` and, through ``extends``, those of the reforms it builds on."""

    name: str
    label: str
    description: str
    legal_basis: tuple
    changes: tuple
    extends: "ReformSpec | None" = None
    source: Path | None = None

    @property
    def all_changes(self):
        """Every change in the order applied: the extended reform's first, then this one's."""
        inherited = self.extends.all_changes if self.extends else ()
        return (*inherited, *self.changes)

    @property
    def chain(self):
        """Names from the first reform extended to this one."""
        return (*(self.extends.chain if self.extends else ()), self.name)


def default_system():
    """Today's law, from the engine (the only place a system is built); asked for only when a reform file is
    validated without a system given."""
    from openfisca_ajk.engine.law import baseline   # here: the engine builds systems from this package's classes

    return baseline()


def default_parameters():
    """The parameters of ``default_system()``."""
    return default_system().parameters


def available_names(folder=None):
    folder = Path(folder) if folder else law_folder("reforms")
    stems = [p.stem for p in folder.iterdir() if p.suffix in (".yaml", ".py") and not p.stem.startswith("_")]
    return sorted(set(stems))


def resolve_reform_path(path_or_name, near=None):
    """A file path as given, or ``<name>.yaml`` / ``<name>.py`` beside ``near`` or in ``reforms/``."""
    text = str(path_or_name)
    if isinstance(path_or_name, Path) or "/" in text or "\\" in text or text.endswith((*YAML_SUFFIXES, ".py")):
        path = Path(path_or_name)
        if not path.is_file():
            raise FileNotFoundError(f"reform file {path} does not exist")
        return path
    folders = [Path(near)] if near else []
    folders.append(law_folder("reforms"))
    for folder in folders:
        found = [folder / f"{text}{suffix}" for suffix in (".yaml", ".py") if (folder / f"{text}{suffix}").is_file()]
        if len(found) > 1:
            raise ValueError(f"reform '{text}': both {found[0].name} and {found[1].name} exist in {folder}; keep one")
        if found:
            return found[0]
    names = available_names()
    close = difflib.get_close_matches(text, names, n=3)
    hint = f"; did you mean {' or '.join(close)}?" if close else f"; available: {', '.join(names) or 'none'}"
    raise FileNotFoundError(f"no reform named '{text}' in {law_folder('reforms')}{hint}")


def metadata_problems(path, metadata):
    """Problems of a parameter's ``metadata`` entry in a reform file (``clause``: the clause enacting it)."""
    if not isinstance(metadata, dict):
        return [f"{path}: metadata must be a map (e.g. clause: section 23(2)), got {metadata!r}"]
    problems = [f"{path}: metadata.{key} is unknown; allowed: {', '.join(METADATA_FIELDS)}"
                for key in metadata if key not in METADATA_FIELDS]
    clause = metadata.get("clause")
    if "clause" in metadata and (not isinstance(clause, str) or not clause.strip()):
        problems.append(f"{path}: metadata.clause must be the clause's citation as text (e.g. section 23(2))")
    return problems


def parse_changes(diff):
    """Turn ``{path: {period key: value}}`` into sorted ``Change``s; return ``(changes, problems)``."""
    if not isinstance(diff, dict):
        return [], [f"parameters: expected a map of parameter path -> {{period: value}}, got {type(diff).__name__}"]
    changes, problems = [], []
    for path, entries in diff.items():
        if not isinstance(path, str) or not path.strip():
            problems.append(f"parameters: {path!r} is not a parameter path")
            continue
        if not isinstance(entries, dict) or not [key for key in entries if key != METADATA_KEY]:
            problems.append(f"{path}: expected a map of period -> value (e.g. 2026-01-01: 14500), got {entries!r}")
            continue
        parsed = []
        for key, value in entries.items():
            if key == METADATA_KEY:
                problems += metadata_problems(path, value)
                continue
            try:
                start, stop = parse_period_key(key)
            except ValueError as error:
                problems.append(f"{path}: {error}")
                continue
            for other_key, other_start, other_stop in parsed:
                if overlap((start, stop), (other_start, other_stop)):
                    problems.append(f"{path}: periods {other_key} and {key} overlap; give each day one value")
            parsed.append((key, start, stop))
            changes.append(Change(path.strip(), start, stop, plain_value(value)))
    changes.sort(key=lambda change: change.start)
    return changes, problems


def check_against_tree(changes, parameters, variables=None):
    """Problems of ``changes`` against a parameter tree: unknown paths, nodes, wrong types, out-of-range values;
    with ``variables`` (the system's variable names), names in a list of variables that are no variable."""
    leaves, nodes = index_parameters(parameters)
    problems, reported = [], set()
    for change in changes:
        leaf = leaves.get(change.path)
        if leaf is None:
            if change.path not in reported:
                problems.append(unknown_path_problem(change.path, leaves, nodes))
                reported.add(change.path)
            continue
        message = value_problem(leaf, change.value, variables)
        if message:
            problems.append(f"{change.path} {change.period_key}: {message}")
    return problems


def _header_problems(document, stem):
    problems = []
    unknown = sorted(str(key) for key in document if key not in (*REQUIRED_KEYS, *OPTIONAL_KEYS))
    if unknown:
        problems.append(f"unknown top-level key(s) {', '.join(unknown)}; allowed: {', '.join(REQUIRED_KEYS + OPTIONAL_KEYS)}")
    problems += [f"{key}: required" for key in REQUIRED_KEYS if key not in document]
    name = document.get("name")
    if "name" in document and name != stem:
        problems.append(f"name: '{name}' must equal the file name without extension, '{stem}'")
    elif name is not None and not NAME_PATTERN.match(str(name)):
        problems.append(f"name: '{name}' must be letters, digits and underscores (it is a Python attribute name)")
    for key in ("label", "description"):
        if key in document and (not isinstance(document[key], str) or not document[key].strip()):
            problems.append(f"{key}: must be non-empty text")
    return problems + _legal_basis_problems(document.get("legal_basis", [{}]))


def _legal_basis_problems(legal_basis):
    if not isinstance(legal_basis, list) or not legal_basis:
        return ["legal_basis: must be a list of {title, href} with at least one entry"]
    problems = []
    for number, entry in enumerate(legal_basis, start=1):
        if not isinstance(entry, dict):
            problems.append(f"legal_basis entry {number}: must be a map with title and href")
            continue
        for key in LEGAL_BASIS_KEYS:
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                problems.append(f"legal_basis entry {number}: {key} is required (non-empty text)")
        extra = sorted(str(key) for key in entry if key not in LEGAL_BASIS_KEYS)
        if extra:
            problems.append(f"legal_basis entry {number}: unknown key(s) {', '.join(extra)}; allowed: title, href")
    return problems


def _load_parent(name, path, parameters, visiting, variables=None):
    if not isinstance(name, str) or not name.strip():
        return None, [f"extends: must be the name of another reform file, got {name!r}"]
    try:
        parent_path = resolve_reform_path(name, near=path.parent)
    except (FileNotFoundError, ValueError) as error:
        return None, [f"extends: {error}"]
    if parent_path.suffix == ".py":
        return None, [f"extends: {name} is a Python reform; a YAML reform can only extend another YAML reform"]
    chain = [*visiting, path.resolve()]
    if parent_path.resolve() in chain:
        names = " -> ".join(p.stem for p in [*chain, parent_path.resolve()])
        return None, [f"extends: {names} is a cycle"]
    try:
        return _load(parent_path, parameters, chain, variables), []
    except ReformFileError as error:
        return None, [f"extends {name}: {problem}" for problem in error.problems]


def _load(path, parameters, visiting, variables=None):
    document, problems = read_yaml_file(path)
    if problems and document is None:
        raise ReformFileError(path, problems)
    if not isinstance(document, dict):
        raise ReformFileError(path, [f"expected a map of {', '.join(REQUIRED_KEYS)}, got {type(document).__name__}"])
    problems += _header_problems(document, path.stem)
    parent = None
    if "extends" in document:
        parent, parent_problems = _load_parent(document.get("extends"), path, parameters, visiting, variables)
        problems += parent_problems
    changes, change_problems = parse_changes(document.get("parameters", {}))
    problems += change_problems
    if "parameters" in document and not changes and not change_problems and "extends" not in document:
        problems.append("parameters: no change given")
    problems += check_against_tree(changes, parameters, variables)
    if problems:
        raise ReformFileError(path, problems)
    legal_basis = tuple({key: entry[key] for key in LEGAL_BASIS_KEYS} for entry in document["legal_basis"])
    return ReformSpec(document["name"], document["label"].strip(), document["description"].strip(),
                      legal_basis, tuple(changes), parent, path)


def load_reform_file(path_or_name, tax_benefit_system=None):
    """Read, resolve ``extends`` and validate a YAML reform against a baseline's parameters.

    Without ``tax_benefit_system`` the default AJK system is used. A list of variable names is checked
    against the system's variables. Every problem of the file (and of the files it extends) is reported in
    one ``ReformFileError``; nothing is applied.
    """
    path = resolve_reform_path(path_or_name)
    if path.suffix == ".py":
        raise ValueError(f"{path} is a Python reform, not a parameter diff; use load_reform_class")
    system = tax_benefit_system if tax_benefit_system is not None else default_system()
    return _load(path, system.parameters, (), system.variables)


def spec_from_diff(diff, parameters, name="in_memory_reform", label=None, description=""):
    """A ``ReformSpec`` for an in-memory ``{path: {period: value}}`` diff, validated against ``parameters``."""
    changes, problems = parse_changes(diff)
    if not problems and not changes:
        problems.append("parameters: no change given")
    if not NAME_PATTERN.match(str(name)):
        problems.append(f"name: '{name}' must be letters, digits and underscores")
    problems += check_against_tree(changes, parameters)
    if problems:
        raise ReformFileError(f"in-memory reform {name}", problems)
    return ReformSpec(name, label or name, description, (), tuple(changes))
