"""Render a :class:`~openfisca_ajk.catalogue.document.Page` as a self-contained HTML file (the reports' template)."""

from html import escape

from markupsafe import Markup

from openfisca_ajk.catalogue.document import (
    Badge, BulletList, Code, CodeBlock, Fields, Heading, Link, Note, Para, RawHtml, Table,
)
from openfisca_ajk.catalogue.paths import HOME, SECTIONS, relative_link
from openfisca_ajk.reports import render_template

EXTENSION = ".html"

def _inline(item, page_id):
    if isinstance(item, str):
        return escape(item)
    if isinstance(item, Link):
        if item.page is not None:
            href = relative_link(page_id, item.page, EXTENSION, item.anchor)
        else:
            href = item.href
        external = "" if item.page is not None else ' rel="noopener" class="external"'
        return f'<a href="{escape(href, quote=True)}"{external}>{escape(item.text)}</a>'
    if isinstance(item, Badge):
        return f'<span class="badge badge-{escape(item.kind, quote=True)}">{escape(item.text)}</span>'
    if isinstance(item, Code):
        return f"<code>{escape(item.text)}</code>"
    raise TypeError(f"not inline content: {item!r}")


def inline(content, page_id):
    return "".join(_inline(item, page_id) for item in content)


def _items(items, page_id):
    lines = ["<ul>"]
    for item in items:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], list):
            text, children = item
            lines.append(f"<li>{inline(text, page_id)}{_items(children, page_id)}</li>")
        else:
            lines.append(f"<li>{inline(item, page_id)}</li>")
    lines.append("</ul>")
    return "\n".join(lines)


def _block(block, page_id):
    if isinstance(block, Heading):
        anchor = f' id="{escape(block.anchor, quote=True)}"' if block.anchor else ""
        return f"<h{block.level}{anchor}>{inline(block.content, page_id)}</h{block.level}>"
    if isinstance(block, Para):
        return f"<p>{inline(block.content, page_id)}</p>"
    if isinstance(block, Note):
        return (f'<div class="note note-{escape(block.badge.kind, quote=True)}">'
                f"{_inline(block.badge, page_id)} {inline(block.content, page_id)}</div>")
    if isinstance(block, Fields):
        body = "".join(f"<dt>{escape(label)}</dt><dd>{inline(value, page_id)}</dd>" for label, value in block.items)
        return f"<dl>{body}</dl>"
    if isinstance(block, BulletList):
        return _items(block.items, page_id)
    if isinstance(block, Table):
        head = "".join(f"<th>{escape(cell)}</th>" for cell in block.header)
        rows = []
        for row in block.rows:
            anchor = f' id="{escape(row.anchor, quote=True)}"' if row.anchor else ""
            cells = "".join(f"<td>{inline(cell, page_id)}</td>" for cell in row.cells)
            rows.append(f"<tr{anchor}>{cells}</tr>")
        return (f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>\n' + "\n".join(rows)
                + "\n</tbody></table></div>")
    if isinstance(block, CodeBlock):
        return f'<pre><code class="language-{escape(block.language, quote=True)}">{escape(block.text)}</code></pre>'
    if isinstance(block, RawHtml):
        return block.html
    raise TypeError(f"not a block: {block!r}")


def render_html(page) -> str:
    """The whole HTML document of ``page``."""
    page_id = page.page_id
    nav = [{"href": relative_link(page_id, HOME, EXTENSION), "text": "AJK law catalogue"}]
    nav += [{"href": relative_link(page_id, target, EXTENSION), "text": name} for name, target in SECTIONS]
    crumbs = " / ".join(_inline(link, page_id) for link in page.breadcrumbs)
    body = "\n".join(_block(block, page_id) for block in page.blocks)
    return render_template("catalogue.html.j2", title=page.title, nav=nav, crumbs=Markup(crumbs),
                           body=Markup(body + "\n"))
