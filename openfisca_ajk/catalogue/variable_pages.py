"""Pages of the variables: one per variable, and an index grouped by the folder the variable lives in."""

import inspect
import textwrap
from pathlib import Path

from openfisca_ajk.catalogue.document import (
    Badge, BulletList, Code, CodeBlock, Fields, Heading, Link, Page, Para, Row, Table, anchor_id, content, joined,
)
from openfisca_ajk.catalogue.dependencies import formulas_of
from openfisca_ajk.catalogue.paths import parameter_page, scheme_page, variable_page
from openfisca_ajk.paths import law_folder

BEGINNING = "0001-01-01"


def source_file(variable) -> str:
    """The variable's file relative to the repository (``variables/pakistan/bisp/kafaalat/amount.py``)."""
    try:
        path = Path(inspect.getsourcefile(type(variable))).resolve()
    except (TypeError, OSError):
        return ""
    try:
        return str(path.relative_to(law_folder("variables").parent))
    except ValueError:
        return str(path)


def group_of(variable) -> str:
    """The folder of the variable's file under ``variables/`` (``pakistan/bisp/kafaalat``)."""
    parts = Path(source_file(variable)).parts
    return "/".join(parts[1:-1]) if len(parts) > 2 and parts[0] == "variables" else "(other)"


def value_type_name(variable) -> str:
    if variable.value_type.__name__ == "Enum" and getattr(variable, "possible_values", None) is not None:
        return f"Enum ({variable.possible_values.__name__})"
    return variable.value_type.__name__


def _default_text(variable) -> str:
    default = variable.default_value
    return getattr(default, "name", None) or str(default)


def _reference_links(variable):
    raw = variable.reference or []
    items = [raw] if isinstance(raw, str) else list(raw)
    return joined([Link(item, href=item) if "://" in item else item for item in items], ", ")


def _documentation(variable):
    text = textwrap.dedent(variable.documentation or "").strip()
    return [Para((" ".join(paragraph.split()),)) for paragraph in text.split("\n\n") if paragraph.strip()]


def _variable_links(names, known):
    return tuple(content(Link(name, page=variable_page(name)) if name in known else Code(name),
                         "" if name in known else " (not in the system)") for name in sorted(names))


def scheme_uses(schemes) -> dict:
    """Variable name -> [(scheme name, role)] for every variable a scheme names."""
    uses = {}

    def add(name, scheme, role):
        uses.setdefault(name, []).append((scheme, role))

    def conditions(items, scheme, role):
        for condition in items:
            add(condition.variable, scheme, role)
            conditions(condition.person_conditions, scheme, "person condition")

    for scheme in schemes:
        add(scheme.output, scheme.name, "output")
        add(scheme.eligible, scheme.name, "eligibility")
        if scheme.instalment:
            add(scheme.instalment, scheme.name, "instalment")
        conditions(scheme.conditions, scheme.name, "condition")
        for name in scheme.deciding_inputs:
            add(name, scheme.name, "deciding input")
    return uses


def variable_page_of(variable, index, known, uses) -> Page:
    name = variable.name
    group = group_of(variable)
    crumbs = (Link("variables", page="variables/index"),
              Link(group, page="variables/index", anchor=anchor_id("group", group)))
    page = Page(variable_page(name), name, breadcrumbs=crumbs)
    formulas = formulas_of(variable)
    flags = [Badge("input", "input")] if not formulas else []
    if variable.end:
        flags.append(Badge(f"ends {variable.end}", "draft"))
    page.add(Para((variable.label or "(no label)", " ", *flags)))
    fields = [("Name", (Code(name),)), ("Entity", (variable.entity.key,)),
              ("Period", (str(variable.definition_period),)), ("Value type", (value_type_name(variable),))]
    if getattr(variable, "unit", None):
        fields.append(("Unit", (str(variable.unit),)))
    fields.append(("Default", (_default_text(variable),)))
    if variable.value_type.__name__ == "Enum" and getattr(variable, "possible_values", None) is not None:
        fields.append(("Possible values", joined([Code(item.name) for item in variable.possible_values], ", ")))
    fields.append(("End", (str(variable.end) if variable.end else "none",)))
    if variable.set_input is not None:
        fields.append(("Set input", (Code(variable.set_input.__name__),)))
    fields.append(("References", _reference_links(variable) or ("none",)))
    if source_file(variable):
        fields.append(("Source file", (Code(source_file(variable)),)))
    page.add(Fields(tuple(fields)))
    documentation = _documentation(variable)
    if documentation:
        page.add(Heading(2, ("Documentation",), "documentation"), *documentation)
    reads = index.reads.get(name)
    page.add(Heading(2, ("Depends on",), "depends-on"))
    if reads and (reads.variables or reads.parameters or reads.helpers):
        items = [(("Variables",), [*_variable_links(reads.variables, known)])] if reads.variables else []
        if reads.parameters:
            parameters = [(Link(path, page=parameter_page(path)),) for path in sorted(reads.parameters)]
            items.append((("Parameters",), parameters))
        if reads.helpers:
            items.append((("Helper functions (what they read is not traced)",),
                          [(Code(helper),) for helper in sorted(reads.helpers)]))
        page.add(BulletList(tuple(items)))
    else:
        page.add(Para(("An input: no formula." if not formulas else "Reads no variable or parameter.",)))
    page.add(Heading(2, ("Depended on by",), "depended-on-by"))
    readers = index.variable_readers.get(name, ())
    page.add(BulletList(_variable_links(readers, known)) if readers else Para(("No formula reads this variable.",)))
    if uses.get(name):
        page.add(Heading(2, ("Schemes",), "schemes"))
        page.add(BulletList(tuple((Link(scheme, page=scheme_page(scheme)), f": {role}")
                                  for scheme, role in uses[name])))
    if formulas:
        page.add(Heading(2, ("Formulas",), "formulas"))
        for formula in formulas:
            start = "the beginning" if formula.start == BEGINNING else formula.start
            page.add(Heading(3, (f"From {start}",), anchor_id("formula", formula.start)),
                     CodeBlock(formula.source))
    return page


def variables_index(variables) -> Page:
    page = Page("variables/index", "Variables")
    groups = {}
    for variable in variables:
        groups.setdefault(group_of(variable), []).append(variable)
    page.add(Para((f"{len(variables)} variables in {len(groups)} folders of variables/.",)))
    for group in sorted(groups):
        page.add(Heading(2, (group,), anchor_id("group", group)))
        rows = [Row(((Link(v.name, page=variable_page(v.name)),), (v.label or "",), (v.entity.key,),
                     (str(v.definition_period),), ("input" if not v.formulas else "formula",)))
                for v in sorted(groups[group], key=lambda v: v.name)]
        page.add(Table(("Name", "Label", "Entity", "Period", "Kind"), tuple(rows)))
    return page


def variable_pages(tax_benefit_system, index, schemes) -> list:
    known = set(tax_benefit_system.variables)
    uses = scheme_uses(schemes)
    variables = [tax_benefit_system.variables[name] for name in sorted(known)]
    return [variables_index(variables)] + [variable_page_of(v, index, known, uses) for v in variables]
