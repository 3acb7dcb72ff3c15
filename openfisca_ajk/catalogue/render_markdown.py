"""Render a :class:`~openfisca_ajk.catalogue.document.Page` as Markdown (GitHub flavour)."""

import re

from openfisca_ajk.catalogue.document import (
    Badge, BulletList, Code, CodeBlock, Fields, Heading, Link, Note, Para, RawHtml, Table,
)
from openfisca_ajk.catalogue.paths import HOME, SECTIONS, relative_link

EXTENSION = ".md"
WHITESPACE = re.compile(r"\s+")
SPECIAL = str.maketrans({"|": "\\|", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "<": "&lt;", ">": "&gt;",
                         "`": "\\`"})


def _text(text):
    return WHITESPACE.sub(" ", str(text)).translate(SPECIAL)


def _inline(item, page_id):
    if isinstance(item, str):
        return _text(item)
    if isinstance(item, Link):
        if item.page is not None:
            href = relative_link(page_id, item.page, EXTENSION, item.anchor)
        else:
            href = item.href.replace(" ", "%20").replace(")", "%29")
        return f"[{_text(item.text)}]({href})"
    if isinstance(item, Badge):
        return f"**`{item.text.upper()}`**"
    if isinstance(item, Code):
        text = " ".join(item.text.split())
        return f"`` {text} ``" if "`" in text else f"`{text}`"
    raise TypeError(f"not inline content: {item!r}")


def inline(content, page_id):
    return "".join(_inline(item, page_id) for item in content)


def _items(items, page_id, depth=0):
    lines = []
    for item in items:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], list):
            text, children = item
            lines.append("  " * depth + f"- {inline(text, page_id)}")
            lines.extend(_items(children, page_id, depth + 1))
        else:
            lines.append("  " * depth + f"- {inline(item, page_id)}")
    return lines


def _block(block, page_id):
    if isinstance(block, Heading):
        anchor = f'<a id="{block.anchor}"></a>\n\n' if block.anchor else ""
        return f"{anchor}{'#' * block.level} {inline(block.content, page_id)}"
    if isinstance(block, Para):
        return inline(block.content, page_id)
    if isinstance(block, Note):
        return f"> {_inline(block.badge, page_id)} {inline(block.content, page_id)}"
    if isinstance(block, Fields):
        return "\n".join(f"- **{_text(label)}**: {inline(value, page_id)}" for label, value in block.items)
    if isinstance(block, BulletList):
        return "\n".join(_items(block.items, page_id))
    if isinstance(block, Table):
        lines = ["| " + " | ".join(_text(cell) for cell in block.header) + " |",
                 "|" + "---|" * len(block.header)]
        for row in block.rows:
            cells = [inline(cell, page_id) or " " for cell in row.cells]
            if row.anchor:
                cells[0] = f'<a id="{row.anchor}"></a>{cells[0]}'
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)
    if isinstance(block, CodeBlock):
        return f"```{block.language}\n{block.text.rstrip()}\n```"
    if isinstance(block, RawHtml):
        return block.markdown_text
    raise TypeError(f"not a block: {block!r}")


def render_markdown(page) -> str:
    """The whole Markdown document of ``page``."""
    page_id = page.page_id
    nav = [f"[AJK law catalogue]({relative_link(page_id, HOME, EXTENSION)})"]
    nav += [f"[{name}]({relative_link(page_id, target, EXTENSION)})" for name, target in SECTIONS]
    parts = [" · ".join(nav)]
    if page.breadcrumbs:
        parts.append(" / ".join(_inline(link, page_id) for link in page.breadcrumbs))
    parts.append(f"# {_text(page.title)}")
    parts.extend(text for text in (_block(block, page_id) for block in page.blocks) if text)
    return "\n\n".join(parts) + "\n"
