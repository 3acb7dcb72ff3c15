"""Check the links of a generated site: every internal link must reach an existing file and anchor.

External links (``http:``, ``https:``, ``mailto:`` ...) are listed, never fetched.
"""

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "iframe": "src"}


@dataclass(frozen=True)
class BrokenLink:
    source: str
    href: str
    reason: str

    def __str__(self):
        return f"{self.source}: {self.href} ({self.reason})"


@dataclass
class LinkReport:
    files: int = 0
    internal: int = 0
    broken: list = field(default_factory=list)
    external: dict = field(default_factory=dict)

    @property
    def ok(self):
        return not self.broken


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        wanted = LINK_ATTRIBUTES.get(tag)
        if wanted and attributes.get(wanted) is not None:
            self.links.append(attributes[wanted])


def _parse(path: Path):
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def is_external(href: str) -> bool:
    parts = urlsplit(href)
    return bool(parts.scheme) or href.startswith("//")


def check_site(root) -> LinkReport:
    """Parse every ``*.html`` file under ``root`` and check its internal links."""
    root = Path(root).resolve()
    report = LinkReport()
    parsed = {}

    def page(path):
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    for path in sorted(root.rglob("*.html")):
        report.files += 1
        source = path.relative_to(root).as_posix()
        for href in page(path).links:
            if is_external(href):
                report.external.setdefault(href, []).append(source)
                continue
            report.internal += 1
            problem = _problem(root, path, href, page)
            if problem:
                report.broken.append(BrokenLink(source, href, problem))
    return report


def _problem(root, path, href, page):
    parts = urlsplit(href)
    target_path = unquote(parts.path)
    if target_path.startswith("/"):
        return "absolute path: the site must work from any folder"
    if target_path:
        joined = posixpath.normpath(posixpath.join(path.parent.relative_to(root).as_posix(), target_path))
        if joined.startswith(".."):
            return "leaves the site"
        target = root / joined
        if target.is_dir():
            target = target / "index.html"
    else:
        target = path
    if not target.is_file():
        return "no such file"
    if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in page(target).ids:
        return f"no anchor '{unquote(parts.fragment)}' in {target.relative_to(root).as_posix()}"
    return None
