"""Build the catalogue: every page rendered to HTML and Markdown, written atomically under one folder.

Files of an earlier build that are no longer produced (a parameter renamed...) are removed, but only
files listed in the earlier build's manifest, never anything else in the folder.
"""

import json
import time
from dataclasses import dataclass
from pathlib import Path

from openfisca_ajk.catalogue.dependencies import build_index
from openfisca_ajk.catalogue.home_page import home_page
from openfisca_ajk.catalogue.parameter_pages import parameter_pages
from openfisca_ajk.catalogue.paths import page_file
from openfisca_ajk.catalogue.render_html import EXTENSION as HTML, render_html
from openfisca_ajk.catalogue.render_markdown import EXTENSION as MARKDOWN, render_markdown
from openfisca_ajk.catalogue.scheme_pages import scheme_pages
from openfisca_ajk.catalogue.variable_pages import variable_pages
from openfisca_ajk.paths import PACKAGE_DIR, law_folder
from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.engine.law import law
from openfisca_ajk.tools.files import atomic_write

MANIFEST = ".catalogue-manifest.json"
PROTECTED = ("parameters", "variables", "reforms", "tests", "situation_examples")


@dataclass(frozen=True)
class BuildResult:
    output: Path
    pages: int
    files: tuple
    seconds: float


def _protected_folders():
    folders = [PACKAGE_DIR]
    for name in PROTECTED:
        try:
            folders.append(law_folder(name))
        except FileNotFoundError:
            continue
    return folders


def check_output_folder(output: Path):
    """Refuse to write into, or above, the package or a folder of the law or of the tests (the inputs)."""
    resolved = output.resolve()
    for folder in _protected_folders():
        folder = folder.resolve()
        if resolved == folder or folder in resolved.parents or resolved in folder.parents:
            raise ValueError(f"refusing to write the catalogue into {folder}: choose another --output")


def all_pages(tax_benefit_system, schemes):
    index = build_index(tax_benefit_system)
    known = set(tax_benefit_system.variables)
    pages = [home_page(tax_benefit_system.parameters, tax_benefit_system, schemes)]
    pages += parameter_pages(tax_benefit_system.parameters, index)
    pages += variable_pages(tax_benefit_system, index, schemes)
    pages += scheme_pages(schemes, known)
    return pages


def _previous_files(output: Path):
    try:
        return set(json.loads((output / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return set()


def build_catalogue(output, tax_benefit_system=None, schemes=None) -> BuildResult:
    """Generate the site under ``output``; returns what was written and how long it took."""
    started = time.perf_counter()
    output = Path(output)
    check_output_folder(output)
    system = tax_benefit_system if tax_benefit_system is not None else law()
    registry = tuple(schemes) if schemes is not None else load_schemes()
    pages = all_pages(system, registry)
    seen = set()
    for page in pages:
        if page.page_id in seen:
            raise ValueError(f"two catalogue pages would share the files of '{page.page_id}'")
        seen.add(page.page_id)
    written = []
    for page in pages:
        for extension, render in ((HTML, render_html), (MARKDOWN, render_markdown)):
            relative = page_file(page.page_id, extension)
            atomic_write(output / relative, render(page))
            written.append(relative)
    for stale in sorted(_previous_files(output) - set(written)):
        target = (output / stale).resolve()
        if output.resolve() in target.parents and target.is_file():
            target.unlink()
    atomic_write(output / MANIFEST, json.dumps(sorted(written), indent=0))
    return BuildResult(output, len(pages), tuple(written), time.perf_counter() - started)
