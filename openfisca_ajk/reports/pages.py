"""Rendering pages: the Jinja2 templates of ``templates/`` with the one stylesheet ``style.css`` inlined.

Every page is self-contained (the stylesheet inline, charts as base64 PNG), so a report can be mailed or
opened from a folder without a server.
"""

import base64
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

HERE = Path(__file__).resolve().parent
STYLESHEET = (HERE / "style.css").read_text(encoding="utf-8")


def _base64(data) -> str:
    return base64.b64encode(data).decode("ascii")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["j2", "html"]),
                      undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=True)
    env.filters["base64"] = _base64
    return env


def render_template(name, **context) -> str:
    """Render ``templates/<name>`` with the stylesheet and the page defaults (``lang``, ``nav``, ``crumbs``...)."""
    values = {"lang": "en", "nav": (), "crumbs": "", "summary": "", "body": ""}
    values.update(context)
    values["stylesheet"] = Markup(STYLESHEET)
    return environment().get_template(name).render(**values)


def render_page(title, body_html="", summary="", nav=(), crumbs="", lang="en") -> str:
    """A whole page: ``title`` (text) as ``<h1>``, an optional ``summary`` paragraph, then ``body_html`` (HTML).

    ``nav``: ``[{"href": ..., "text": ...}]`` links in the header; ``crumbs``: HTML of a breadcrumb line.
    """
    return render_template("page.html.j2", title=title, body=Markup(body_html), summary=summary, nav=nav,
                           crumbs=Markup(crumbs), lang=lang)


def esc(value) -> str:
    """``value`` as HTML text (quotes escaped)."""
    return str(escape(str(value)))


def html(text) -> Markup:
    """Mark ``text`` as already-built HTML (a table cell with a link or emphasis)."""
    return Markup(text)


def md_table(headers, rows) -> str:
    """A Markdown pipe table; ``|`` and line breaks in cells are escaped."""
    def cell(value):
        return str(value).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


@dataclass(frozen=True)
class Table:
    """A table: ``rows`` of cells (text, escaped when rendered, or :func:`html`); numbers right-aligned from
    column ``numeric_from``; ``classes``: one CSS class per row (``meets``, ``fails``...) or None."""

    header: tuple
    rows: tuple
    numeric_from: int | None = None
    classes: tuple | None = None
    kind: str = "table"


@dataclass(frozen=True)
class Paragraph:
    text: object
    muted: bool = False
    kind: str = "paragraph"


@dataclass(frozen=True)
class Items:
    """A bulleted list of text (or :func:`html`) items."""

    items: tuple
    kind: str = "items"


@dataclass(frozen=True)
class Chart:
    """A PNG chart, embedded in the page."""

    name: str
    png: bytes
    kind: str = "chart"


@dataclass(frozen=True)
class Section:
    """A heading (``level`` 2 or 3, optional ``anchor`` id) and its blocks."""

    title: str
    blocks: tuple = ()
    anchor: str | None = None
    level: int = 2


def render_report(title, sections, summary="", intro=()) -> str:
    """A report page: the title, the ``summary`` first, ``intro`` blocks, then every :class:`Section`."""
    return render_template("report.html.j2", title=title, summary=summary, intro=tuple(intro),
                           sections=tuple(sections))
