"""Render a :class:`~openfisca_ajk.catalogue.document.Page` as a self-contained HTML file (inline CSS)."""

from html import escape

from openfisca_ajk.catalogue.document import (
    Badge, BulletList, Code, CodeBlock, Fields, Heading, Link, Note, Para, RawHtml, Table,
)
from openfisca_ajk.catalogue.paths import HOME, SECTIONS, relative_link

EXTENSION = ".html"

STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2530;line-height:1.45}
header{background:#14532d;color:#fff;padding:.6em 1.2em}
header a{color:#fff;margin-right:1.2em;text-decoration:none;font-weight:600}
main{max-width:72em;margin:0 auto;padding:1em 1.2em 3em}
a{color:#0b5cad}
nav.crumbs{font-size:.9em;color:#555;margin-bottom:.5em}
table{border-collapse:collapse;margin:.6em 0;width:100%}
th,td{border:1px solid #d4d9e0;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#eef2f6}
tr:target,h2:target,h3:target{background:#fff6cc}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
pre{background:#f5f7f9;border:1px solid #d4d9e0;padding:.7em;overflow-x:auto}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}
dt{font-weight:600;color:#444}
dd{margin:0}
.badge{display:inline-block;border-radius:.7em;padding:0 .55em;font-size:.8em;font-weight:600;
 background:#e2e8f0;color:#1e293b;margin:0 .15em;white-space:nowrap}
.badge-assumption{background:#fde68a;color:#713f12}
.badge-conflicting{background:#fecaca;color:#7f1d1d}
.badge-draft,.badge-unconfirmed,.badge-single_source{background:#fed7aa;color:#7c2d12}
.badge-confirmed{background:#bbf7d0;color:#14532d}
.badge-input{background:#dbeafe;color:#1e3a8a}
.badge-missing{background:#7f1d1d;color:#fff}
.note{border-left:4px solid #f59e0b;background:#fffbeb;padding:.4em .8em;margin:.6em 0}
.note-conflicting{border-color:#dc2626;background:#fef2f2}
#search{width:100%;font-size:1.1em;padding:.4em;box-sizing:border-box}
#results li{margin:.2em 0}
"""


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
        return f"<table><thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>"
    if isinstance(block, CodeBlock):
        return f'<pre><code class="language-{escape(block.language, quote=True)}">{escape(block.text)}</code></pre>'
    if isinstance(block, RawHtml):
        return block.html
    raise TypeError(f"not a block: {block!r}")


def render_html(page) -> str:
    """The whole HTML document of ``page``."""
    page_id = page.page_id
    nav = [f'<a href="{relative_link(page_id, HOME, EXTENSION)}">AJK law catalogue</a>']
    nav += [f'<a href="{relative_link(page_id, target, EXTENSION)}">{escape(name)}</a>' for name, target in SECTIONS]
    crumbs = ""
    if page.breadcrumbs:
        crumbs = '<nav class="crumbs">' + " / ".join(_inline(link, page_id) for link in page.breadcrumbs) + "</nav>"
    body = "\n".join(_block(block, page_id) for block in page.blocks)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(page.title)} · AJK law catalogue</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<header>{''.join(nav)}</header>\n<main>\n{crumbs}\n<h1>{escape(page.title)}</h1>\n{body}\n</main>\n"
        "</body>\n</html>\n"
    )
