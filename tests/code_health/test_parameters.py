"""Every parameter leaf says what it is, in which unit, and where the law says so."""

from pathlib import Path

import pytest
import yaml

from openfisca_ajk.paths import law_folder

PARAMETERS = law_folder("parameters")
NODE_KEYS = {"description", "metadata", "documentation", "reference", "unit", "label"}


def leaves(node, path):
    if isinstance(node, dict) and ("values" in node or "brackets" in node):
        yield path, node
        return
    if isinstance(node, dict):
        for key, child in node.items():
            if key not in NODE_KEYS:
                yield from leaves(child, [*path, str(key)])


def all_leaves():
    for file in sorted(PARAMETERS.rglob("*.yaml")):
        if file.name == "index.yaml":
            continue
        document = yaml.safe_load(file.read_text(encoding="utf-8"))
        for path, node in leaves(document, []):
            yield file, path, node, document


LEAVES = list(all_leaves())


def problems_of(file, path, node, document):
    metadata = dict(document.get("metadata") or {})
    metadata.update(node.get("metadata") or {})
    where = f"{file.relative_to(PARAMETERS)}{':' + '.'.join(path) if path else ''}"
    problems = []
    if not (node.get("description") or document.get("description")):
        problems.append(f"{where}: no description")
    for key in ("label", "unit", "reference"):
        if not metadata.get(key):
            problems.append(f"{where}: no metadata.{key}")
    reference = metadata.get("reference")
    if isinstance(reference, dict):
        for date, entries in reference.items():
            entries = entries if isinstance(entries, list) else [entries]
            for entry in entries:
                if not isinstance(entry, dict) or not entry.get("title"):
                    problems.append(f"{where}: reference of {date} needs title and href")
                elif not entry.get("href") and not entry.get("citation_only"):
                    # a printed source found without its web address names itself and says so
                    problems.append(f"{where}: reference of {date} needs title and href")
    elif reference is not None:
        problems.append(f"{where}: metadata.reference must be keyed by effective date")
    return problems


def test_there_are_parameters():
    assert len(LEAVES) > 10


@pytest.mark.parametrize(("file", "path", "node", "document"), LEAVES, ids=lambda v: str(v) if isinstance(v, Path) else None)
def test_parameter_has_full_provenance(file, path, node, document):
    assert problems_of(file, path, node, document) == []


def test_a_parameter_without_reference_is_caught():
    """The check itself can fail: a leaf stripped of its reference is reported."""
    document = {"description": "d", "metadata": {"label": "l", "unit": "/1"}, "values": {"2020-01-01": {"value": 1}}}
    problems = problems_of(PARAMETERS / "x.yaml", [], document, document)
    assert problems == ["x.yaml: no metadata.reference"]


def test_every_reference_date_is_a_value_date_or_earlier(tax_benefit_system):
    """A reference keyed after the last value would cite a law the engine does not encode."""
    late = []
    for file, path, node, document in LEAVES:
        metadata = dict(document.get("metadata") or {})
        metadata.update(node.get("metadata") or {})
        values = node.get("values") or {}
        if not values or not isinstance(metadata.get("reference"), dict):
            continue
        last_value = max(str(d) for d in values)
        late += [f"{file.name}: {d}" for d in metadata["reference"] if str(d) > last_value]
    assert late == []
