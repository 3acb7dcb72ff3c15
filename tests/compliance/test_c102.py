"""C102 verdicts computed from the rules: the draft act meets its Parts; one design change flips exactly its check."""

import pytest

from openfisca_ajk.compliance import FAILS, MEETS, assess_c102
from openfisca_ajk.engine.law import apply_changes

from .conftest import DATE

SS = "ajk.social_security"
ALL_PARTS = ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def assess_with(draft_system, population, diff):
    return assess_c102(apply_changes(draft_system, diff), DATE, population=population)


def test_draft_act_meets_the_parts_it_was_designed_for(draft_result):
    # The reform's description: designed to meet V, VI, VIII and III, the others "designed to meet their Parts
    # too"; openfisca-ajk standard-beneficiary passes III-X.
    assert draft_result.parts_met == ALL_PARTS
    assert draft_result.acceptance.verdict == MEETS
    assert draft_result.checks()["XIII.financing"].verdict == MEETS
    assert draft_result.summary.startswith("Meets Parts II, III, IV, V, VI, VII, VIII, IX, X")


def test_draft_act_replacement_rates_match_the_standard_beneficiary(draft_result):
    old_age = draft_result.checks()["V.replacement"]
    assert old_age.verdict == MEETS and old_age.figure == pytest.approx(0.45, abs=1e-4)   # 1.5 % x 30 years
    assert draft_result.checks()["VIII.replacement"].figure == pytest.approx(0.75, abs=1e-4)


def test_reference_wages_derived_from_the_population(draft_result):
    wages = draft_result.wages
    assert wages.rw65_mean_multiple == pytest.approx(1.25 * wages.mean_earnings)
    assert wages.rw65_percentile > wages.rw66 > 0
    assert "ss_insured" in wages.basis and "minimum_wage" in wages.rw66_proxy
    # sample estimates: each with its 95 % interval, the estimate inside it and the mean multiple's = 1.25 x the mean's
    for key in ("rw65_percentile", "rw65_mean_multiple", "mean_earnings", "protected_persons"):
        entry = wages.intervals[key]
        assert 0 <= entry["low"] < entry["estimate"] < entry["high"], key
    assert wages.intervals["rw65_mean_multiple"]["half_width"] == pytest.approx(
        1.25 * wages.intervals["mean_earnings"]["half_width"])
    aggregate = draft_result.checks()["VII.aggregate"]
    assert aggregate.why.count("95 % interval") == 2      # the family benefits paid and their ratio to Art 44


FLIPS = [
    ({f"{SS}.old_age.accrual_rate": {"2027-01-01": 0.012}}, "V.replacement", "Schedule", "replacement 36.0% < 40%"),
    ({f"{SS}.old_age.pensionable_age.{sex}": {"2027-01-01": 67} for sex in ("male", "female", "transgender")},
     "V.pensionable_age", "Art 26(2)", "pensionable age 67 > 65 allowed"),
    ({f"{SS}.sickness.waiting_days": {"2027-01-01": 7}}, "III.waiting_days", "Art 18(1)",
     "waiting period 7 days > 3 allowed"),
]


@pytest.mark.parametrize(("diff", "check_id", "article", "why"), FLIPS, ids=[f[1] for f in FLIPS])
def test_one_design_change_flips_exactly_the_affected_check(draft_system, population, draft_result, diff,
                                                            check_id, article, why):
    changed = assess_with(draft_system, population, diff)
    before = {key: check.verdict for key, check in draft_result.checks().items()}
    after = {key: check.verdict for key, check in changed.checks().items()}
    assert set(before) == set(after)
    flipped = {key for key in before if before[key] != after[key]}
    assert flipped == {check_id}
    check = changed.checks()[check_id]
    assert check.verdict == FAILS and article in check.article and why in check.why
    part = check_id.split(".")[0]
    assert f"Part {part} fails: {why}" in changed.summary and article in changed.summary


SIDES = [
    ("II", {f"{SS}.medical_care.dependants_covered": {"2027-01-01": False}}, "II.dependants"),
    ("III", {f"{SS}.sickness.maximum_days": {"2027-01-01": 120}}, "III.duration"),
    ("IV", {f"{SS}.unemployment.waiting_days": {"2027-01-01": 10}}, "IV.waiting_days"),
    ("IV", {f"{SS}.unemployment.qualifying_months": {"2027-01-01": 24}}, "IV.qualifying_period"),
    ("V", {f"{SS}.old_age.indexation_basis": {"2027-01-01": "none"}}, "V.review"),
    ("V", {f"{SS}.scope.minimum_establishment_size": {"2027-01-01": 500}}, "V.coverage"),
    ("VI", {f"{SS}.employment_injury.qualifying_months": {"2027-01-01": 3}}, "VI.qualifying_period"),
    ("VI", {f"{SS}.employment_injury.waiting_days": {"2027-01-01": 5}}, "VI.waiting_days"),
    ("VII", {f"{SS}.family.amount_per_child_share_of_minimum_wage": {"2027-01-01": 0.005}}, "VII.aggregate"),
    ("VII", {f"{SS}.family.qualifying_months": {"2027-01-01": 6}}, "VII.qualifying_period"),
    ("VIII", {f"{SS}.maternity.maximum_days": {"2027-01-01": 56}}, "VIII.duration"),
    ("VIII", {f"{SS}.maternity.benefit_rate": {"2027-01-01": 0.4}}, "VIII.replacement"),
    ("IX", {f"{SS}.invalidity.base_rate": {"2027-01-01": 0.1}}, "IX.replacement"),
    ("X", {f"{SS}.survivors.base_rate": {"2027-01-01": 0.1}}, "X.replacement"),
    ("X", {f"{SS}.survivors.in_force": {"2027-01-01": False}}, "X.coverage"),   # family pension: public servants only
]


@pytest.mark.parametrize(("part", "diff", "check_id"), SIDES, ids=[s[2] for s in SIDES])
def test_each_part_has_a_failing_side(draft_system, population, draft_result, part, diff, check_id):
    assert draft_result.part(part).verdict == MEETS          # the passing side
    changed = assess_with(draft_system, population, diff)
    assert changed.checks()[check_id].verdict == FAILS
    assert changed.part(part).verdict == FAILS
    assert part not in changed.parts_met


def test_employee_share_of_financing_above_half_fails_art_71(draft_system, population):
    changed = assess_with(draft_system, population, {f"{SS}.old_age.employee_contribution_rate": {"2027-01-01": 0.2}})
    financing = changed.checks()["XIII.financing"]
    assert financing.verdict == FAILS and financing.figure > 0.5 and financing.article == "Art 71(2)"
    assert changed.acceptance.verdict == FAILS and "Art 71(2)" in changed.summary


def test_art_2_needs_one_of_parts_iv_v_vi_ix_x(draft_system, population):
    off = {f"{SS}.{branch}.in_force": {"2027-01-01": False}
           for branch in ("unemployment", "old_age", "employment_injury", "invalidity", "survivors")}
    changed = assess_with(draft_system, population, off)
    assert changed.parts_met == ["II", "III", "VII", "VIII"]
    assert changed.acceptance.verdict == FAILS and "none of Parts IV, V, VI, IX, X" in changed.acceptance.why


def test_todays_law_meets_no_part(today_result):
    assert today_result.parts_met == []
    assert today_result.acceptance.verdict == FAILS
    assert today_result.summary.startswith("Meets no Part of C102")
    # Public servants' pensions count for Parts V and X but protect too few employees (Arts 27, 61).
    for part, article in (("V", "Art 27"), ("X", "Art 61")):
        coverage = today_result.checks()[f"{part}.coverage"]
        assert coverage.verdict == FAILS and coverage.article == article and 0 < coverage.figure < 0.5
    assert today_result.checks()["III.in_force"].verdict == FAILS
    assert today_result.checks()["XIII.financing"].verdict == "not_applicable"


def test_higher_standards_are_reported_beside_c102(draft_result):
    ids = {c.id: c for p in draft_result.parts for c in p.higher_standards}
    assert ids["C130.III.duration"].verdict == FAILS          # 26 weeks < 52
    assert ids["C183.VIII.duration"].verdict == MEETS         # 14 weeks
    assert ids["C128.IX.invalidity"].minimum == pytest.approx(0.5)
    assert not any(c.id.startswith("C1") for c in draft_result.checks().values())
