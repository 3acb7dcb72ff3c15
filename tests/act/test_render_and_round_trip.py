"""The rendered act: a consequence under every clause with a number; editing a number flips exactly its check."""

import re

import pytest

from openfisca_ajk.act import EditError, assess, bind, build_rendering, reform_from_edits, to_html, to_markdown
from openfisca_ajk.act.consequences import shortfall
from openfisca_ajk.cli import main
from openfisca_ajk.compliance import FAILS, MEETS
from openfisca_ajk.paths import law_folder

from ..browser import WINDOW_WIDTH
from .conftest import DATE, DAY, DRAFT

ACT = law_folder("reforms") / DRAFT / "act.md"


@pytest.fixture(scope="module")
def rendering(draft_bound, draft_assessment):
    return build_rendering(draft_bound, draft_assessment)


def views(rendering):
    return [v for _, _, parts in rendering.documents for _, sections in parts for _, vs in sections for v in vs]


def test_every_act_clause_with_a_parameter_has_a_computed_consequence(rendering):
    act_views = [v for v in views(rendering) if v.citation.startswith("section")]
    numbered = [v for v in act_views if v.parameters]
    assert len(numbered) == 41   # 2(2), 3(1)-(3), 4(1)-(3), 5(1)-(2), 6-15 (every subsection) and 16(2)
    assert [v.citation for v in numbered if v.main.consequence.empty] == []


def test_the_old_age_clause_shows_the_standard_beneficiary_verdict_and_cost(rendering, draft_assessment):
    view = next(v for v in views(rendering) if v.citation == "section 9(3)")
    assert "The pension is 1.5 % of the reference wage" in view.main.text
    (beneficiary,) = view.main.consequence.beneficiaries
    # 1.5 % a year x 30 years (C102 Art 29(1)) = 45 %, the rate tests/compliance computes too
    assert beneficiary.part == "V" and beneficiary.rate == pytest.approx(0.45, abs=1e-4)
    assert beneficiary.benefit == pytest.approx(0.45 * beneficiary.wage, rel=1e-4)
    assert view.main.consequence.check_ids == ["V.replacement", "V.reduced_benefit"]
    assert shortfall(draft_assessment.checks["V.replacement"]) == "meets"
    assert view.main.consequence.figure_keys == ["V.recipients", "V.cost", "gap"]
    assert 0 < draft_assessment.figures["gap"].value < 1
    cost = draft_assessment.figures["V.cost"]
    assert cost.low < cost.value < cost.high and cost.unit == "PKR a year"


def test_text_checks_and_administrative_rules(rendering):
    by_citation = {v.citation: v for v in views(rendering)}
    assert by_citation["section 16(2)"].main.consequence.check_ids == ["XIII.actuarial_valuation"]
    assert by_citation["rule 7(1)"].main.consequence.check_ids == ["XIII.appeal"]
    assert by_citation["rule 2(1)"].main.consequence.empty


def test_markdown_and_html_carry_the_consequences_and_catalogue_links(rendering):
    markdown, page = to_markdown(rendering), to_html(rendering)
    assert "> - C102 Arts 28-29(1), Schedule, Replacement rate: old age: meets" in markdown
    assert "../catalogue/parameters/ajk.social_security.old_age.accrual_rate.html" in markdown
    assert 'href="../catalogue/variables/ss_old_age_pension.html"' in page
    assert 'title="ajk.social_security.old_age.accrual_rate">1.5 %</a>' in page
    assert "Population figures are estimates on a synthetic population" in page
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert "{{" not in page and "{{" not in markdown.split("Parameters:")[0]


def _edited_act(tmp_path, old, new):
    text = ACT.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "act.md"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


EDITS = [
    ("{{ ajk.social_security.old_age.accrual_rate | percent }}",
     "{{ ajk.social_security.old_age.accrual_rate | percent = 1.2 % }}", "section 9(3)", "V.replacement",
     "falls short by 4.0 percentage points"),
    ("{{ ajk.social_security.sickness.waiting_days }}", "{{ ajk.social_security.sickness.waiting_days = 7 }}",
     "section 7(3)", "III.waiting_days", "falls short by 4 days"),
]


@pytest.mark.parametrize(("old", "new", "citation", "check_id", "verdict"), EDITS, ids=[e[3] for e in EDITS])
def test_editing_one_number_in_the_text_flips_exactly_its_check(tmp_path, act_population, tax_benefit_system,
                                                                draft_assessment, old, new, citation, check_id,
                                                                verdict):
    path, spec, edits = reform_from_edits(_edited_act(tmp_path, old, new), "edited_draft",
                                          output=tmp_path / "edited_draft.yaml")
    assert spec.extends.name == DRAFT and len(spec.changes) == 1 and [c for _, c in edits.values()] == [citation]
    bound = bind(path, DAY)
    assert bound.clauses[spec.changes[0].path][0] == citation
    changed = assess(path, DATE, population=act_population, baseline=tax_benefit_system)
    before = {key: check.verdict for key, check in draft_assessment.checks.items()}
    after = {key: check.verdict for key, check in changed.checks.items()}
    assert {key for key in before if before[key] != after[key]} == {check_id}
    assert before[check_id] == MEETS and after[check_id] == FAILS
    assert shortfall(changed.checks[check_id]) == verdict
    # the comparison names the clause, the change and the flipped check
    rendering = build_rendering(bound, changed, bind(DRAFT, DAY, documents=[d.path for d in bound.documents]),
                                draft_assessment)
    view = next(v for v in views(rendering) if v.citation == citation)
    sentence = re.sub(r"\s+", " ", to_html(rendering))
    assert view.text_changed and f"({check_id}) from meets to {verdict}" in sentence
    if check_id == "V.replacement":
        assert "Lowering section 9(3) from 1.5 % to 1.2 % moves the old age replacement rate from 45.0 % to 36.0 %" \
            in sentence


def test_to_reform_refuses_bad_edits_and_keeps_existing_files(tmp_path):
    with pytest.raises(EditError, match=r"no edit found"):
        reform_from_edits(_edited_act(tmp_path, "cite: section", "cite: section"), "nothing",
                          output=tmp_path / "nothing.yaml")
    act = _edited_act(tmp_path, "{{ ajk.social_security.sickness.benefit_rate | percent }}",
                      "{{ ajk.social_security.sickness.benefit_rate | percent = sixty }}")
    with pytest.raises(EditError) as error:
        reform_from_edits(act, "bad", output=tmp_path / "bad.yaml")
    assert "section 7(2): edit of ajk.social_security.sickness.benefit_rate: 'sixty' is not a number" in str(error.value)
    act = _edited_act(tmp_path, "{{ ajk.social_security.sickness.waiting_days }}",
                      "{{ ajk.social_security.sickness.waiting_days = -2 }}")
    with pytest.raises(EditError, match=r"section 7\(3\): ajk.social_security.sickness.waiting_days 2027-01-01: -2 is below the minimum 0"):
        reform_from_edits(act, "negative", output=tmp_path / "negative.yaml")
    assert not (tmp_path / "bad.yaml").exists() and not (tmp_path / "negative.yaml").exists()
    existing = tmp_path / "kept.yaml"
    existing.write_text("keep me", encoding="utf-8")
    act = _edited_act(tmp_path, "{{ ajk.social_security.sickness.waiting_days }}",
                      "{{ ajk.social_security.sickness.waiting_days = 2 }}")
    with pytest.raises(FileExistsError):
        reform_from_edits(act, "kept", output=existing)
    assert existing.read_text(encoding="utf-8") == "keep me"


def test_drafters_round_trip_on_the_command_line(tmp_path, capsys):
    folder = tmp_path / "reforms"
    folder.mkdir()
    act = _edited_act(tmp_path, "{{ ajk.social_security.old_age.accrual_rate | percent }}",
                      "{{ ajk.social_security.old_age.accrual_rate | percent = 2 % }}")
    new = folder / "draft_accrual_2.yaml"
    assert main(["act", "to-reform", "--act", str(act), "--name", "draft_accrual_2", "--output", str(new)]) == 0
    assert main(["act", "check", "--reform", str(new)]) == 0
    output = tmp_path / "out"
    assert main(["act", "render", "--reform", str(new), "--compare", DRAFT, "--size", "500", "--quiet",
                 "--output", str(output)]) == 0
    printed = capsys.readouterr().out
    assert "section 9(3): ajk.social_security.old_age.accrual_rate = 0.02" in printed
    page = (output / "draft_accrual_2_vs_draft_social_security_act.html").read_text(encoding="utf-8")
    assert "Raising section 9(3) from 1.5 % to 2 % moves the old age replacement rate from 45.0 % to 60.0 %" in page
    # a higher accrual costs more: the long-term branches' general average premium rises
    premiums = re.search(r"over 75 years from ([\d.]+) % of insurable wages to ([\d.]+) %", page)
    assert premiums and float(premiums.group(2)) > float(premiums.group(1))
    assert (output / "draft_accrual_2_vs_draft_social_security_act.md").is_file()


def _checked(browser, path):
    """(errors, width report) of the page at ``path`` in the shared headless Chromium."""
    tab = browser.open(path)
    try:
        return tab.errors, tab.width_report()
    finally:
        tab.close()


@pytest.mark.parametrize("compare", [False, True], ids=["act", "comparison"])
def test_pages_open_in_chromium_without_error_and_fit_the_window(tmp_path, browser, draft_bound, draft_assessment,
                                                                 act_population, tax_benefit_system, compare):
    other = other_assessment = None
    if compare:
        other = bind("eobi_pattern", DAY, documents=[d.path for d in draft_bound.documents])
        other_assessment = assess(other.spec.source, DATE, population=act_population, baseline=tax_benefit_system)
    page = tmp_path / "act.html"
    page.write_text(to_html(build_rendering(draft_bound, draft_assessment, other, other_assessment)), encoding="utf-8")
    errors, width = _checked(browser, page)
    assert errors == []
    assert width["count"] == 0, width["wide"]
    assert width["inner_width"] == WINDOW_WIDTH and width["scroll_width"] <= WINDOW_WIDTH


def test_a_page_too_wide_or_with_an_error_fails_the_browser_check(tmp_path, browser):
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><body><div style="width:2000px">x</div>'
                    "<script>throw new Error('boom')</script></body></html>", encoding="utf-8")
    errors, width = _checked(browser, page)
    assert width["count"] == 1 and width["wide"][0].startswith("div [") and width["scroll_width"] > WINDOW_WIDTH
    assert len(errors) == 1 and "boom" in errors[0]


def test_the_packaged_reforms_folder_carries_the_documents():
    # setup.py copies reforms/ whole into the wheel; the documents sit in sub-folders next to the reform files
    for name in ("draft_social_security_act", "eobi_pattern", "essi_pattern"):
        assert (law_folder("reforms") / name / "act.md").is_file()
    assert (law_folder("reforms") / DRAFT / "rules.md").is_file()
