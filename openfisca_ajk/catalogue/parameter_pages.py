"""Pages of the parameter tree: one per node (authority, programme...), leaf parameter and scale."""

from pathlib import Path

from openfisca_core.parameters import Parameter, ParameterNode, ParameterScale

from openfisca_ajk.catalogue.document import (
    Badge, BulletList, Code, Fields, Heading, Link, Note, Page, Para, Row, Table, anchor_id, content, joined,
)
from openfisca_ajk.catalogue.paths import parameter_page, variable_page
from openfisca_ajk.catalogue.values import (
    CONFIRMED, NOTE_KEYS, current_status, format_value, in_force, needs_attention, references, statuses,
)
from openfisca_ajk.paths import law_folder

SHOWN_KEYS = {"label", "unit", "period", "reference", "status", "evidence", "last_value_still_valid_on", *NOTE_KEYS}


def walk(root):
    """Every node, scale and leaf under ``root`` (root included), parents before children."""
    items = [root]
    if isinstance(root, ParameterNode):
        for child in root.children.values():
            items.extend(walk(child))
    return items


def kind_of(item) -> str:
    if isinstance(item, ParameterScale):
        return "scale"
    return "node" if isinstance(item, ParameterNode) else "parameter"


def label_of(item) -> str:
    return (getattr(item, "metadata", None) or {}).get("label") or ""


def source_of(item) -> str:
    path = getattr(item, "file_path", None)
    if not path:
        return ""
    try:
        return str(Path(path).resolve().relative_to(law_folder("parameters").parent))
    except ValueError:
        return str(path)


def badges(metadata) -> tuple:
    """Visible flags: the status in force today, and an assumption or conflict badge."""
    metadata = metadata or {}
    result = []
    status = current_status(metadata)
    if status:
        result.append(Badge(f"status: {status}", status))
    elif any(value != CONFIRMED for _, value in statuses(metadata)):
        result.append(Badge("earlier values not confirmed", "unconfirmed"))
    for key in NOTE_KEYS:
        if metadata.get(key):
            result.append(Badge(key, key))
    return tuple(result)


def reference_links(items) -> tuple:
    links = [Link(item["title"], href=item["href"]) if item["href"] else item["title"] for item in items]
    return joined(links, "; ")


def latest_value(item):
    if isinstance(item, Parameter) and item.values_list:
        return format_value(item.values_list[0].value)
    return ""


def _breadcrumbs(name):
    crumbs = [Link("parameters", page=parameter_page(""))]
    parts = name.split(".") if name else []
    for depth in range(1, len(parts)):
        crumbs.append(Link(parts[depth - 1], page=parameter_page(".".join(parts[:depth]))))
    return tuple(crumbs)


def _header(page, item, index):
    metadata = item.metadata or {}
    if badges(metadata):
        page.add(Para(joined(badges(metadata), " ")))
    if item.description:
        page.add(Para((item.description,)))
    fields = [("Path", (Code(item.name),))]
    for key in ("label", "unit", "period"):
        if metadata.get(key):
            fields.append((key.capitalize(), (str(metadata[key]),)))
    fields += [(key, (str(value),)) for key, value in sorted(metadata.items())
               if key not in SHOWN_KEYS and isinstance(value, (str, int, float, bool))]
    if metadata.get("last_value_still_valid_on"):
        fields.append(("Last value still valid on", (str(metadata["last_value_still_valid_on"]),)))
    history = statuses(metadata)
    if history:
        fields.append(("Status by date", joined([content(f"{date}: ", Badge(status, status)) if date != "0001-01-01"
                                                  else (Badge(status, status),) for date, status in history], ", ")))
    if source_of(item):
        fields.append(("Source file", (Code(source_of(item)),)))
    page.add(Fields(tuple(fields)))
    for key in NOTE_KEYS:
        if metadata.get(key):
            page.add(Note(Badge(key, key), (" ".join(str(metadata[key]).split()),)))
    _readers(page, item.name, index)


def _readers(page, name, index):
    rows = []
    parts = name.split(".")
    for depth in range(len(parts), 0, -1):
        path = ".".join(parts[:depth])
        for reader in sorted(index.parameter_readers.get(path, ())):
            via = "" if path == name else f" (reads the node {path})"
            rows.append(content(Link(reader, page=variable_page(reader)), via))
    page.add(Heading(2, ("Read by",), "read-by"))
    page.add(BulletList(tuple(rows)) if rows else Para(("No formula reads this parameter directly.",)))


def evidence_of(metadata, date) -> str:
    """The evidence level of the value dated ``date``: enacted, reported, announced, assumed or unknown (given by
    date, or once for every value)."""
    evidence = (metadata or {}).get("evidence") or {}
    if isinstance(evidence, str):           # one level for every value of the parameter
        return evidence
    return {str(key): str(value) for key, value in evidence.items()}.get(date, "")


def _value_rows(item):
    metadata = item.metadata or {}
    value_dates = sorted(at.instant_str for at in item.values_list)
    values = {at.instant_str: at.value for at in item.values_list}
    attached = {date: [] for date in value_dates}
    for date, items in references(metadata):
        row_date = in_force({d: d for d in value_dates}, date) or (value_dates[0] if value_dates else None)
        if row_date is None:
            continue
        note = "" if date == row_date or date == "0001-01-01" else f" (dated {date})"
        attached[row_date].append(content(*reference_links(items), note))
    rows = []
    for date in value_dates:
        status = in_force(dict(statuses(metadata)), date)
        status_cell = (Badge(status, status),) if status else ()
        evidence = evidence_of(metadata, date)
        evidence_cell = (Badge(evidence, evidence),) if evidence else ()
        refs = joined(attached[date], "; ")
        rows.append(Row(((date,), (format_value(values[date]),), status_cell, evidence_cell, refs),
                        anchor_id("from", date)))
    return tuple(rows)


def leaf_page(item, index) -> Page:
    page = Page(parameter_page(item.name), item.name, breadcrumbs=_breadcrumbs(item.name))
    _header(page, item, index)
    unit = (item.metadata or {}).get("unit")
    page.add(Heading(2, ("Values",), "values"))
    page.add(Table(("Effective from", f"Value ({unit})" if unit else "Value", "Status", "Evidence", "References"),
                   _value_rows(item)))
    return page


def scale_page(item, index) -> Page:
    page = Page(parameter_page(item.name), item.name, breadcrumbs=_breadcrumbs(item.name))
    _header(page, item, index)
    fields = sorted({key for bracket in item.brackets for key in bracket.children},
                    key=lambda key: (key != "threshold", key))
    dates = sorted({at.instant_str for bracket in item.brackets for child in bracket.children.values()
                    for at in child.values_list})
    page.add(Heading(2, ("Brackets",), "brackets"))
    for date in dates:
        page.add(Heading(3, (f"In force from {date}",), anchor_id("from", date)))
        rows = []
        for number, bracket in enumerate(item.brackets, start=1):
            cells = [(str(number),)]
            for key in fields:
                child = bracket.children.get(key)
                cells.append((format_value(child(date)) if child is not None else "",))
            rows.append(Row(tuple(cells), anchor_id("bracket", number, date)))
        page.add(Table(("Bracket", *fields), tuple(rows)))
    metadata = item.metadata or {}
    page.add(Heading(2, ("References and status",), "references"))
    by_date = dict(references(metadata))
    status_by_date = dict(statuses(metadata))
    ref_rows = tuple(
        Row(((date,), reference_links(by_date.get(date, [])),
             (Badge(status_by_date[date], status_by_date[date]),) if date in status_by_date else ()),
            anchor_id("ref", date))
        for date in sorted(set(by_date) | set(status_by_date))
    )
    page.add(Table(("Date", "References", "Status"), ref_rows) if ref_rows else Para(("No reference recorded.",)))
    return page


def _flags(item):
    """The badges of a parameter or scale; for a node, how many parameters under it need attention."""
    if not isinstance(item, ParameterNode) or isinstance(item, ParameterScale):
        return joined(badges(item.metadata), " ")
    flagged = sum(isinstance(child, (Parameter, ParameterScale)) and needs_attention(child.metadata)
                  for child in walk(item))
    return (Badge(f"{flagged} to watch", "assumption"),) if flagged else ()


def node_page(item, index) -> Page:
    title = item.name or "Parameters"
    page = Page(parameter_page(item.name), title, breadcrumbs=_breadcrumbs(item.name) if item.name else ())
    if item.description:
        page.add(Para((item.description,)))
    node_refs = references(item.metadata)
    if node_refs:
        page.add(BulletList(tuple(content(*reference_links(items), f" (from {date})" if date != "0001-01-01" else "")
                                  for date, items in node_refs)))
    if source_of(item):
        page.add(Fields((("Folder", (Code(source_of(item)),)),)))
    rows = []
    for key, child in item.children.items():
        text = label_of(child) or child.description or ""
        rows.append(Row(((Link(key, page=parameter_page(child.name)),), (kind_of(child),), (text,),
                         (latest_value(child),), _flags(child))))
    page.add(Heading(2, ("Contents",), "contents"))
    page.add(Table(("Name", "Kind", "Label or description", "Latest value", "Flags"), tuple(rows)))
    if item.name:
        _readers(page, item.name, index)
    return page


def parameter_pages(root, index) -> list:
    pages = []
    for item in walk(root):
        if isinstance(item, ParameterScale):
            pages.append(scale_page(item, index))
        elif isinstance(item, ParameterNode):
            pages.append(node_page(item, index))
        elif isinstance(item, Parameter):
            pages.append(leaf_page(item, index))
    return pages
