"""The actuarial report in the ILO form: design, assumptions, demographic and financial projections,
indicators, sensitivity - as Markdown, HTML (the reports' template, charts embedded), JSON and PNG charts,
all written atomically. Markdown and HTML are rendered from the same sections."""

import math
from pathlib import Path

from openfisca_ajk.actuarial.charts import cost_rate_png, reserve_png, sensitivity_png
from openfisca_ajk.reports import Chart, Paragraph, Section, Table, md_table, render_report
from openfisca_ajk.tools.files import atomic_write, atomic_write_json
from openfisca_ajk.tools.plain import plain
from openfisca_ajk.tools.strict_json import undefined_as_null

TITLE = "Actuarial valuation of the old-age, invalidity and survivors' branches"
METHOD = ("Method: ILO-PENS / PROST cohort projection (methods.md section 2.2), indicators of section 2.3. "
          "Design read from each law's parameters; assumptions from `parameters/projection` (mostly modelling "
          "assumptions, each stated in its file). Amounts in nominal PKR a year.")

TABLE_STEP = 5
DESIGN_KEYS = ("contribution_rate", "accrual", "qualifying_years", "reduced_years", "grant_minimum_years",
               "minimum_pension", "minimum_share_of_minimum_wage", "pensionable_age", "indexation",
               "invalidity_base_rate", "invalidity_accrual", "survivors_base_rate", "survivors_accrual",
               "survivors_widow_share", "minimum_wage")
MONEY_SERIES = ("insurable_earnings", "contributions", "old_age_benefits", "invalidity_benefits", "survivors_benefits",
                "grants", "administration", "investment_income", "reserve")


def _fmt(value, digits=3):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.{digits}g}"
    return str(value)


def _millions(value):
    """An amount in PKR as PKR million with one decimal (the financial table fits the page)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value / 1e6:,.1f}"


def _table(header, rows):
    return Table(tuple(header), tuple(tuple(_fmt(v) for v in row) for row in rows), numeric_from=1)


def _pick(result, step=TABLE_STEP):
    years = result["years"]
    return [i for i in range(len(years)) if i % step == 0 or i == len(years) - 1]


def sections(results):
    """The report's sections (title and tables), shared by the Markdown and the HTML."""
    central = [r for r in results if r["variant"] == "central"]
    laws = [r["law"] for r in central]
    out = [Section("1. Design (first year in force)",
                   (_table(["parameter", *laws], [[k, *[r["design"].get(k) for r in central]] for k in DESIGN_KEYS]),)),
           Section("2. Assumptions", (_table(["assumption", *laws], [
               ["first year", *[r["first_year"] for r in central]],
               ["real interest rate", *[r["notes"]["real_interest_rate"] for r in central]],
               ["inflation (first year)", *[r["notes"]["inflation"][0] for r in central]],
               ["real wage growth (first year)", *[r["notes"]["real_wage_growth"][0] for r in central]],
               ["contribution density", *[r["density"] for r in central]],
               ["compliance first / last year", *[f"{r['compliance'][0]:.2f} / {r['compliance'][-1]:.2f}" for r in central]],
               ["mortality", *["WPP 2024 Pakistan (projection.mortality)" for _ in central]]]),))]
    for r in central:
        s = r["series"]
        out.append(Section(f"3. Demographic projection - {r['law']}", (_table(
            ["year", "population", "insured", "contributors", "deferred", "old-age pensioners", "invalidity",
             "survivors", "dependency ratio"],
            [[r["years"][i], s["population"][i], s["insured"][i], s["contributors"][i], s["deferred"][i],
              s["old_age_pensioners"][i], s["invalidity_pensioners"][i], s["survivors_pensioners"][i],
              s["system_dependency_ratio"][i]] for i in _pick(r)]),)))
        out.append(Section(f"4. Financial projection - {r['law']} (amounts in PKR million)", (_table(
            ["year", "insurable earnings", "contributions", "old-age", "invalidity", "survivors", "grants",
             "administration", "investment income", "reserve", "PAYG cost rate", "reserve ratio",
             "replacement rate (new awards)"],
            [[r["years"][i], *[_millions(s[key][i]) for key in MONEY_SERIES], s["payg_cost_rate"][i],
              s["reserve_ratio"][i], s["replacement_rate_new"][i]] for i in _pick(r)]),)))
    periods = sorted({p for r in central for p in r["indicators"]["general_average_premium"]}, key=int)
    out.append(Section("5. Indicators", (_table(
        ["law", "contribution rate", *[f"GAP {p} y" for p in periods], "first deficit", "reserve exhausted"],
        [[r["law"], r["indicators"]["contribution_rate_first_year"],
          *[r["indicators"]["general_average_premium"].get(p) for p in periods],
          r["indicators"]["first_deficit_year"], r["indicators"]["reserve_exhausted_in"] or "not in horizon"]
         for r in central]),)))
    if any(r["variant"] != "central" for r in results):
        longest = max(periods, key=int)
        out.append(Section("6. Sensitivity", (_table(
            ["law", "variant", "change", f"GAP {longest} y", "PAYG last year", "reserve exhausted"],
            [[r["law"], r["variant"], ", ".join(f"{k}={v}" for k, v in r["overrides"].items()) or "-",
              r["indicators"]["general_average_premium"].get(longest), r["series"]["payg_cost_rate"][-1],
              r["indicators"]["reserve_exhausted_in"] or "not in horizon"] for r in results]),)))
    return out


def markdown(results):
    parts = [f"# {TITLE}", METHOD]
    for section in sections(results):
        parts.append(f"## {section.title}")
        parts += [md_table(block.header, block.rows) for block in section.blocks]
    parts.append("Charts: cost_rates.png, reserve_ratio.png, sensitivity_<law>.png. Full series: valuation.json.")
    return "\n\n".join(parts) + "\n"


def charts(results):
    """{file name: PNG bytes} of the valuation's charts."""
    central = [r for r in results if r["variant"] == "central"]
    files = {"cost_rates.png": cost_rate_png(central), "reserve_ratio.png": reserve_png(central)}
    for law in sorted({r["law"] for r in results}):
        files[f"sensitivity_{law}.png"] = sensitivity_png(results, law)
    return files


def to_html(results, pngs):
    blocks = [Chart(name, png) for name, png in pngs.items()]
    return render_report(TITLE, [*sections(results), Section("7. Charts", tuple(blocks))],
                         intro=(Paragraph(METHOD),))


def write_report(results, folder):
    """Write report.md, report.html, valuation.json and the PNG charts in ``folder``; return the paths."""
    folder = Path(folder)
    pngs = charts(results)
    files = [atomic_write(folder / "report.md", markdown(results)), atomic_write(folder / "report.html", to_html(results, pngs)),
             atomic_write_json(folder / "valuation.json", undefined_as_null(results, plain))]
    files += [atomic_write(folder / name, png) for name, png in pngs.items()]
    return files
