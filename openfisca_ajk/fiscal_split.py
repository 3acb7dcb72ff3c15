"""Who pays a reform's cash benefits: the budget, or the fund of the contributory scheme.

Contributions to a new contributory fund are revenue of that fund, never a saving of the budget. A
reform's fiscal figures are therefore kept apart:

- budget cost: the change in cash benefits paid from public budgets (every cash scheme but social insurance);
- fund benefits: the change in cash benefits of the contributory scheme (kind ``social_insurance``);
- contributions: the change in contributions collected by the fund (insured persons and employers);
- fund balance: contributions less fund benefits.

Schemes in kind are never costed (their outputs are value ceilings), so they are in none of these.
"""

from openfisca_ajk.precision import text

FUND_KIND = "social_insurance"


def fiscal_split(rows, contributions_change):
    """{budget_cost_change_pkr, fund_benefits_change_pkr, contributions_change_pkr, fund_balance_change_pkr}
    from the per-scheme rows of a comparison (``net_cost_pkr``, ``kind``, ``cash``)."""
    cash = [row for row in rows if row["cash"]]
    budget = sum(row["net_cost_pkr"] for row in cash if row["kind"] != FUND_KIND)
    fund = sum(row["net_cost_pkr"] for row in cash if row["kind"] == FUND_KIND)
    return {"budget_cost_change_pkr": budget, "fund_benefits_change_pkr": fund,
            "contributions_change_pkr": contributions_change, "fund_balance_change_pkr": contributions_change - fund}


def in_kind_uncosted(row):
    """A comparison row of a scheme in kind, with no cost figures (None): in-kind schemes are never costed."""
    for key in ("annual_cost_before_pkr", "annual_cost_after_pkr", "net_cost_pkr"):
        row[key] = None
    return row


def fund_accounts(report, employee_pkr, employer_pkr):
    """The yearly fiscal table of one run (``engine.aggregates.build_report``): budget cost, the fund's benefits and
    its contributions, each apart (PKR a year)."""
    cash = [row for row in report["schemes"] if row["cash"]]
    budget = sum(row["annual_cost_pkr"] for row in cash if row["kind"] != FUND_KIND)
    fund = sum(row["annual_cost_pkr"] for row in cash if row["kind"] == FUND_KIND)
    collected = employee_pkr + (employer_pkr or 0.0)
    return {"budget_cost_pkr": budget, "fund_benefits_pkr": fund, "contributions_employee_pkr": employee_pkr,
            "contributions_employer_pkr": employer_pkr, "contributions_pkr": collected,
            "fund_balance_pkr": collected - fund,
            "note": "contributions are revenue of the contributory fund, not a saving of the budget; "
                    "schemes in kind are not costed"}


def fund_accounts_lines(accounts):
    """Plain-text lines of ``fund_accounts``, in PKR million a year; on a sample each figure is rounded to what its
    95 % interval supports and shown with it."""
    intervals = accounts.get("intervals") or {}

    def m(key):
        if key in intervals:
            return f"{text(intervals[key], 1e6):>14}"
        return f"{(accounts[key] or 0.0) / 1e6:14,.1f}"
    title = "Fiscal table (PKR m a year" + ("; 95 % intervals of the sample)" if intervals else ")")
    return [title,
            f"  cash benefits paid from public budgets                 {m('budget_cost_pkr')}",
            f"  cash benefits paid by the contributory fund            {m('fund_benefits_pkr')}",
            f"  contributions collected by the fund (its revenue)      {m('contributions_pkr')}",
            f"    of which insured persons                             {m('contributions_employee_pkr')}",
            f"    of which employers                                   {m('contributions_employer_pkr')}",
            f"  fund balance (contributions - its benefits)            {m('fund_balance_pkr')}"]
