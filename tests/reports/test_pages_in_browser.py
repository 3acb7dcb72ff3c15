"""Every kind of page the tools write, opened in a real headless Chromium at 1,280 px: no console error or
uncaught exception, nothing wider than the window, a screenshot kept; the catalogue search finds a variable."""

import pytest

from ..browser import WINDOW_WIDTH
from .conftest import REPORT_PAGES, artifacts_folder, catalogue_pages

PNG = b"\x89PNG\r\n\x1a\n"


def check_page(browser, path, name):
    tab = browser.open(path)
    try:
        assert tab.errors == [], f"{name}: {tab.errors}"
        width = tab.width_report()
        assert width["inner_width"] == WINDOW_WIDTH
        assert width["scroll_width"] <= WINDOW_WIDTH, f"{name} scrolls sideways: {width}"
        assert width["count"] == 0, f"{name}: elements wider than the window: {width['wide']}"
        shot = tab.screenshot(artifacts_folder() / f"{name}.png")
        assert shot.read_bytes().startswith(PNG)
    finally:
        tab.close()


@pytest.mark.parametrize("kind", sorted(REPORT_PAGES))
def test_report_page_in_a_browser(browser, site, kind):
    check_page(browser, site / REPORT_PAGES[kind], kind)


def test_catalogue_pages_in_a_browser(browser, site):
    pages = catalogue_pages(site)
    assert len(pages) == 1 + 3 * 3
    for name, path in pages.items():
        check_page(browser, path, name)


def test_catalogue_search_finds_a_variable(browser, site):
    tab = browser.open(site / "catalogue" / "index.html")
    try:
        assert tab.errors == []
        tab.type_text("#search-input", "kafaalat")
        names = tab.evaluate("Array.from(document.querySelectorAll('#results li a')).map(a => a.textContent)")
        assert "bisp_kafaalat" in names
        count = tab.evaluate("document.getElementById('result-count').textContent")
        assert count == f"{len(names)} matches"
        link = tab.evaluate("Array.from(document.querySelectorAll('#results li a'))"
                            ".find(a => a.textContent === 'bisp_kafaalat').getAttribute('href')")
        assert link == "variables/bisp_kafaalat.html" and (site / "catalogue" / link).is_file()
        tab.type_text("#search-input", " zzz-no-such-word")
        assert tab.evaluate("document.querySelectorAll('#results li').length") == 0
        assert tab.evaluate("document.getElementById('result-count').textContent") == "0 matches"
        assert tab.errors == []
        tab.screenshot(artifacts_folder() / "catalogue_search.png")
    finally:
        tab.close()
