"""The draft contributory scheme in population runs: contribution months accrue from its start, the
short-term branches pay once their qualifying periods are met, and every tool tells the same story."""

import numpy
import pytest

from openfisca_ajk.comparison import compare
from openfisca_ajk.contributory import contributory_accounts, record_spec, with_contribution_record
from openfisca_ajk.engine.aggregates import build_report
from openfisca_ajk.engine.run import run_population
from openfisca_ajk.population import generate_population
from openfisca_ajk.engine.law import apply_reform_file

DRAFT = "draft_social_security_act"
YEAR = 2029


@pytest.fixture(scope="module")
def draft(tax_benefit_system):
    return apply_reform_file(tax_benefit_system, DRAFT)


@pytest.fixture(scope="module")
def population(tax_benefit_system):
    return generate_population(tax_benefit_system, YEAR, seed=5, size=0.002)


def test_record_of_2029_counts_from_january_2027(draft):
    spec = record_spec(draft, str(YEAR))
    # middle month July 2029: 30 months after 1 January 2027, x density 0.7 = 21 months, nothing credited at the start
    assert (spec.start, spec.month, spec.months_elapsed, spec.months) == ("2027-01-01", "2029-07", 30, 21)
    assert spec.years_after_start == 2.5


def test_no_record_before_the_start_or_in_todays_law(tax_benefit_system, draft):
    assert record_spec(tax_benefit_system, str(YEAR)) is None
    assert record_spec(draft, "2026") is None
    assert record_spec(draft, "2027-01").months == 0


def test_only_insured_persons_get_the_record(draft, population):
    credited, spec = with_contribution_record(draft, population, str(YEAR))
    months = credited.person["ss_contribution_months"]
    assert set(numpy.unique(months)) <= {0, spec.months}
    assert (months > 0).any() and (months == 0).any()
    again, none = with_contribution_record(draft, credited, str(YEAR))
    assert again is credited and none is None   # a record already given is kept


@pytest.fixture(scope="module")
def main_figures(draft, population):
    credited, _ = with_contribution_record(draft, population, str(YEAR))
    run = run_population(draft, credited, str(YEAR), reform=DRAFT)
    report = build_report(draft, run)
    return report, contributory_accounts(draft, credited, str(YEAR), run, report)


def test_short_term_branches_pay_in_2029(main_figures):
    report, _ = main_figures
    cost = {row["scheme"]: row["annual_cost_pkr"] for row in report["schemes"]}
    for branch in ("ss_family_benefit", "ss_sickness_benefit", "ss_maternity_benefit"):
        assert cost[branch] > 0, branch
    # five years of contributions are needed for invalidity and survivors' pensions: none after 21 months
    assert cost["ss_invalidity_pension"] == 0 and cost["ss_survivors_pension"] == 0


def test_main_and_compare_agree_on_the_fund(tax_benefit_system, population, main_figures):
    _, accounts = main_figures
    result = compare(tax_benefit_system, [DRAFT], population, str(YEAR))
    totals = result.reforms[0][1]["totals"]
    assert totals["fund_benefits_change_pkr"] == pytest.approx(accounts["fund_benefits_pkr"], rel=1e-9)
    assert totals["contributions_change_pkr"] == pytest.approx(accounts["contributions_pkr"], rel=1e-9)
    assert accounts["fund_benefits_pkr"] > 0 and accounts["contributions_pkr"] > 0
    # contributions are the fund's revenue: the draft costs the budget nothing and saves it nothing
    assert totals["net_cost_pkr"] == pytest.approx(totals["budget_cost_change_pkr"])
    assert abs(totals["net_cost_pkr"]) < 1.0
    assert not any("save" in sentence for sentence in _sentences(result))


def _sentences(result):
    from openfisca_ajk.comparison.summary import summary_sentences
    return summary_sentences(result.reforms[0][1], result.period)


def test_the_matrix_gives_main_s_recipients_and_cost(population, main_figures):
    from openfisca_ajk.compliance.matrix import build_matrix
    report, _ = main_figures
    main = {row["scheme"]: row for row in report["schemes"]}
    matrix = build_matrix(DRAFT, YEAR, population=population)
    rows = [row for row in matrix["rows"] if row["scheme"].startswith("ss_") and row["annual_cost_pkr"] is not None]
    assert rows
    for row in rows:
        assert row["annual_cost_pkr"] == pytest.approx(main[row["scheme"]]["annual_cost_pkr"], rel=1e-9), row["scheme"]
        assert row["recipients_persons"] == pytest.approx(main[row["scheme"]]["beneficiaries_persons"]), row["scheme"]
        if row["annual_cost_pkr"] > 0:     # a sample: the figure with its interval, as main prints it
            entry = row["intervals"]["annual_cost_pkr"]
            assert entry["low"] <= row["annual_cost_pkr"] <= entry["high"] and entry["half_width"] > 0


def test_the_summary_quotes_the_fund_s_figures_once_rounded(tax_benefit_system, population):
    import re
    result = compare(tax_benefit_system, [DRAFT], population, str(YEAR))
    sentences = _sentences(result)
    first = next(s for s in sentences if "The contributory fund collects" in s)
    collected = next(s for s in sentences if s.startswith("Contributions collected"))
    fund = re.search(r"collects (Rs [\d.,]+ (?:bn|m)?)", first).group(1).strip()
    paid = re.search(r"pays (Rs [\d.,]+ (?:bn|m)?)", first).group(1).strip()
    assert collected.startswith(f"Contributions collected: {fund} a year")
    assert f"against {paid} of cash benefits" in collected
