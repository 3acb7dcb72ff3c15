"""C102 standard beneficiaries: replacement rates of each reference design agree with a hand calculation.

Minimum wage 37,000; the standard beneficiary earns 1.25 x 37,000 = 46,250 (the default wage).
Family allowances (draft act only): 5 % x 37,000 = 1,850 per child, 3,700 for two children.
"""

import pytest

from openfisca_ajk.standard_beneficiary import evaluate

MINIMUM_WAGE = 37000
WAGE = 1.25 * MINIMUM_WAGE
FA = 2 * 0.05 * MINIMUM_WAGE


def with_fa(benefit, fa=FA):
    return (benefit + fa) / (WAGE + fa)


# (design, part, case index, expected replacement rate, expected pass)
DRAFT = "draft_social_security_act"
EXPECTED = [
    (DRAFT, "III", 0, with_fa(0.60 * WAGE), True),                 # 60 % sickness, family allowances kept
    (DRAFT, "IV", 0, with_fa(0.50 * WAGE), True),                  # 50 % unemployment (second month, full)
    (DRAFT, "V", 0, 0.015 * 30, True),                             # 1.5 % x 30 years, no children
    (DRAFT, "VI", 0, with_fa(0.75 * WAGE), True),                  # temporary incapacity 75 %
    (DRAFT, "VI", 1, with_fa(0.60 * WAGE), True),                  # total loss 60 %
    (DRAFT, "VI", 2, with_fa((0.5 + 2 * 0.25) * 0.60 * WAGE), True),   # widow 50 % + 2 x 25 % of 60 %
    (DRAFT, "VII", 0, 0.05, True),                                 # 5 % of the minimum wage per child >= 3 %
    (DRAFT, "VIII", 0, 0.75, True),                                # 75 % maternity, single woman
    (DRAFT, "IX", 0, with_fa((0.30 + 0.15) * WAGE), True),         # 30 % + 1 % x 15 years
    (DRAFT, "X", 0, with_fa((0.6 + 2 * 0.2) * (0.30 + 0.15) * WAGE), True),
    ("eobi_pattern", "III", 0, 0.0, False),
    ("eobi_pattern", "IV", 0, 0.0, False),
    ("eobi_pattern", "V", 0, 0.02 * 30, True),                     # 2 % x 30 years = 60 %
    ("eobi_pattern", "VI", 0, 0.0, False),
    ("eobi_pattern", "VII", 0, 0.0, False),
    ("eobi_pattern", "VIII", 0, 0.0, False),
    ("eobi_pattern", "IX", 0, 0.02 * 15, False),                   # 30 % < 40 %
    ("eobi_pattern", "X", 0, 0.02 * 15, False),                    # the widow takes the whole 30 %
    ("essi_pattern", "III", 0, 0.75, True),                        # 75 % sickness
    ("essi_pattern", "IV", 0, 0.0, False),
    ("essi_pattern", "V", 0, 0.0, False),
    ("essi_pattern", "VI", 0, 1.0, True),                          # 100 % temporary injury
    ("essi_pattern", "VI", 1, 0.75, True),                         # 75 % total disablement
    ("essi_pattern", "VI", 2, (0.6 + 2 * 0.2) * 0.75, True),       # 3/5 + 2/5 of 75 %
    ("essi_pattern", "VIII", 0, 1.0, True),                        # 100 % maternity
    ("essi_pattern", "IX", 0, 0.0, False),
    ("essi_pattern", "X", 0, 0.0, False),
]


@pytest.mark.parametrize(("design", "part", "index", "rate", "passed"), EXPECTED,
                         ids=[f"{d}-{p}-{i}" for d, p, i, _, _ in EXPECTED])
def test_replacement_rate_matches_hand_calculation(design, part, index, rate, passed):
    result = evaluate(design, part, "2027-06", minimum_wage=MINIMUM_WAGE)[index]
    assert result.previous_earnings == pytest.approx(WAGE)
    assert result.replacement_rate == pytest.approx(rate, abs=1e-4)
    assert result.passed is passed


def test_schedule_minimums_come_from_the_ilo_parameters():
    rows = {r.case: r.schedule_minimum for part in ("III", "V", "VI", "VIII", "IX", "X")
            for r in evaluate("draft_social_security_act", part, "2027-06", minimum_wage=MINIMUM_WAGE)}
    assert rows["sickness"] == pytest.approx(0.45)
    assert rows["old age"] == pytest.approx(0.40)
    assert rows["employment injury: incapacity for work"] == pytest.approx(0.50)
    assert rows["employment injury: survivors"] == pytest.approx(0.40)
    assert rows["maternity"] == pytest.approx(0.45)
    assert rows["invalidity"] == pytest.approx(0.40)


def test_todays_law_pays_no_standard_beneficiary():
    results = [r for part in ("III", "V", "VI", "VIII", "IX", "X") for r in evaluate(None, part, "2027-06", minimum_wage=MINIMUM_WAGE)]
    assert all(r.benefit == 0 and not r.passed for r in results)


def test_a_given_wage_is_used_and_the_old_age_rate_is_wage_independent():
    result = evaluate("draft_social_security_act", "V", "2027-06", wage=50000, minimum_wage=MINIMUM_WAGE)[0]
    assert result.benefit == pytest.approx(0.015 * 30 * 50000)
    assert result.replacement_rate == pytest.approx(0.45)


def test_the_minimum_wage_parameter_is_the_default(tax_benefit_system):
    applicable = tax_benefit_system.parameters("2027-06-01").macro.minimum_wage.applicable
    result = evaluate("draft_social_security_act", "VIII", "2027-06")[0]
    assert result.previous_earnings == pytest.approx(1.25 * applicable)


def test_an_unknown_part_is_refused():
    with pytest.raises(ValueError, match="no standard beneficiary"):
        evaluate("draft_social_security_act", "II", "2027-06", minimum_wage=MINIMUM_WAGE)


def test_command_line_prints_pass_and_fail(capsys):
    from openfisca_ajk.cli import main

    assert main(["standard-beneficiary", "--part", "V", "--reform", "eobi_pattern", "--period", "2027-06",
                 "--minimum-wage", "37000"]) == 0
    output = capsys.readouterr().out
    assert "old age" in output and "60.0%" in output and "PASS" in output
