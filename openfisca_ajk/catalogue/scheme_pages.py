"""Pages of the scheme registry (``openfisca_ajk/schemes/*.yaml``): one per scheme, and an index."""

from pathlib import Path

from openfisca_ajk.catalogue.document import (
    Badge, BulletList, Code, Fields, Heading, Link, Page, Para, Row, Table, content,
)
from openfisca_ajk.catalogue.paths import scheme_page, variable_page
from openfisca_ajk.paths import PACKAGE_DIR


def _variable(name, known):
    if name in known:
        return (Link(name, page=variable_page(name)),)
    return (Code(name), " ", Badge("not in the system", "missing"))


def _conditions(conditions, known):
    items = []
    for condition in conditions:
        text = content("not " if condition.negate else "", *_variable(condition.variable, known))
        if condition.person_conditions:
            items.append((text + (", for a member meeting all of:",), _conditions(condition.person_conditions, known)))
        else:
            items.append(text)
    return items


def _words(values):
    return (", ".join(values),) if values else ("none",)


def scheme_page_of(scheme, known) -> Page:
    page = Page(scheme_page(scheme.name), scheme.name, breadcrumbs=(Link("schemes", page="schemes/index"),))
    status = Badge(scheme.status, "confirmed" if scheme.status == "in_force" else "draft")
    page.add(Para((scheme.label, " ", status)))
    instrument = scheme.legal_instrument
    fields = [
        ("Kind", (scheme.kind,)), ("Provider", (scheme.provider,)),
        ("Legal instrument", (Link(instrument["title"], href=instrument["href"]),)),
        ("Status", (scheme.status,)), ("Entity", (scheme.entity,)),
        ("Output", _variable(scheme.output, known)), ("Eligible", _variable(scheme.eligible, known)),
    ]
    if scheme.instalment:
        fields.append(("Instalment", _variable(scheme.instalment, known)))
    fields += [
        ("Periodicity", (scheme.periodicity,)), ("Contingencies", _words(scheme.contingencies)),
        ("ILO C102 Parts", _words(scheme.c102_parts)), ("ILO R202 guarantees", _words(scheme.r202_guarantees)),
    ]
    if scheme.source_file:
        path = Path(scheme.source_file)
        relative = path.relative_to(PACKAGE_DIR.parent) if path.is_relative_to(PACKAGE_DIR.parent) else path
        fields.append(("Registry file", (Code(str(relative)),)))
    page.add(Fields(tuple(fields)))
    if scheme.notes:
        page.add(Heading(2, ("Notes",), "notes"), Para((" ".join(scheme.notes.split()),)))
    page.add(Heading(2, ("Conditions",), "conditions"), Para(("All of these must hold:",)),
             BulletList(tuple(_conditions(scheme.conditions, known))))
    page.add(Heading(2, ("Deciding inputs",), "deciding-inputs"),
             Para(("Inputs without which the outcome is undetermined.",)),
             BulletList(tuple(_variable(name, known) for name in scheme.deciding_inputs)))
    return page


def schemes_index(schemes, known) -> Page:
    page = Page("schemes/index", "Schemes")
    page.add(Para((f"{len(schemes)} schemes in the registry (openfisca_ajk/schemes/).",)))
    rows = [Row(((Link(s.name, page=scheme_page(s.name)),), (s.label,), (s.kind,), (s.provider,),
                 (Badge(s.status, "confirmed" if s.status == "in_force" else "draft"),), _words(s.c102_parts),
                 _words(s.r202_guarantees), _variable(s.output, known)))
            for s in schemes]
    page.add(Table(("Scheme", "Label", "Kind", "Provider", "Status", "C102 Parts", "R202 guarantees", "Output"),
                   tuple(rows)))
    return page


def scheme_pages(schemes, known) -> list:
    return [schemes_index(schemes, known)] + [scheme_page_of(scheme, known) for scheme in schemes]
