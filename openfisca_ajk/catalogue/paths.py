"""Page ids and the relative links between catalogue pages."""

import posixpath

HOME = "index"
SECTIONS = (("Parameters", "parameters/index"), ("Variables", "variables/index"), ("Schemes", "schemes/index"))


def page_file(page_id: str, extension: str) -> str:
    """The file of a page, relative to the site root (``parameters/index.html``)."""
    return f"{page_id}{extension}"


def relative_link(from_page: str, to_page: str, extension: str, anchor: str | None = None) -> str:
    """The href from the page ``from_page`` to ``to_page`` (with ``#anchor``)."""
    start = posixpath.dirname(from_page) or "."
    target = posixpath.relpath(page_file(to_page, extension), start)
    return f"{target}#{anchor}" if anchor else target


def parameter_page(name: str) -> str:
    return f"parameters/{name}" if name else "parameters/index"


def variable_page(name: str) -> str:
    return f"variables/{name}"


def scheme_page(name: str) -> str:
    return f"schemes/{name}"
