"""The comparison as Markdown and as a self-contained HTML page (the reports' template, charts as base64 PNG).

Both are built from the same tables (``tables``), which read only the JSON-ready dict.
"""


from openfisca_ajk.comparison.summary import summary_sentences
from openfisca_ajk.precision import interval
from openfisca_ajk.tools.rounding import plus_minus
from openfisca_ajk.reports import md_table, render_template

def _number(value, digits=0):
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return f"{value:,.{digits}f}"
    return str(value)


def _estimate(value, entry, scale=1.0, digits=0):
    """A sample figure rounded to what its 95 % interval supports, with the interval's half-width ('6,500 +- 400');
    as it is without an interval (the full population)."""
    if value is None:
        return "-"
    if not entry or not entry.get("step"):
        return _number(value / scale, digits)
    return plus_minus(value, entry["step"], entry["half_width"], scale)


def _share_entry(share, value, entry):
    """The interval of ``share`` = ``value`` / a fixed denominator, from ``value``'s interval."""
    if share is None or not entry or not entry.get("step") or not value:
        return None
    return interval(share, abs(entry["half_width"] * share / value))


def tables(reform):
    """[(title, header, rows, numeric columns from)] for one reform. On a sample every figure is rounded to its
    95 % interval and given with its half-width (``intervals["tables"]``, ``intervals["poverty_by_group"]``, ...)."""
    t = reform["totals"]
    intervals = reform.get("intervals") or {}
    at = intervals.get("tables") or {}
    cost = at.get("cost", {})
    sample = bool(at)
    unit, scale = ("PKR m a year (+- 95 %)", 1e6) if sample else ("PKR a year", 1.0)

    def money(key, value):
        return _estimate(value, cost.get(key), scale)
    net_entry = cost.get("budget_cost_pkr")
    out = [("Cost", ["figure", unit, "% of AJK budget", "% of social-protection budget", "% of GDP"], [
        ["budget cost (cash benefits paid from public budgets)", money("budget_cost_pkr", t["net_cost_pkr"]), "",
         _number(t["net_cost_pct_social_protection_budget"], 2),
         _estimate(t["net_cost_pct_gdp"], _share_entry(t["net_cost_pct_gdp"], t["net_cost_pkr"], net_entry), 1.0, 4)],
        ["  of which the AJK budget", money("ajk_budget_cost_change_pkr", t.get("ajk_budget_cost_change_pkr")),
         _estimate(t["net_cost_pct_total_budget"], _share_entry(t["net_cost_pct_total_budget"], t.get("ajk_budget_cost_change_pkr"),
                                                               cost.get("ajk_budget_cost_change_pkr")), 1.0, 3), "", ""],
        ["  of which the federal budget (BISP, Bait-ul-Mal; not part of the AJK budget)",
         money("federal_budget_cost_change_pkr", t.get("federal_budget_cost_change_pkr")), "", "", ""],
        ["benefits paid by the contributory fund", money("fund_benefits_change_pkr", t["fund_benefits_change_pkr"]), "", "", ""],
        ["contributions collected by the fund (its revenue)", money("contributions_change_pkr", t["contributions_change_pkr"]), "", "", ""],
        ["fund balance (contributions - its benefits)", money("fund_balance_change_pkr", t["fund_balance_change_pkr"]), "", "", ""],
        ["all cash benefits (public budgets and the fund)", money("benefits_change_pkr", t["benefits_change_pkr"]), "", "", ""],
    ], 1)]
    by_scheme = at.get("schemes", {})

    def scheme_cell(row, key, money_scale=1.0):
        return _estimate(row[key], by_scheme.get(row["scheme"], {}).get(key), money_scale)
    rows = [[r["scheme"], scheme_cell(r, "annual_cost_before_pkr", scale), scheme_cell(r, "annual_cost_after_pkr", scale),
             scheme_cell(r, "net_cost_pkr", scale), scheme_cell(r, "households_gained"), scheme_cell(r, "households_lost"),
             scheme_cell(r, "persons_gained"), scheme_cell(r, "persons_lost"), "yes" if r["recomputed"] else "no"]
            for r in reform["schemes"] if r["cash"] and (r["annual_cost_before_pkr"] or r["annual_cost_after_pkr"] or r["recomputed"])]
    out.append(("By scheme (" + ("PKR m a year, +- 95 %" if sample else "annual PKR") + "; beneficiaries gained and lost)",
                ["scheme", "cost before", "cost after", "net cost", "households gained", "households lost",
                 "persons gained", "persons lost", "recomputed"], rows, 1))
    h = reform["households"]
    household_entries = {**(intervals.get("households") or {}), **(at.get("households") or {})}
    out.append(("Households", ["figure", "households"],
                [[k.replace("_", " "), _estimate(v, household_entries.get(k))] for k, v in h.items()], 1))
    p = reform["poverty"]
    levels = intervals.get("poverty_by_group") or {}
    more = at.get("poverty_by_group") or {}

    def group_cell(group, row, key, digits):
        return _estimate(row[key], {**levels.get(group, {}), **more.get(group, {})}.get(key), 1.0, digits)
    out.append(("Poverty (line Rs {:,.0f} per adult equivalent a month)".format(p["line_pkr_per_adult_equivalent_month"]),
                ["group", "headcount before %", "after %", "change pp", "gap change pp", "severity change pp", "lifted out", "pushed in"],
                [[g.replace("_", " "), group_cell(g, r, "fgt0_before_pct", 2), group_cell(g, r, "fgt0_after_pct", 2),
                  group_cell(g, r, "fgt0_change_pp", 3), group_cell(g, r, "fgt1_change_pp", 3),
                  group_cell(g, r, "fgt2_change_pp", 3), group_cell(g, r, "persons_lifted_out", 0),
                  group_cell(g, r, "persons_pushed_in", 0)] for g, r in p["by_group"].items()], 1))
    per_person = intervals.get("cost_per_person_lifted_pkr")
    out.append(("Poverty, persons", ["figure", "value"], [
        ["persons lifted out of poverty", _estimate(p["persons_lifted_out"], intervals.get("persons_lifted_out"))],
        ["persons pushed into poverty", _estimate(p["persons_pushed_in"], intervals.get("persons_pushed_in"))],
        ["budget cost per person lifted out (net of those pushed in), PKR a year",
         "not estimable from this sample" if per_person and not per_person.get("estimable", True)
         else _estimate(p["cost_per_person_lifted_pkr"], per_person)]], 1))
    i = reform["inequality"]
    gini = intervals.get("gini") or {}
    out.append(("Inequality", ["Gini before", "Gini after", "change"],
                [[_estimate(i["gini_before"], gini.get("before"), 1.0, 4), _estimate(i["gini_after"], gini.get("after"), 1.0, 4),
                  _estimate(i["gini_change"], gini.get("change"), 1.0, 5)]], 0))
    c = reform["coverage"]
    coverage = intervals.get("coverage") or {}

    def coverage_cells(block, key, v):
        found = coverage.get(block, {}).get(key, {})
        return [_estimate(v["before_pct"], found.get("before_pct"), 1.0, 2), _estimate(v["after_pct"], found.get("after_pct"), 1.0, 2),
                _estimate(v["change_pp"], found.get("change_pp"), 1.0, 2)]
    out.append(("Coverage (SDG 1.3.1 and R202 guarantees, % of each group)", ["series", "before %", "after %", "change pp"],
                [[f"{block}: {k.replace('_', ' ')}", *coverage_cells(block, k, v)]
                 for block in ("sdg_1_3_1", "r202_guarantees") for k, v in c[block].items()], 1))
    out.append(("Coverage by group (a cash benefit or contributing, % of the group)", ["group", "before %", "after %", "change pp"],
                [[f"{breakdown}: {label.replace('_', ' ')}", *coverage_cells(f"by_group.{breakdown}", label, v)]
                 for breakdown, labels in c["by_group"].items() for label, v in labels.items()], 1))
    deciles = at.get("deciles") or [{} for _ in reform["deciles"]]
    out.append(("Deciles (people-weighted, by baseline income per adult equivalent)",
                ["decile", "persons", "avg change PKR/month per household", "per person", "% change"],
                [[d["decile"], _estimate(d["persons"], e.get("persons")),
                  _estimate(d["average_change_pkr_month_per_household"], e.get("average_change_pkr_month_per_household"), 1.0, 1),
                  _estimate(d["average_change_pkr_month_per_person"], e.get("average_change_pkr_month_per_person"), 1.0, 1),
                  _estimate(d["relative_change_pct"], e.get("relative_change_pct"), 1.0, 3)]
                 for d, e in zip(reform["deciles"], deciles)], 1))
    w = reform["winners_losers_pct"]
    all_entries = at.get("winners_all") or [None] * len(w["all"])
    by_decile = at.get("winners_by_decile") or [[None] * len(w["all"]) for _ in w["by_decile"]]
    out.append(("Winners and losers (% of people)", ["group", "gain > 5 %", "gain < 5 %", "no change", "lose < 5 %", "lose > 5 %"],
                [["all", *[_estimate(v, e, 1.0, 1) for v, e in zip(w["all"].values(), all_entries)]]]
                + [[f"decile {r['decile']}", *[_estimate(r[k], e, 1.0, 1) for k, e in zip(w["all"], entries)]]
                   for r, entries in zip(w["by_decile"], by_decile)], 1))
    if reform["contributory"]:
        k = reform["contributions"]
        money_entries = at.get("contributions") or {}

        def paid(key):
            return _estimate(k[key], money_entries.get(key), scale)
        out.append(("Contributions and social-insurance benefits (" + unit.replace("a year", "a year") + ")",
                    ["figure", "before", "after"], [
            ["insured persons' contributions", paid("employee_before_pkr"), paid("employee_after_pkr")],
            ["employers' contributions", paid("employer_before_pkr"), paid("employer_after_pkr")],
            ["collected", paid("collected_before_pkr"), paid("collected_after_pkr")],
            ["social-insurance benefits paid", paid("social_insurance_benefits_before_pkr"),
             paid("social_insurance_benefits_after_pkr")],
            ["contributors", "", _estimate(k["contributors_after"], money_entries.get("contributors_after"))]], 1))
    return out


def _intro(data):
    population = data["population"]
    return (f"Period {data['period']} ({data['months']} months); population {population['persons']:,.0f} persons in "
            f"{population['households']:,.0f} households ({population['source']}, {population['records_persons']:,} records). "
            "Each reform is compared with today's law on the same population and period.")


def to_markdown(data, chart_files):
    lines = [f"# Reform comparison, {data['period']}", "", _intro(data), ""]
    for reform in data["reforms"]:
        lines += [f"## {reform['label']} (`{reform['name']}`)", "", "**Summary.** " + " ".join(reform["summary"]), ""]
        if reform["description"]:
            lines += [reform["description"], ""]
        for basis in reform["legal_basis"]:
            lines.append(f"- Legal basis: [{basis.get('title', '')}]({basis.get('href', '')})")
        lines.append("")
        for title, header, rows, _ in tables(reform):
            lines += [f"### {title}", "", md_table(header, rows), ""]
    if chart_files:
        lines += ["## Charts", ""] + [f"![{name}]({file})" for name, file in chart_files.items()] + [""]
    lines += ["## Method", "", METHOD, ""]
    return "\n".join(lines)


METHOD = ("Disposable income = consumption before transfers + cash benefits (in-kind and health insurance excluded) - "
          "insured persons' contributions, per household and month. Poverty, Gini and deciles use income per adult "
          "equivalent against the official line; every person counts with the household's weight. Winners and losers "
          "follow PolicyEngine's bands (more or less than 5 % of the household's income). Net cost = change in cash benefits "
          "paid (in-kind value ceilings such as health cover are not costs and are not counted) - change in contributions collected (insured persons and employers). "
          "Schemes the reform provably cannot change keep the baseline's values (see 'recomputed').")


def to_html(data, charts):
    """The page: each reform's summary first, the charts, then every table and the method."""
    reforms = [dict(reform, tables=tables(reform)) for reform in data["reforms"]]
    return render_template("compare.html.j2", title=f"Reform comparison, {data['period']}", intro=_intro(data),
                           reforms=reforms, charts=charts, method=METHOD)


def with_summaries(data):
    """The dict with each reform's plain-words ``summary`` (the sentences the reports print)."""
    for reform in data["reforms"]:
        reform["summary"] = summary_sentences(reform, data["period"])
    return data
