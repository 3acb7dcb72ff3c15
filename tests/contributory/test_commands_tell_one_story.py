"""The done-when figures as a user sees them: main and compliance on the draft act in 2029."""

import re
import subprocess
import sys
from pathlib import Path

from openfisca_ajk.compliance.assessment import compliance_report

BIN = Path(sys.executable).parent


def test_main_shows_the_fund_and_intervals(tmp_path):
    done = subprocess.run([str(BIN / "openfisca-ajk"), "main", "--reform", "draft_social_security_act", "--year", "2029",
                           "--size", "0.002", "--output", str(tmp_path), "--quiet", "--no-cache"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "2.5 years after its start" in out
    assert "cash benefits paid by the contributory fund" in out and "contributions collected by the fund" in out
    assert "95 % interval" in out and "saving" not in out.replace("not a saving", "")
    fund_line = next(line for line in out.splitlines() if "paid by the contributory fund" in line)
    estimate = re.search(r"fund\s+([\d,.]+) \(95 % interval ([\d,.]+) to ([\d,.]+)\)", fund_line)
    assert estimate, fund_line                                    # the fiscal table's figures carry intervals
    assert float(estimate.group(1).replace(",", "")) > 0          # the short-term branches pay
    assert "n/a" in out   # no share of an unsourced social-protection budget
    # every sample figure of the summary carries its interval: coverage, poverty, persons lifted out, Gini, fiscal table
    for start in ("population covered by at least one benefit", "headcount %, after transfers",
                  "persons lifted out of poverty", "Gini ", "contributions collected by the fund",
                  "fund balance"):
        line = next(line for line in out.splitlines() if line.strip().startswith(start))
        assert "95 % interval" in line, line
    assert "registered" in out and "pay in 70% of months" in out     # the valuation's registration and density
    # the scheme table: counts and costs rounded to their intervals, the cost's half-width beside it
    assert "counts and costs rounded to their 95 % intervals" in out and "+- (95 %)" in out
    row = next(line for line in out.splitlines() if line.startswith("ajk_civil_pension "))
    quoted = next(line for line in out.splitlines() if line.strip().startswith("ajk_civil_pension ") and "cost PKR m" in line)
    cost = re.search(r"cost PKR m ([\d,]+) \(", quoted).group(1).replace(",", "")
    assert float(row.split()[5].replace(",", "")) == float(cost)
    # in-kind schemes: never costed, but their counts are sample estimates too, rounded and quoted with intervals
    card = next(line for line in out.splitlines() if line.startswith("sehat_card "))
    assert card.split()[5:9] == ["n/a"] * 4, card
    persons = float(card.split()[4].replace(",", ""))
    card_quoted = next(line for line in out.splitlines() if line.strip().startswith("sehat_card ") and "persons" in line)
    low, high = (float(v.replace(",", "")) for v in re.search(r"interval ([\d,]+) to ([\d,]+)", card_quoted).groups())
    assert low < persons < high and persons % 1000 == 0, (card, card_quoted)
    text_file = next(tmp_path.rglob("main.txt")).read_text(encoding="utf-8")
    assert "Fiscal table" in text_file and "Sampling precision" in text_file   # the file says what was printed


def test_compliance_shows_intervals_and_the_scheme_after_its_start():
    report = compliance_report("draft_social_security_act", "2029-06", size=5000)
    coverage = [check for part in report.c102.parts for check in part.checks if check.id.endswith(".coverage")]
    assert coverage and all("95 % interval" in check.why for check in coverage if check.verdict in ("meets", "fails"))
    assert all("95 % interval" in g.why for g in report.r202 if g.verdict == "gap")
    assert any("2.4 years after its start" in note for note in report.notes)
    # the summary says which story each verdict tells: C102 judges the design at maturity, R202 the month as main runs it
    assert report.summary.startswith("C102, the design at maturity: Meets Parts II, III, IV, V, VI, VII, VIII, IX, X")
    assert "R202 (the scheme 2.4 years after its start, as main runs 2029-06) gaps: children:" in report.summary
    # R202 reach is measured as main runs the month (registration 38 % in 2029), not at maturity
    assert any("as main runs it" in note and "38% of the insured persons are registered" in note for note in report.notes)
