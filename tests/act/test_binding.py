"""The act text and its reform file agree, and every kind of drift is reported with its clause and parameter."""

import shutil

import pytest

from openfisca_ajk.act import bind, check_binding, documents_exist, read_document
from openfisca_ajk.act.document import literal_numbers
from openfisca_ajk.act.values import format_value, parse_value
from openfisca_ajk.cli import main
from openfisca_ajk.paths import law_folder
from openfisca_ajk.reform_diffs import ReformFileError, list_reforms, load_reform_file

from .conftest import DAY, DRAFT

ACT = law_folder("reforms") / DRAFT / "act.md"
BOUND_REFORMS = [name for name in list_reforms() if documents_exist(name)]


def test_the_draft_act_its_rules_and_the_patterns_have_documents():
    assert {DRAFT, "eobi_pattern", "essi_pattern"} <= set(BOUND_REFORMS)


@pytest.mark.parametrize("reform", BOUND_REFORMS)
def test_every_bound_reform_passes_the_check(reform):
    bound = bind(reform, DAY)
    assert check_binding(bound) == []
    # every parameter the reform sets names a clause that refers to it
    for path, (citation, _) in bound.clauses.items():
        clause = next(c for d in bound.documents for c in d.clauses if d.citation(c) == citation)
        assert path in clause.parameters


def test_the_draft_act_covers_every_branch_and_the_rules_of_business(draft_bound):
    act, rules = draft_bound.documents
    assert (act.path.name, rules.path.name) == ("act.md", "rules.md")
    assert act.clause("section 9(3)").parameters == ["ajk.social_security.old_age.accrual_rate"]
    assert draft_bound.clauses["ajk.social_security.old_age.accrual_rate"][0] == "section 9(3)"
    assert rules.clause("rule 7(1)").parameters == ["ajk.social_security.administration.appeal_days"]
    assert draft_bound.value("ajk.social_security.administration.appeal_days") == 60
    assert len(draft_bound.clauses) == 87


def _write_act(tmp_path, old, new):
    text = ACT.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "act.md"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_clause_naming_a_missing_parameter_is_reported(tmp_path):
    act = _write_act(tmp_path, "old_age.accrual_rate | percent", "old_age.acrual_rate | percent")
    problems = check_binding(bind(DRAFT, DAY, documents=[act, ACT.parent / "rules.md"]))
    messages = [str(p) for p in problems]
    assert any(p.clause == "section 9(3)" and p.parameter == "ajk.social_security.old_age.acrual_rate"
               and "does not exist" in p.message and "ajk.social_security.old_age.accrual_rate" in p.message
               for p in problems), messages
    # and the reform's accrual rate is left without the clause that names it
    assert any(p.parameter == "ajk.social_security.old_age.accrual_rate" and "does not refer to it" in p.message
               for p in problems), messages


def test_a_literal_number_is_reported_with_its_clause(tmp_path):
    act = _write_act(tmp_path, "{{ ajk.social_security.old_age.pensionable_age.male }} years for a man",
                     "65 years for a man")
    problems = check_binding(bind(DRAFT, DAY, documents=[act, ACT.parent / "rules.md"]))
    literal = [p for p in problems if "'65'" in p.message]
    assert len(literal) == 1 and literal[0].clause == "section 9(2)" and "literal" in literal[0].message


def test_a_reform_parameter_without_a_clause_is_reported(tmp_path):
    folder = tmp_path / "reforms"
    folder.mkdir()
    text = (law_folder("reforms") / f"{DRAFT}.yaml").read_text(encoding="utf-8")
    text = text.replace("name: draft_social_security_act", "name: unbound_draft")
    text = text.replace("    metadata: {clause: section 7(2)}\n", "", 1)
    (folder / "unbound_draft.yaml").write_text(text, encoding="utf-8")
    shutil.copytree(law_folder("reforms") / DRAFT, folder / "unbound_draft")
    problems = check_binding(bind(folder / "unbound_draft.yaml", DAY))
    assert [(p.parameter, p.message.split(" is set")[0]) for p in problems] == [
        ("ajk.social_security.sickness.benefit_rate", "parameter ajk.social_security.sickness.benefit_rate")]
    assert "names no clause" in problems[0].message


def test_a_pending_edit_is_drift_until_the_reform_carries_it(tmp_path):
    act = _write_act(tmp_path, "old_age.accrual_rate | percent }}", "old_age.accrual_rate | percent = 2 % }}")
    problems = check_binding(bind(DRAFT, DAY, documents=[act, ACT.parent / "rules.md"]))
    assert len(problems) == 1 and problems[0].clause == "section 9(3)"
    assert "to 2 % but reform draft_social_security_act has 1.5 %" in problems[0].message


def test_reform_files_refuse_unknown_parameter_metadata(tmp_path):
    path = tmp_path / "bad_metadata.yaml"
    path.write_text("name: bad_metadata\nlabel: x\ndescription: x\nlegal_basis: [{title: t, href: h}]\n"
                    "parameters:\n  ajk.social_security.old_age.accrual_rate:\n    metadata: {clause: '', note: x}\n"
                    "    2027-01-01: 0.02\n", encoding="utf-8")
    with pytest.raises(ReformFileError) as error:
        load_reform_file(path)
    assert "metadata.note is unknown" in str(error.value) and "metadata.clause must be" in str(error.value)


@pytest.mark.parametrize(("text", "numbers"), [
    ("under section 23(2) and Articles 28 and 29 of the Convention, 1952 (No. 102)", []),
    ("subsection (1) of the Employees' Old-Age Benefits Act, 1976 and rule 4(1)", []),
    ("after {{ a.b }} days, (a) at most 30 days", ["30"]),
    ("a widow with two children", ["two"]),
])
def test_numbering_and_citations_are_the_only_literal_numbers(text, numbers):
    assert literal_numbers(text) == numbers


@pytest.mark.parametrize(("value", "name", "options", "written"), [
    (0.015, "percent", (), "1.5 %"), (60, "number", (), "60"), (11500, "pkr", (), "Rs 11,500"),
    (True, "words", ("may", "may not"), "may"), (False, "words", ("may", "may not"), "may not"),
    (0.6666, "percent", (), "66.66 %"), ("prices", "text", (), "prices"),
])
def test_values_are_written_and_read_back(value, name, options, written):
    assert format_value(value, name, options) == written
    assert parse_value(written, name, options) == value


def test_an_edit_without_format_reads_a_percentage():
    assert parse_value("2 %") == 0.02 and parse_value("65") == 65
    with pytest.raises(ValueError, match="'two' is not a number"):
        parse_value("two")


def test_act_check_command(capsys):
    assert main(["act", "check", "--reform", DRAFT]) == 0
    assert "ok: draft_social_security_act (act.md, rules.md" in capsys.readouterr().out


def test_act_check_command_fails_on_drift(tmp_path, capsys):
    folder = tmp_path / "reforms"
    shutil.copytree(law_folder("reforms") / DRAFT, folder / DRAFT)
    shutil.copy(law_folder("reforms") / f"{DRAFT}.yaml", folder)
    act = folder / DRAFT / "act.md"
    act.write_text(act.read_text(encoding="utf-8").replace("{{ ajk.social_security.sickness.waiting_days }}", "3"),
                   encoding="utf-8")
    assert main(["act", "check", "--reform", str(folder / f"{DRAFT}.yaml")]) == 1
    out = capsys.readouterr().out
    assert "act.md section 7(3): the number '3' is written as a literal" in out
    assert "section 7(3), but that clause does not refer to it" in out


def test_documents_are_read_with_their_structure():
    act = read_document(ACT)
    assert act.title == "Draft Azad Jammu and Kashmir Social Security Act, 2027" and act.cite == "section"
    assert [p.numeral for p in act.parts][:3] == ["I", "II", "III"]
    assert act.clause("9(3)") is act.clause("section 9(3)")


def test_a_parameter_without_a_value_at_the_date_is_reported():
    problems = check_binding(bind(DRAFT, "2026-01-01"))
    assert any(p.clause == "rule 7(1)" and p.parameter == "ajk.social_security.administration.appeal_days"
               and "has no value on 2026-01-01" in p.message for p in problems)
    # the EOBI pattern carries the EOB Act's own valuation interval (section 21) from July 2016
    assert check_binding(bind("eobi_pattern", "2026-01-01")) == []
