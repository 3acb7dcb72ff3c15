"""The actuarial report in the ILO form: design, assumptions, demographic and financial projections,
indicators, sensitivity - as Markdown, HTML, JSON and PNG charts (all written atomically)."""

import html
import math
from pathlib import Path

from openfisca_ajk.actuarial.charts import cost_rate_chart, reserve_chart, sensitivity_chart
from openfisca_ajk.projection.outputs import _plain, write_json, write_text
from openfisca_ajk.tools.strict_json import undefined_as_null

TABLE_STEP = 5
DESIGN_KEYS = ("contribution_rate", "accrual", "qualifying_years", "reduced_years", "grant_minimum_years",
               "minimum_pension", "minimum_share_of_minimum_wage", "pensionable_age", "indexation",
               "invalidity_base_rate", "invalidity_accrual", "survivors_base_rate", "survivors_accrual",
               "survivors_widow_share", "minimum_wage")


def _fmt(value, digits=3):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.{digits}g}"
    return str(value)


def _table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_fmt(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _pick(result, step=TABLE_STEP):
    years = result["years"]
    return [i for i in range(len(years)) if i % step == 0 or i == len(years) - 1]


def markdown(results):
    central = [r for r in results if r["variant"] == "central"]
    parts = ["# Actuarial valuation of the old-age, invalidity and survivors' branches",
             "Method: ILO-PENS / PROST cohort projection (methods.md section 2.2), indicators of section 2.3. "
             "Design read from each law's parameters; assumptions from `parameters/projection` (mostly modelling "
             "assumptions, each stated in its file). Amounts in nominal PKR a year."]
    parts.append("## 1. Design (first year in force)")
    laws = [r["law"] for r in central]
    parts.append(_table(["parameter", *laws], [[k, *[r["design"].get(k) for r in central]] for k in DESIGN_KEYS]))
    parts.append("## 2. Assumptions")
    parts.append(_table(["assumption", *laws], [
        ["first year", *[r["first_year"] for r in central]],
        ["real interest rate", *[r["notes"]["real_interest_rate"] for r in central]],
        ["inflation (first year)", *[r["notes"]["inflation"][0] for r in central]],
        ["real wage growth (first year)", *[r["notes"]["real_wage_growth"][0] for r in central]],
        ["contribution density", *[r["density"] for r in central]],
        ["compliance first / last year", *[f"{r['compliance'][0]:.2f} / {r['compliance'][-1]:.2f}" for r in central]],
        ["mortality", *["WPP 2024 Pakistan (projection.mortality)" for _ in central]]]))
    for r in central:
        s = r["series"]
        parts.append(f"## 3. Demographic projection - {r['law']}")
        parts.append(_table(["year", "population", "insured", "contributors", "deferred", "old-age pensioners",
                             "invalidity", "survivors", "dependency ratio"],
                            [[r["years"][i], s["population"][i], s["insured"][i], s["contributors"][i], s["deferred"][i],
                              s["old_age_pensioners"][i], s["invalidity_pensioners"][i], s["survivors_pensioners"][i],
                              s["system_dependency_ratio"][i]] for i in _pick(r)]))
        parts.append(f"## 4. Financial projection - {r['law']}")
        parts.append(_table(["year", "insurable earnings", "contributions", "old-age", "invalidity", "survivors", "grants",
                             "administration", "investment income", "reserve", "PAYG cost rate", "reserve ratio",
                             "replacement rate (new awards)"],
                            [[r["years"][i], s["insurable_earnings"][i], s["contributions"][i], s["old_age_benefits"][i],
                              s["invalidity_benefits"][i], s["survivors_benefits"][i], s["grants"][i], s["administration"][i],
                              s["investment_income"][i], s["reserve"][i], s["payg_cost_rate"][i], s["reserve_ratio"][i],
                              s["replacement_rate_new"][i]] for i in _pick(r)]))
    parts.append("## 5. Indicators")
    periods = sorted({p for r in central for p in r["indicators"]["general_average_premium"]}, key=int)
    parts.append(_table(["law", "contribution rate", *[f"GAP {p} y" for p in periods], "first deficit", "reserve exhausted"],
                        [[r["law"], r["indicators"]["contribution_rate_first_year"],
                          *[r["indicators"]["general_average_premium"].get(p) for p in periods],
                          r["indicators"]["first_deficit_year"], r["indicators"]["reserve_exhausted_in"] or "not in horizon"]
                         for r in central]))
    sensitivity = [r for r in results if r["variant"] != "central"]
    if sensitivity:
        parts.append("## 6. Sensitivity")
        longest = max(periods, key=int)
        parts.append(_table(["law", "variant", "change", f"GAP {longest} y", "PAYG last year", "reserve exhausted"],
                            [[r["law"], r["variant"], ", ".join(f"{k}={v}" for k, v in r["overrides"].items()) or "-",
                              r["indicators"]["general_average_premium"].get(longest), r["series"]["payg_cost_rate"][-1],
                              r["indicators"]["reserve_exhausted_in"] or "not in horizon"] for r in results]))
    parts.append("Charts: cost_rates.png, reserve_ratio.png, sensitivity_<law>.png. Full series: valuation.json.")
    return "\n\n".join(parts) + "\n"


def to_html(text):
    """A small Markdown-to-HTML rendering (headings, paragraphs, pipe tables)."""
    out, rows = [], []

    def flush():
        if rows:
            head, body = rows[0], rows[2:]
            out.append("<table><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in head) + "</tr>"
                       + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in body)
                       + "</table>")
            rows.clear()

    for line in text.splitlines():
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip("|").split("|")])
            continue
        flush()
        if line.startswith("## "):
            out.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif line.startswith("# "):
            out.append(f"<h1>{html.escape(line[2:])}</h1>")
        elif line.strip():
            out.append(f"<p>{html.escape(line)}</p>")
    flush()
    style = "body{font-family:sans-serif;max-width:1200px}table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}"
    return f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head><body>{''.join(out)}</body></html>\n"


def write_report(results, folder):
    folder = Path(folder)
    central = [r for r in results if r["variant"] == "central"]
    text = markdown(results)
    files = [write_text(folder / "report.md", text), write_text(folder / "report.html", to_html(text)),
             write_json(folder / "valuation.json", undefined_as_null(results, _plain)), cost_rate_chart(central, folder / "cost_rates.png"),
             reserve_chart(central, folder / "reserve_ratio.png")]
    for law in sorted({r["law"] for r in results}):
        files.append(sensitivity_chart(results, law, folder / f"sensitivity_{law}.png"))
    return files
