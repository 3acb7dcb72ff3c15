"""A tiny document model: every catalogue page is built once and rendered to HTML and to Markdown.

Inline content is a tuple of ``str``, :class:`Link`, :class:`Badge` and :class:`Code`.
A :class:`Link` to another catalogue page names the page by its id (``"variables/bisp_kafaalat"``);
the renderer turns the id into a relative path with the right extension.
"""

import re
from dataclasses import dataclass, field

ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def anchor_id(*parts) -> str:
    """An HTML id made of ``parts``, safe in both HTML and Markdown (``from-2025-01-01``)."""
    return ANCHOR_UNSAFE.sub("-", "-".join(str(part) for part in parts)).strip("-")


@dataclass(frozen=True)
class Link:
    """A link: internal when ``page`` is set (with an optional ``anchor``), external when ``href`` is."""

    text: str
    page: str | None = None
    anchor: str | None = None
    href: str | None = None


@dataclass(frozen=True)
class Badge:
    """A visible flag: ``kind`` is ``assumption``, ``conflicting``, ``status``, ``draft``, ``input``, ``missing``."""

    text: str
    kind: str = "status"


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class Heading:
    level: int
    content: tuple
    anchor: str | None = None


@dataclass(frozen=True)
class Para:
    content: tuple


@dataclass(frozen=True)
class Note:
    """A highlighted paragraph (an assumption or a conflict), led by its badge."""

    badge: Badge
    content: tuple


@dataclass(frozen=True)
class Fields:
    """Label / value pairs; each value is inline content."""

    items: tuple


@dataclass(frozen=True)
class BulletList:
    """Items of inline content; an item may carry nested items as ``(content, children)``."""

    items: tuple


@dataclass(frozen=True)
class Row:
    cells: tuple
    anchor: str | None = None


@dataclass(frozen=True)
class Table:
    header: tuple
    rows: tuple


@dataclass(frozen=True)
class CodeBlock:
    text: str
    language: str = "python"


@dataclass(frozen=True)
class RawHtml:
    """HTML-only content (the search box); Markdown gets ``markdown_text`` instead."""

    html: str
    markdown_text: str = ""


@dataclass
class Page:
    """One catalogue page: ``page_id`` is the path without extension (``parameters/index``)."""

    page_id: str
    title: str
    blocks: list = field(default_factory=list)
    breadcrumbs: tuple = ()

    def add(self, *blocks):
        self.blocks.extend(blocks)
        return self


def content(*parts) -> tuple:
    """Inline content from parts, dropping ``None`` and empty strings."""
    return tuple(part for part in parts if part not in (None, ""))


def joined(items, separator=", ") -> tuple:
    """Inline items separated by ``separator``; an item may itself be inline content (a tuple)."""
    result = []
    for index, item in enumerate(items):
        if index:
            result.append(separator)
        result.extend(item if isinstance(item, tuple) else (item,))
    return tuple(result)
