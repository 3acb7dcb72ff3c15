"""The comparison as Markdown and as a self-contained HTML page (the reports' template, charts as base64 PNG).

Both are built from the same tables (``tables``), which read only the JSON-ready dict.
"""

from openfisca_ajk.comparison.summary import summary_sentences
from openfisca_ajk.reports import md_table, render_template

def _number(value, digits=0):
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return f"{value:,.{digits}f}"
    return str(value)


def tables(reform):
    """[(title, header, rows, numeric columns from)] for one reform."""
    t = reform["totals"]
    out = [("Cost", ["figure", "PKR a year", "% of AJK budget", "% of social-protection budget", "% of GDP"], [
        ["budget cost (cash benefits paid from public budgets)", _number(t["net_cost_pkr"]), "",
         _number(t["net_cost_pct_social_protection_budget"], 2), _number(t["net_cost_pct_gdp"], 4)],
        ["  of which the AJK budget", _number(t.get("ajk_budget_cost_change_pkr")), _number(t["net_cost_pct_total_budget"], 3),
         "", ""],
        ["  of which the federal budget (BISP, Bait-ul-Mal; not part of the AJK budget)",
         _number(t.get("federal_budget_cost_change_pkr")), "", "", ""],
        ["benefits paid by the contributory fund", _number(t["fund_benefits_change_pkr"]), "", "", ""],
        ["contributions collected by the fund (its revenue)", _number(t["contributions_change_pkr"]), "", "", ""],
        ["fund balance (contributions - its benefits)", _number(t["fund_balance_change_pkr"]), "", "", ""],
        ["all cash benefits", _number(t["benefits_change_pkr"]), "", "", ""],
    ], 1)]
    rows = [[r["scheme"], _number(r["annual_cost_before_pkr"]), _number(r["annual_cost_after_pkr"]), _number(r["net_cost_pkr"]),
             _number(r["households_gained"]), _number(r["households_lost"]), _number(r["persons_gained"]), _number(r["persons_lost"]),
             "yes" if r["recomputed"] else "no"]
            for r in reform["schemes"] if r["cash"] and (r["annual_cost_before_pkr"] or r["annual_cost_after_pkr"] or r["recomputed"])]
    out.append(("By scheme (annual PKR; beneficiaries gained and lost)",
                ["scheme", "cost before", "cost after", "net cost", "households gained", "households lost",
                 "persons gained", "persons lost", "recomputed"], rows, 1))
    h = reform["households"]
    out.append(("Households", ["figure", "households"], [[k.replace("_", " "), _number(v)] for k, v in h.items()], 1))
    p = reform["poverty"]
    out.append(("Poverty (line Rs {:,.0f} per adult equivalent a month)".format(p["line_pkr_per_adult_equivalent_month"]),
                ["group", "headcount before %", "after %", "change pp", "gap change pp", "severity change pp", "lifted out", "pushed in"],
                [[g.replace("_", " "), _number(r["fgt0_before_pct"], 2), _number(r["fgt0_after_pct"], 2), _number(r["fgt0_change_pp"], 3),
                  _number(r["fgt1_change_pp"], 3), _number(r["fgt2_change_pp"], 3), _number(r["persons_lifted_out"]),
                  _number(r["persons_pushed_in"])] for g, r in p["by_group"].items()], 1))
    out.append(("Poverty, persons", ["figure", "value"], [
        ["persons lifted out of poverty", _number(p["persons_lifted_out"])],
        ["persons pushed into poverty", _number(p["persons_pushed_in"])],
        ["cost per person lifted out, PKR a year", _number(p["cost_per_person_lifted_pkr"])]], 1))
    i = reform["inequality"]
    out.append(("Inequality", ["Gini before", "Gini after", "change"],
                [[_number(i["gini_before"], 4), _number(i["gini_after"], 4), _number(i["gini_change"], 5)]], 0))
    c = reform["coverage"]
    out.append(("Coverage (SDG 1.3.1 and R202 guarantees, % of each group)", ["series", "before %", "after %", "change pp"],
                [[f"{block}: {k.replace('_', ' ')}", _number(v["before_pct"], 2), _number(v["after_pct"], 2), _number(v["change_pp"], 2)]
                 for block in ("sdg_1_3_1", "r202_guarantees") for k, v in c[block].items()], 1))
    out.append(("Coverage by group (a cash benefit or contributing, % of the group)", ["group", "before %", "after %", "change pp"],
                [[f"{breakdown}: {label.replace('_', ' ')}", _number(v["before_pct"], 2), _number(v["after_pct"], 2),
                  _number(v["change_pp"], 2)] for breakdown, labels in c["by_group"].items() for label, v in labels.items()], 1))
    out.append(("Deciles (people-weighted, by baseline income per adult equivalent)",
                ["decile", "persons", "avg change PKR/month per household", "per person", "% change"],
                [[d["decile"], _number(d["persons"]), _number(d["average_change_pkr_month_per_household"], 1),
                  _number(d["average_change_pkr_month_per_person"], 1), _number(d["relative_change_pct"], 3)]
                 for d in reform["deciles"]], 1))
    w = reform["winners_losers_pct"]
    out.append(("Winners and losers (% of people)", ["group", "gain > 5 %", "gain < 5 %", "no change", "lose < 5 %", "lose > 5 %"],
                [["all", *[_number(v, 1) for v in w["all"].values()]]]
                + [[f"decile {r['decile']}", *[_number(r[k], 1) for k in w["all"]]] for r in w["by_decile"]], 1))
    if reform["contributory"]:
        k = reform["contributions"]
        out.append(("Contributions and social-insurance benefits (PKR a year)", ["figure", "before", "after"], [
            ["insured persons' contributions", _number(k["employee_before_pkr"]), _number(k["employee_after_pkr"])],
            ["employers' contributions", _number(k["employer_before_pkr"]), _number(k["employer_after_pkr"])],
            ["collected", _number(k["collected_before_pkr"]), _number(k["collected_after_pkr"])],
            ["social-insurance benefits paid", _number(k["social_insurance_benefits_before_pkr"]),
             _number(k["social_insurance_benefits_after_pkr"])],
            ["contributors", "", _number(k["contributors_after"])]], 1))
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
