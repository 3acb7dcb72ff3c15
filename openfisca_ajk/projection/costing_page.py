"""The costing projection as a self-contained HTML page (the reports' template) and as CSV text."""

from openfisca_ajk.tools.rounding import decimals, plus_minus, step_of
from openfisca_ajk.projection.costing import HALF_WIDTH, RECIPIENTS_HALF_WIDTH
from openfisca_ajk.reports import Chart, Paragraph, Section, Table, render_report

TOTAL = "TOTAL_CASH"
SUMMARY_HEADER = ("law", "scenario", "year", "cash cost incl. administration (PKR bn, +- 95 %)", "% of GDP",
                  "AJK budget's part, % of AJK budget",
                  "% of social-protection budget")


def csv_text(header, rows) -> str:
    """Comma-separated text: floats to 6 significant digits, text with a comma quoted, None (not defined) empty."""
    def cell(value):
        if value is None:
            return ""
        if isinstance(value, float):
            return f"{value:.6g}"
        text = str(value)
        return f'"{text}"' if "," in text else text
    lines = [",".join(header)] + [",".join(cell(value) for value in row) for row in rows]
    return "\n".join(lines) + "\n"


NOT_COSTED = "in kind, not costed"
PAID_FROM = {"ajk": "AJK budget", "federal": "federal budget", "contributory_fund": "contributory fund"}


def _share(value):
    """A share of a budget, or "n/a" where that budget is not known (no denominator, no ratio)."""
    return "n/a" if value is None else f"{value:.1f}"


def sampled(value, half_width, scale, most):
    """``value`` / ``scale`` rounded to its 95 % interval ("12.3 +- 0.8"), or with ``most`` decimals off a sample."""
    step = step_of(half_width)
    if step is None:
        return f"{value / scale:,.{most}f}"
    return plus_minus(value, step, half_width, scale)


def share_text(share, value, half_width, most):
    """A share of a sampled amount with the decimals the amount's interval supports."""
    if share is None:
        return "n/a"
    relative = half_width / value if half_width and value else None
    return f"{share:.{decimals(step_of(share * relative) if relative else None, most=most)}f}"


def total_rows(rows):
    """The cash total of each law, scenario and year, as table rows of the page."""
    return [(row["law"], row["scenario"], row["year"], sampled(row["total_cost_pkr"], row.get(HALF_WIDTH), 1e9, 2),
             share_text(row["pct_gdp"], row["total_cost_pkr"], row.get(HALF_WIDTH), 3),
             share_text(row["pct_total_budget"], row["total_cost_pkr"], row.get(HALF_WIDTH), 2),
             _share(row["pct_social_protection_budget"]))
            for row in rows if row["scheme"] == TOTAL]


def scheme_rows(rows, scenario="central"):
    """Each scheme's cost in the central scenario, by law and year (PKR million); a scheme in kind is not costed."""
    return [(row["law"], row["year"], row["scheme"], row.get("kind", ""), PAID_FROM.get(row.get("budget"), ""),
             row.get("status", ""),
             sampled(row["recipients"], row.get(RECIPIENTS_HALF_WIDTH), 1.0, 0) if row.get("recipients") is not None else "",
             NOT_COSTED if row.get("total_cost_pkr") is None else sampled(row["total_cost_pkr"], row.get(HALF_WIDTH), 1e6, 1))
            for row in rows if row["scheme"] != TOTAL and row["scenario"] == scenario]


def render_costing_page(rows, settings, chart_png=None) -> str:
    """The page: the cash totals by law, scenario and year, the chart, then each scheme (central scenario)."""
    laws = ", ".join(settings["laws"])
    title = f"ABND costing projection, {settings['first']}-{settings['last']}"
    intro = (Paragraph(f"Laws: {laws}. Scenarios: {', '.join(settings['scenarios'])}. Population scale "
                       f"{settings['size']} (seed {settings['seed']})"
                       + (f"; every year to {settings['law_known_until']} is microsimulated on its own population "
                          "(its law is known), later years are projected" if settings.get("law_known_until") else "")
                       + ". Cash benefits including administration; "
                       "in-kind benefits are not costed. The share of the AJK budget is that of the part the AJK budget "
                       "pays: federal schemes (BISP, Pakistan Bait-ul-Mal) are paid from the federal budget and the "
                       "draft scheme's benefits by its contributory fund, neither part of the AJK budget; both are in "
                       "the cash cost and its share of GDP. On a sample (scale below 1) each cost is rounded to its 95 % "
                       "interval and given with its half-width: the sampling error of the evaluated year, carried "
                       "with the projection's factors (demography, indexation, take-up), which are not sampled; "
                       "the scenarios show the assumptions' risk."),)
    sections = [Section("Cash cost by law, scenario and year", (Table(SUMMARY_HEADER, tuple(total_rows(rows)), 2),))]
    if chart_png:
        sections.append(Section("Cost as a share of GDP", (Chart("costing_pct_gdp", chart_png),)))
    schemes = scheme_rows(rows)
    if schemes:
        sections.append(Section("By scheme (central scenario)", (Table(
            ("law", "year", "scheme", "kind", "paid from", "status", "recipients (+- 95 %)",
             "cost incl. administration (PKR m, +- 95 %)"),
            tuple(schemes), 6),)))
    return render_report(title, sections, intro=intro)
