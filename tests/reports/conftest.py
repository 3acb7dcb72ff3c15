"""Every kind of page the tools write, generated on small populations, and one headless Chromium for them all.

Chromium is Debian's ``chromium`` package; ``python3 tasks.py test`` installs it when it is missing and the
tests run as root (CI), and then requires it (``AJK_REQUIRE_BROWSER=1``). Elsewhere the browser tests are
skipped with the reason. Screenshots go to ``AJK_TEST_ARTIFACTS`` (default ``output/test-artifacts``).
"""

import os
from pathlib import Path

import pytest

from openfisca_ajk.cli import main

from ..browser import launch_or_skip

ROOT = Path(__file__).resolve().parents[2]
SMALL = "0.005"          # share of the population: the browser tests add seconds, not minutes
PERSONS = "800"          # compliance and matrix: persons drawn
COMMANDS = {
    # the draft act in its third year: the contributory tables, every figure with its interval
    "compare": ["compare", "kafaalat_14500", "universal_old_age_pension", "draft_social_security_act", "--year", "2029",
                "--size", SMALL, "--no-cache", "--quiet"],
    "compliance": ["compliance", "--size", PERSONS, "--quiet"],
    "matrix": ["matrix", "--reform", "draft_social_security_act", "--year", "2029", "--size", PERSONS],   # widest rows
    "valuation": ["valuation", "--horizon", "20", "--size", SMALL],
    "projection": ["project", "--reform", "kafaalat_14500", "--from", "2026", "--to", "2027", "--size", SMALL],
    "catalogue": ["catalogue"],
}
REPORT_PAGES = {"compare": "compare/compare.html", "compliance": "compliance/compliance.html",
                "matrix": "matrix/matrix.html", "valuation": "valuation/report.html",
                "projection": "projection/costing.html"}
CATALOGUE_SECTIONS = ("parameters", "variables", "schemes")


def artifacts_folder() -> Path:
    return Path(os.environ.get("AJK_TEST_ARTIFACTS") or ROOT / "output" / "test-artifacts")


@pytest.fixture(scope="session")
def browser():
    with launch_or_skip() as launched:
        yield launched


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The folder holding every page: ``compare/``, ``compliance/``, ``matrix/``, ``valuation/``, ``projection/``,
    ``catalogue/``, each written by its command line."""
    folder = tmp_path_factory.mktemp("pages")
    for name, arguments in COMMANDS.items():
        assert main([*arguments, "--output", str(folder / name)]) == 0, name
    return folder


def catalogue_pages(site):
    """The home page, each section's index and the two largest pages of each section (the likeliest to overflow)."""
    root = site / "catalogue"
    pages = {"catalogue_home": root / "index.html"}
    for section in CATALOGUE_SECTIONS:
        pages[f"catalogue_{section}_index"] = root / section / "index.html"
        largest = sorted((p for p in (root / section).rglob("*.html") if p.name != "index.html"),
                         key=lambda p: p.stat().st_size, reverse=True)[:2]
        for rank, page in enumerate(largest, 1):
            pages[f"catalogue_{section}_largest_{rank}"] = page
    return pages
