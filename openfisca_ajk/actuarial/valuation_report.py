"""The actuarial report in the ILO form: design, assumptions, demographic and financial projections,
indicators, sensitivity - as Markdown, HTML (the reports' template, charts embedded), JSON and PNG charts,
all written atomically. Markdown and HTML are rendered from the same sections."""

import math
from pathlib import Path

from openfisca_ajk.actuarial.charts import cost_rate_png, reserve_png, sensitivity_png, variant_label
from openfisca_ajk.precision import text
from openfisca_ajk.tools.rounding import decimals, plus_minus, round_to, step_of
from openfisca_ajk.reports import Chart, Paragraph, Section, Table, md_table, render_report
from openfisca_ajk.reports.labels import law_label
from openfisca_ajk.tools.files import atomic_write, atomic_write_json
from openfisca_ajk.tools.plain import plain
from openfisca_ajk.tools.strict_json import undefined_as_null

TITLE = "Actuarial valuation of the old-age, invalidity and survivors' branches"
METHOD = ("Method: ILO-PENS / PROST cohort projection (methods.md section 2.2), indicators of section 2.3. "
          "Design read from each law's parameters; assumptions from parameters/projection (mostly modelling "
          "assumptions, each stated in its file). Amounts in nominal PKR a year; rates in % of insurable earnings; "
          "counts in whole persons.")

SAME_YEAR = ("The population runs (main, compare, the matrix) use the same registration path and contribution density "
             "(projection.actuarial.compliance and density): in a year they count the same insured persons and "
             "contributors as this projection, insured persons past the pensionable age included (they keep paying and "
             "accrue nothing more). Amounts differ by wage growth only: wages here grow with the wage index of the "
             "projection (valuation.json, wage_index; 1 in the first year), while a population run of a later year "
             "keeps the latest enacted minimum wage, so its amounts are this projection's divided by that index. "
             "Section 7 runs the first years through the population and sets the two side by side.")
TABLE_STEP = 5
# (key of the design, words, how the value is shown): "pct" a rate in %, "years", "pkr" an amount, "text"
DESIGN_ROWS = (("contribution_rate", "contribution rate (insured person + employer), % of insurable wage", "pct"),
               ("accrual", "old-age pension accrual, % of the reference wage a year of service", "pct"),
               ("qualifying_years", "old-age pension: qualifying period, years", "years"),
               ("reduced_years", "reduced old-age pension: qualifying period, years", "years"),
               ("grant_minimum_years", "old-age grant: minimum period, years", "years"),
               ("minimum_pension", "minimum old-age pension, PKR a month", "pkr"),
               ("minimum_share_of_minimum_wage", "minimum old-age pension, % of the minimum wage", "pct"),
               ("pensionable_age", "pensionable age, women / men, years", "ages"),
               ("indexation", "indexation of pensions in payment", "text"),
               ("invalidity_base_rate", "invalidity pension: base rate, % of the reference wage", "pct"),
               ("invalidity_accrual", "invalidity pension: accrual a year of service, %", "pct"),
               ("survivors_base_rate", "survivors' pension: base rate, % of the reference wage", "pct"),
               ("survivors_accrual", "survivors' pension: accrual a year of service, %", "pct"),
               ("survivors_widow_share", "survivors' pension: widow's share, %", "pct"),
               ("minimum_wage", "minimum wage, PKR a month", "pkr"))
MONEY_SERIES = ("insurable_earnings", "contributions", "old_age_benefits", "invalidity_benefits", "survivors_benefits",
                "grants", "administration", "investment_income", "reserve")
PERSON_SERIES = ("population", "insured", "contributors", "deferred", "old_age_pensioners", "invalidity_pensioners",
                 "survivors_pensioners")
OVERRIDES = {"real_wage_growth_shift": ("real wage growth", "pp"), "interest_shift": ("interest rate", "pp"),
             "coverage_multiplier": ("registration", "x"), "mortality_multiplier": ("mortality", "x"),
             "density": ("contribution density", "=")}


def _missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


def _pct(value, digits=2):
    """A rate (a share) in %."""
    return "-" if _missing(value) else f"{100 * float(value):.{digits}f} %"


def _persons(value):
    """A count of persons, whole."""
    return "-" if _missing(value) else f"{round(float(value)):,}"


def _number(value, digits=2):
    return "-" if _missing(value) else f"{float(value):,.{digits}f}"


def _millions(value):
    """An amount in PKR as PKR million with one decimal (the financial table fits the page)."""
    return "-" if _missing(value) else f"{value / 1e6:,.1f}"


def _sampled(value, half, scale=1.0, digits=0):
    """``value`` / ``scale`` with ``digits`` decimals, or fewer: rounded to its 95 % interval on a sample."""
    if _missing(value):
        return "-"
    step = None if _missing(half) else step_of(half)
    if step is None:
        return f"{value / scale:,.{digits}f}"
    return f"{round_to(value, step) / scale:,.{decimals(step, scale, digits)}f}"


def _half(r, key, i):
    """The 95 % half-width of series ``key`` in year ``i`` of a run (None off a sample)."""
    values = ((r.get("sampling") or {}).get("series_half_width") or {}).get(key)
    return None if values is None else values[i]


def _design_value(value, how):
    if _missing(value):
        return "-"
    if how == "pct":
        return _pct(value)
    if how == "years":
        return f"{float(value):g}"
    if how == "pkr":
        return f"{float(value):,.0f}"
    if how == "ages":
        return " / ".join(f"{float(v):g}" for v in value)
    return str(value)


def _change(overrides):
    """A sensitivity run's change in words: "real wage growth +0.5 pp", "registration x 0.8"."""
    words = []
    for key, value in overrides.items():
        label, how = OVERRIDES.get(key, (key.replace("_", " "), "="))
        if how == "pp":
            words.append(f"{label} {100 * value:+.1f} pp")
        elif how == "x":
            words.append(f"{label} x {value:g}")
        else:
            words.append(f"{label} {_pct(value, 0)}")
    return ", ".join(words) or "-"


def exhausted_text(indicators, entry=None):
    """The year the reserve runs out, with its 95 % interval when the sample moves it."""
    return _year(indicators["reserve_exhausted_in"], entry, "not within the horizon")


def _year(value, entry, never):
    if value is None:
        return never if not entry or entry.get("low") is None else f"{never} (95 % interval from {entry['low']})"
    if not entry or (not entry.get("open") and entry["low"] == entry["high"]):
        return str(value)
    high = "after the horizon" if entry.get("open") else entry["high"]
    return f"{value} (95 % interval {entry['low']} to {high})"


def rate_text(value, entry, digits=2, compact=False):
    """A rate in %, rounded to its 95 % interval on a sample ("9.5 % (95 % interval 9.1 % to 9.9 %)", or
    "9.5 +- 0.4 %" when ``compact``)."""
    if _missing(value) or not entry or not entry.get("step"):
        return _pct(value, digits)
    if not compact:
        return text(entry, 0.01, " %")
    return plus_minus(value, entry["step"], entry["half_width"], 0.01, " %")


def _pick(result, step=TABLE_STEP):
    years = result["years"]
    return [i for i in range(len(years)) if i % step == 0 or i == len(years) - 1]


def summary(results):
    """One plain sentence a law: when the branches start, what they cost over time, when the reserve runs out."""
    sentences = []
    for r in (r for r in results if r["variant"] == "central"):
        indicators, series, sampling = r["indicators"], r["series"], r.get("sampling") or {}
        gaps = indicators["general_average_premium"]
        longest = max(gaps, key=int) if gaps else None
        gap = (f"; the contribution rate that would balance the scheme over {longest} years (general average premium) "
               f"is {rate_text(gaps[longest], sampling.get('general_average_premium', {}).get(longest), 1)}") if longest else ""
        sentences.append(
            f"{law_label(r['law'])}: the old-age, invalidity and survivors' branches start in {r['first_year']} with a "
            f"contribution rate of {_pct(indicators['contribution_rate_first_year'], 1)} of insurable earnings; "
            f"their yearly cost reaches {rate_text(series['payg_cost_rate'][-1], sampling.get('payg_cost_rate_last_year'), 1)} "
            f"of insurable earnings in {r['years'][-1]}"
            f"{gap}; the reserve is exhausted in {exhausted_text(indicators, sampling.get('reserve_exhausted_in'))}.")
    return " ".join(sentences)


def sections(results, pngs=None):
    """The report's sections (title and tables, and the charts when ``pngs`` is given), shared by the Markdown
    and the HTML."""
    pngs = pngs or {}
    central = [r for r in results if r["variant"] == "central"]
    laws = [law_label(r["law"]) for r in central]
    periods = sorted({p for r in central for p in r["indicators"]["general_average_premium"]}, key=int)
    charts = tuple(Chart(CHART_TEXT[name], pngs[name]) for name in ("cost_rates.png", "reserve_ratio.png") if name in pngs)
    out = [Section("1. Indicators", (Table(
        ("law", "contribution rate", *[f"general average premium, {p} years" for p in periods], "first deficit",
         "reserve exhausted"),
        tuple((law_label(r["law"]), _pct(r["indicators"]["contribution_rate_first_year"]),
               *[rate_text(r["indicators"]["general_average_premium"].get(p),
                       (r.get("sampling") or {}).get("general_average_premium", {}).get(p), compact=True) for p in periods],
               _year(r["indicators"]["first_deficit_year"], (r.get("sampling") or {}).get("first_deficit_year"), "none"),
               exhausted_text(r["indicators"], (r.get("sampling") or {}).get("reserve_exhausted_in")))
              for r in central), numeric_from=1), *_sampling_note(central), *charts)),
           Section("2. Design (first year in force)", (Table(
               ("parameter", *laws),
               tuple((words, *[_design_value(r["design"].get(key), how) for r in central]) for key, words, how in DESIGN_ROWS),
               numeric_from=1),)),
           Section("3. Assumptions", (Table(("assumption", *laws), (
               ("first year in force", *[str(r["first_year"]) for r in central]),
               ("real interest rate", *[_pct(r["notes"]["real_interest_rate"]) for r in central]),
               ("inflation, first year", *[_pct(r["notes"]["inflation"][0]) for r in central]),
               ("real wage growth, first year", *[_pct(r["notes"]["real_wage_growth"][0]) for r in central]),
               ("contribution density (share of months paid)", *[_pct(r["density"], 0) for r in central]),
               ("registration (share of the scope insured), first / last year",
                *[f"{_pct(r['compliance'][0], 0)} / {_pct(r['compliance'][-1], 0)}" for r in central]),
               ("mortality", *["UN World Population Prospects 2024, Pakistan" for _ in central])), numeric_from=1),
               Paragraph(SAME_YEAR, muted=True)))]
    for r in central:
        s = r["series"]
        out.append(Section(f"4. Demographic projection: {law_label(r['law'])} (persons)", (Table(
            ("year", "population", "insured", "contributors", "deferred members", "old-age pensioners",
             "invalidity pensioners", "survivors' pensioners", "pensioners per contributor"),
            tuple((str(r["years"][i]), *[_sampled(s[key][i], _half(r, key, i)) for key in PERSON_SERIES],
                   _sampled(s["system_dependency_ratio"][i], _half(r, "system_dependency_ratio", i), digits=3))
                  for i in _pick(r)), numeric_from=1), *_rounding_note(r))))
        out.append(Section(f"5. Financial projection: {law_label(r['law'])} (amounts in PKR million a year)", (Table(
            ("year", "insurable earnings", "contributions", "old-age", "invalidity", "survivors", "grants",
             "administration", "investment income", "reserve", "cost rate, %", "reserve, years", "replacement rate, %"),
            tuple((str(r["years"][i]), *[_sampled(s[key][i], _half(r, key, i), 1e6, 1) for key in MONEY_SERIES],
                   _sampled(s["payg_cost_rate"][i], _half(r, "payg_cost_rate", i), 0.01, 2),
                   _sampled(s["reserve_ratio"][i], _half(r, "reserve_ratio", i), digits=2),
                   _sampled(s["replacement_rate_new"][i], _half(r, "replacement_rate_new", i), 0.01, 1))
                  for i in _pick(r)), numeric_from=1), *_rounding_note(r),
            Paragraph("Cost rate: benefits and administration, % of insurable earnings (pay-as-you-go cost rate). "
                      "Reserve: at the start of the year, in years of the year's benefits and administration. "
                      "Replacement rate: average new old-age pension, % of the reference wage of new pensioners.",
                      muted=True))))
    for r in central:
        if r.get("population_check"):
            out.append(_check_section(r))
    if any(r["variant"] != "central" for r in results):
        longest = max(periods, key=int)
        sensitivity = tuple(Chart(CHART_TEXT["sensitivity"].format(law=law_label(law)), pngs[f"sensitivity_{law}.png"])
                            for law in sorted({r["law"] for r in results}) if f"sensitivity_{law}.png" in pngs)
        out.append(Section("6. Sensitivity", (Table(
            ("law", "run", "change", f"general average premium, {longest} years", "cost rate, last year",
             "reserve exhausted"),
            tuple((law_label(r["law"]), variant_label(r["variant"]), _change(r["overrides"]),
                   _pct(r["indicators"]["general_average_premium"].get(longest)), _pct(r["series"]["payg_cost_rate"][-1]),
                   str(exhausted_text(r["indicators"]))) for r in results), numeric_from=3),
            Paragraph("Every run projects the same sample, so the differences between runs are measured much more "
                      "closely than each level: the figures keep two decimals to show them; the central run's sampling "
                      "intervals are in section 1.", muted=True), *sensitivity)))
    return out


def _rounding_note(r):
    if not (r.get("sampling") or {}).get("series_half_width"):
        return ()
    return (Paragraph("Each figure is rounded to what its 95 % sampling interval supports (the half-widths, year by "
                      "year, are in valuation.json, sampling.series_half_width).", muted=True),)


def _sampling_note(central):
    """The paragraph saying where the indicators' intervals come from (none when no run is on a sample)."""
    samples = sorted({r["sampling"]["households_in_sample"] for r in central if r.get("sampling")})
    if not samples:
        return ()
    return (Paragraph(f"Sampling precision: the insured rates and insurable wages by sex and age come from a sample of "
                      f"{', '.join(f'{n:,}' for n in samples)} households; the +- and the intervals are 95 % intervals "
                      "from the delete-a-group jackknife (30 replicates of that base, each projected again). They "
                      "measure the sample only; the risk of the assumptions is in section 6.", muted=True),)


def _with_interval(entry, scale=1.0, persons=False):
    """A population run's figure, rounded to its 95 % interval, with the interval."""
    value, half = entry["estimate"], entry["half_width"]
    if not entry.get("step"):
        return _persons(value) if persons else _millions(value)
    step = entry["step"]
    digits = decimals(step, scale)
    return (f"{round_to(value, step) / scale:,.{digits}f} ({round_to(max(value - half, 0.0), step) / scale:,.{digits}f}"
            f" to {round_to(value + half, step) / scale:,.{digits}f})")


def _check_section(r):
    rows = []
    for i, row in enumerate(r["population_check"]):
        valuation, level, found = row["valuation"], row["valuation_at_population_wages"], row["population"]
        deflator = row["wage_deflator"]

        def at_wages(key):
            half = _half(r, key, i)
            return _sampled(level[key], None if half is None else half / deflator, 1e6, 1)
        rows.append((str(row["year"]), _sampled(valuation["contributors"], _half(r, "contributors", i)),
                     _with_interval(found["contributors"], persons=True),
                     _sampled(valuation["contributions"], _half(r, "contributions", i), 1e6, 1), at_wages("contributions"),
                     _with_interval(found["contributions"], 1e6),
                     _sampled(valuation["benefits"], _half(r, "benefits", i), 1e6, 1), at_wages("benefits"),
                     _with_interval(found["benefits"], 1e6)))
    return Section(f"7. The first years beside the population runs: {law_label(r['law'])}", (Table(
        ("year", "contributors, valuation", "paying persons, population run (95 % interval)",
         "contributions, valuation (PKR m)", "at the population's wages", "population run (PKR m, 95 % interval)",
         "benefits, valuation (PKR m)", "at the population's wages", "population run (PKR m, 95 % interval)"),
        tuple(rows), numeric_from=1),
        Paragraph("The population run is what main computes for the year (the population of that year, the scheme's "
                  "record, registration and density): persons paying contributions, the contributions of the old-age, "
                  "invalidity and survivors' branches (their share of the rates in force) and those branches' "
                  "benefits. The valuation's amounts at the population's wages are divided by its wage index (and "
                  "multiplied by any change of the minimum wage the population follows). Both come from samples: "
                  "the figures agree when the valuation's falls within, or near, the population run's interval.",
                  muted=True)))


CHART_TEXT = {"cost_rates.png": "Pay-as-you-go cost rate, contribution rate and general average premium, % of insurable earnings",
              "reserve_ratio.png": "Reserve in years of expenditure",
              "sensitivity": "Sensitivity of the pay-as-you-go cost rate: {law}"}


def markdown(results):
    parts = [f"# {TITLE}", summary(results), METHOD]
    for section in sections(results):
        parts.append(f"## {section.title}")
        parts += [md_table(block.header, block.rows) if block.kind == "table" else str(block.text)
                  for block in section.blocks if block.kind in ("table", "paragraph")]
    parts.append("Charts: cost_rates.png, reserve_ratio.png, sensitivity_<law>.png. Full series: valuation.json.")
    return "\n\n".join(parts) + "\n"


def charts(results):
    """{file name: PNG bytes} of the valuation's charts."""
    central = [r for r in results if r["variant"] == "central"]
    files = {"cost_rates.png": cost_rate_png(central), "reserve_ratio.png": reserve_png(central)}
    if any(r["variant"] != "central" for r in results):
        for law in sorted({r["law"] for r in results}):
            files[f"sensitivity_{law}.png"] = sensitivity_png(results, law)
    return files


def to_html(results, pngs):
    return render_report(TITLE, sections(results, pngs), summary=summary(results), intro=(Paragraph(METHOD, muted=True),))


def write_report(results, folder):
    """Write report.md, report.html, valuation.json and the PNG charts in ``folder``; return the paths."""
    folder = Path(folder)
    pngs = charts(results)
    files = [atomic_write(folder / "report.md", markdown(results)), atomic_write(folder / "report.html", to_html(results, pngs)),
             atomic_write_json(folder / "valuation.json", undefined_as_null(results, plain))]
    files += [atomic_write(folder / name, png) for name, png in pngs.items()]
    return files
