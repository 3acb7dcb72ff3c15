"""The generated catalogue has a page for everything in the system, with values, sources and dependencies."""

import json
import re

from openfisca_core.parameters import Parameter, ParameterNode, ParameterScale

from openfisca_ajk.catalogue.parameter_pages import walk

KAFAALAT_INSTALMENT = "parameters/pakistan.bisp.kafaalat.quarterly_instalment"


def read(catalogue, page_id, extension=".html"):
    return (catalogue.output / f"{page_id}{extension}").read_text(encoding="utf-8")


def section(html, anchor):
    """The HTML from the heading with id ``anchor`` to the next h2."""
    start = html.index(f'id="{anchor}"')
    end = html.find("<h2", start)
    return html[start:end if end >= 0 else None]


def test_a_page_for_every_parameter_node_scale_and_leaf(catalogue, tax_benefit_system):
    items = [item for item in walk(tax_benefit_system.parameters) if item.name]
    leaves = [item for item in items if isinstance(item, (Parameter, ParameterScale))]
    assert len(leaves) > 100
    assert any(isinstance(item, ParameterScale) for item in leaves)
    missing = [item.name for item in items + [tax_benefit_system.parameters]
               if not (catalogue.output / f"parameters/{item.name or 'index'}.html").is_file()]
    assert missing == []
    for item in items:
        if isinstance(item, ParameterNode) and not isinstance(item, ParameterScale):
            for child in item.children.values():
                assert f'href="{child.name}.html"' in read(catalogue, f"parameters/{item.name}")


def test_a_page_for_every_variable_and_every_scheme(catalogue, tax_benefit_system, schemes):
    missing = [name for name in tax_benefit_system.variables
               if not (catalogue.output / "variables" / f"{name}.html").is_file()]
    assert missing == []
    assert len(schemes) > 10
    assert [s.name for s in schemes if not (catalogue.output / "schemes" / f"{s.name}.html").is_file()] == []
    index = read(catalogue, "schemes/index")
    assert all(f'href="{s.name}.html"' in index for s in schemes)


def test_markdown_beside_every_html_page(catalogue):
    html = sorted(p.with_suffix("").relative_to(catalogue.output) for p in catalogue.output.rglob("*.html"))
    markdown = sorted(p.with_suffix("").relative_to(catalogue.output) for p in catalogue.output.rglob("*.md"))
    assert html == markdown and len(html) == catalogue.pages
    text = read(catalogue, KAFAALAT_INSTALMENT, ".md")
    assert "| 13,500 |" in text and "(https://pid.gov.pk/site/press_detail/26435)" in text


def test_markdown_internal_links_reach_files(catalogue):
    broken = []
    for path in catalogue.output.rglob("*.md"):
        for target in re.findall(r"\]\(([^)#:]+\.md)(?:#[^)]*)?\)", path.read_text(encoding="utf-8")):
            if not (path.parent / target).is_file():
                broken.append(f"{path.name}: {target}")
    assert broken == []


def test_kafaalat_instalment_shows_2025_value_with_its_reference_and_the_assumption_badge(catalogue):
    html = read(catalogue, KAFAALAT_INSTALMENT)
    row = re.search(r'<tr id="from-2025-01-01">(.*?)</tr>', html).group(1)
    assert "<td>13,500</td>" in row
    assert 'href="https://pid.gov.pk/site/press_detail/26435"' in row
    assert '<span class="badge badge-assumption">assumption</span>' in html
    assert '<span class="badge badge-conflicting">conflicting</span>' in html
    assert "Rs 5,000 a quarter was in force by November 2018" in html


def test_scale_page_shows_its_brackets(catalogue):
    html = read(catalogue, "parameters/ajk.zakat.guzara_allowance.monthly_by_household_size")
    assert 'id="from-2016-12-01"' in html
    assert re.search(r'<tr id="bracket-2-2016-12-01"><td>2</td><td>4</td><td>1,300</td></tr>', html)


def test_kafaalat_dependencies_both_ways(catalogue):
    amount = read(catalogue, "variables/bisp_kafaalat")
    depends = section(amount, "depends-on")
    assert 'href="bisp_kafaalat_quarterly_instalment.html"' in depends
    instalment = read(catalogue, "variables/bisp_kafaalat_quarterly_instalment")
    assert 'href="bisp_kafaalat.html"' in section(instalment, "depended-on-by")
    assert 'href="../parameters/pakistan.bisp.kafaalat.quarterly_instalment.html"' in section(instalment, "depends-on")
    parameter = read(catalogue, KAFAALAT_INSTALMENT)
    assert 'href="../variables/bisp_kafaalat_quarterly_instalment.html"' in section(parameter, "read-by")
    # The household total adds up the variables its parameter lists: the Kafaalat among them.
    assert 'href="social_assistance_total.html"' in section(amount, "depended-on-by")
    total = section(read(catalogue, "variables/social_assistance_total"), "depends-on")
    assert 'href="bisp_kafaalat.html"' in total
    assert 'href="../parameters/household.totals.social_assistance_total.html"' in total


def test_variable_page_shows_formula_source_per_start_date(catalogue, tax_benefit_system):
    html = read(catalogue, "variables/bisp_kafaalat")
    assert 'id="formula-2011-01-01"' in html
    assert "def formula_2011_01(household, period, parameters):" in html
    dated = next(v for v in tax_benefit_system.variables.values() if len(v.formulas) > 1)
    page = read(catalogue, f"variables/{dated.name}")
    assert all(f'id="formula-{start}"' in page for start in dated.formulas)


def test_scheme_page_links_conditions_and_deciding_inputs(catalogue):
    html = read(catalogue, "schemes/bisp_kafaalat")
    for name in ("bisp_kafaalat_pmt_condition", "bisp_kafaalat_excluded", "has_cnic", "pmt_score"):
        assert f'href="../variables/{name}.html"' in html
    assert "http://pakistanlawyer.com/2016/07/26/benazir-income-support-program-act-2010/" in html


def test_home_page_counts_attention_list_and_search_index(catalogue, tax_benefit_system, schemes):
    html = read(catalogue, "index")
    assert f"{len(tax_benefit_system.variables)} variables" in html
    assert f"{len(schemes)} schemes" in html
    attention = section(html, "attention")
    assert 'href="parameters/pakistan.bisp.kafaalat.quarterly_instalment.html"' in attention
    data = re.search(r'<script type="application/json" id="search-index">(.*?)</script>', html, re.S).group(1)
    entries = json.loads(data.replace("<\\/", "</"))
    names = {entry["n"] for entry in entries}
    assert {"bisp_kafaalat", "pakistan.bisp.kafaalat.quarterly_instalment"} <= names
    assert all((catalogue.output / entry["u"]).is_file() for entry in entries)
    assert "<script src" not in html and "<link" not in html


def test_a_parameter_page_shows_the_evidence_of_each_value_and_when_the_last_was_confirmed(catalogue):
    html = read(catalogue, KAFAALAT_INSTALMENT)
    assert "<th>Evidence</th>" in html or "Evidence</th>" in html
    assert ">reported<" in html
    assert "Last value still valid on" in html and "2025-02-01" in html
    spp = read(catalogue, "parameters/ajk.social_protection_programme.allowance_per_year")
    assert ">announced<" in spp
