"""Every legal reference points at a document, and no value is older than the instrument it cites.

A caseworker reads these links in the service's reasons and the catalogue: a bare home page, a URL cut
short or a URL with junk glued on (``.../story/2124132/fonts.googleapis.com``) cites nothing. Checked
over the parameters, the scheme registry, the reform files and the variables.
"""

import re
from urllib.parse import urlsplit

import pytest
import yaml

from openfisca_ajk.paths import law_folder
from openfisca_ajk.scheme_registry import SCHEMES_DIR

PARAMETERS = law_folder("parameters")
REFORMS = law_folder("reforms")
JUNK_IN_PATH = ("fonts.googleapis.com", "googletagmanager", "javascript:", "about:blank")
TRUNCATED_DATE_PATH = re.compile(r"/\d{4}/\d{2}/\d{2}/?$")
INSTRUMENT_YEAR = re.compile(
    r"\b(Act|Ordinance|Rules|Regulations|Order)\b,?\s*(?:\([^)]*\)\s*)?((?:19|20)\d\d)\b")


def href_problem(href):
    """Why ``href`` does not cite a document, or None."""
    if not isinstance(href, str) or not href.strip():
        return "empty link"
    if href != href.strip() or " " in href:
        return "link with spaces"
    parts = urlsplit(href)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return "not an http(s) link"
    if parts.path in {"", "/"} and not parts.query:
        return "bare home page"
    if any(junk in href for junk in JUNK_IN_PATH):
        return "junk glued to the link"
    if TRUNCATED_DATE_PATH.search(parts.path) and not parts.query:
        return "truncated link (ends at a date folder)"
    return None


def _reference_entries(metadata):
    reference = (metadata or {}).get("reference")
    if not isinstance(reference, dict):
        return
    for date, entries in reference.items():
        for entry in entries if isinstance(entries, list) else [entries]:
            if isinstance(entry, dict):
                yield str(date), entry


def _nodes(node, path):
    if isinstance(node, dict):
        yield path, node
        for key, child in node.items():
            if key != "metadata" and isinstance(child, dict):
                yield from _nodes(child, [*path, str(key)])


def parameter_references():
    for file in sorted(PARAMETERS.rglob("*.yaml")):
        document = yaml.safe_load(file.read_text(encoding="utf-8"))
        for path, node in _nodes(document, []):
            where = f"{file.relative_to(PARAMETERS)}{':' + '.'.join(path) if path else ''}"
            for date, entry in _reference_entries(node.get("metadata")):
                yield where, date, entry


def all_links(tax_benefit_system):
    for where, date, entry in parameter_references():
        if entry.get("href") or not entry.get("citation_only"):
            yield f"{where} ({date})", entry.get("href")
    for file in sorted(SCHEMES_DIR.glob("*.yaml")):
        scheme = yaml.safe_load(file.read_text(encoding="utf-8"))
        yield f"schemes/{file.name}", (scheme.get("legal_instrument") or {}).get("href")
    for file in sorted(REFORMS.glob("*.yaml")):
        reform = yaml.safe_load(file.read_text(encoding="utf-8"))
        for item in reform.get("legal_basis") or []:
            yield f"reforms/{file.name}", item.get("href")
    for name, variable in sorted(tax_benefit_system.variables.items()):
        references = variable.reference or []
        for href in [references] if isinstance(references, str) else references:
            yield f"variable {name}", href


def test_every_link_cites_a_document(tax_benefit_system):
    problems = [f"{where}: {problem}: {href}" for where, href in all_links(tax_benefit_system)
                if (problem := href_problem(href))]
    assert problems == []


@pytest.mark.parametrize(("href", "problem"), [
    ("https://tribune.com.pk/", "bare home page"),
    ("https://www.bisp.gov.pk", "bare home page"),
    ("https://adnnews.tv/2025/12/03/", "truncated link (ends at a date folder)"),
    ("https://tribune.com.pk/story/2124132/fonts.googleapis.com", "junk glued to the link"),
    ("https://www.dawn.com/news/1695688/azad-kashmir-to-improve-collection-distribution-of-zakat", None),
    ("https://spp.swdajk.gov.pk/?p=52", None),
])
def test_the_link_check_catches_home_pages_truncations_and_junk(href, problem):
    assert href_problem(href) == problem


def instrument_date_problem(where, date, title):
    """A value dated before the year of the act, ordinance, rules or order its reference names."""
    if "comparator" in (title or "").lower():
        return None  # another government's instrument quoted for comparison, not the source of the value
    match = INSTRUMENT_YEAR.search(title or "")
    if match and int(match.group(2)) > int(date[:4]):
        return f"{where}: value of {date} cites '{title}', an instrument of {match.group(2)}"
    return None


def test_no_value_is_dated_before_the_instrument_it_cites():
    problems = [problem for where, date, entry in parameter_references()
                if (problem := instrument_date_problem(where, date, entry.get("title")))]
    assert problems == []


def test_the_instrument_date_check_catches_a_value_older_than_its_act():
    title = "Benazir Income Support Programme Act 2010 (Act XVIII of 2010)"
    assert instrument_date_problem("x", "2008-07-01", title) == (
        f"x: value of 2008-07-01 cites '{title}', an instrument of 2010")
    assert instrument_date_problem("x", "2010-08-18", title) is None
    assert instrument_date_problem("x", "2021-03-15", "AJK Benevolent Fund Rules 1972, rule 14-A (2021)") is None
