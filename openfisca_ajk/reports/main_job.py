"""Writing a report: a text table, JSON, CSV and a PNG chart (the reports' chart style), published together as one
output set."""

import csv
import io

from openfisca_ajk.tools.rounding import decimals, step_of
from openfisca_ajk.reports.charts import PALETTE, new_figure, png_bytes, styled
from openfisca_ajk.reports.labels import law_label, scheme_label
from openfisca_ajk.scheme_registry import CONTRIBUTORY_FUND, FEDERAL_BUDGET, NOT_IN_AJK_BUDGET
from openfisca_ajk.tools import strict_json
from openfisca_ajk.tools.output_sets import MANIFEST, TIMINGS, OutputSet

SCHEME_COLUMNS = ("scheme", "kind", "status", "entity", "periodicity", "cash", "budget", "eligible_units", "receiving_units",
                  "take_up_pct", "beneficiaries_persons", "beneficiaries_households", "eligible_persons",
                  "eligible_households", "average_monthly_recipients", "annual_cost_pkr",
                  "cost_pct_social_protection_budget", "cost_pct_total_budget", "cost_pct_gdp", "coverage_pct")
NOT_AVAILABLE = "n/a"
TIMINGS_KEY = "timings_s"   # wall-clock figures of the report: written apart, to timings.json


def _number(value, fmt):
    return NOT_AVAILABLE if value is None else format(value, fmt)


def _cost_key(row):
    return -(row["annual_cost_pkr"] if row.get("annual_cost_pkr") is not None else -1.0)


BUDGET_WORDS = {FEDERAL_BUDGET: "paid from the federal budget (BISP, Pakistan Bait-ul-Mal), not part of the AJK budget",
                CONTRIBUTORY_FUND: "the draft scheme's fund pays it from its contributions, not part of the AJK budget"}


def _share_digits(share, relative_half_width, most):
    """Decimals of a share of a sampled cost: as many as the cost's interval supports (``most`` without one)."""
    return decimals(step_of(share * relative_half_width) if share and relative_half_width else None, most=most)


def _budget_share(row, relative_half_width=None):
    """% of the AJK budget, or who pays instead ("federal", "fund") for a cash scheme the AJK budget does not pay."""
    if row.get("cost_pct_total_budget") is None and row.get("cash", True) and row.get("budget") in NOT_IN_AJK_BUDGET:
        return NOT_IN_AJK_BUDGET[row["budget"]]
    share = row.get("cost_pct_total_budget")
    return _number(share, f"12.{_share_digits(share, relative_half_width, 2)}f").strip()


def _millions_format(entry):
    """Format of an amount in PKR million: one decimal, none when its interval's step is a million or more."""
    return "14,.0f" if entry and entry.get("step") and entry["step"] >= 1e6 else "14,.1f"


def _millions_half_width(entry):
    """An interval's half-width in PKR million, rounded to the interval's step."""
    return format(round(entry["half_width"] / entry["step"]) * entry["step"] / 1e6, ",.1f" if entry["step"] < 1e6 else ",.0f")


def _coverage(row, entry):
    """A scheme's coverage % and its decimals: rounded to its 95 % interval on a sample (two decimals without one)."""
    if not entry or not entry.get("step"):
        return row["coverage_pct"], 2
    return entry["estimate_rounded"], decimals(entry["step"], most=2)


def scheme_table(report) -> str:
    """Schemes by cash cost; eligible and receiving counts in the scheme's unit (households or persons). On a sample
    (``report["intervals"]["schemes"]``) counts and costs are rounded to what their 95 % intervals support, and the
    cost's half-width has a column of its own; shares follow the rounded cost."""
    precision = (report.get("intervals") or {}).get("schemes") or {}

    def shown(row, key, value, interval_key=None):
        entry = precision.get(row["scheme"], {}).get(interval_key or key)
        return entry["estimate_rounded"] if entry and entry.get("step") and value is not None else value

    def spread(row):
        entry = precision.get(row["scheme"], {}).get("annual_cost_pkr")
        if not entry or not entry.get("step"):
            return "" if entry else NOT_AVAILABLE
        return _millions_half_width(entry)
    lines = [f"Schemes, {report['period']} ({report['months']} month(s); population {report['population']['persons']:,.0f} "
             f"persons in {report['population']['households']:,.0f} households, {report['population']['source']})"
             + (f", reform {report['reform']}" if report.get("reform")
                else ", baseline: enacted and reported values only, no reform applied")
             + ("; counts and costs rounded to their 95 % intervals" if precision else ""),
             f"{'scheme':36} {'unit':9} {'eligible':>10} {'receiving':>10} {'persons':>10} {'cost PKR m/yr':>14} "
             + (f"{'+- (95 %)':>14} " if precision else "")
             + f"{'% AJK budget':>12} {'% GDP':>7} {'coverage %':>10}"]
    for row in sorted(report["schemes"], key=_cost_key):
        cost = row["annual_cost_pkr"]
        shown_cost = shown(row, "annual_cost_pkr", cost)
        factor = shown_cost / cost if cost else 1.0        # shares of a rounded cost are rounded with it
        cost_entry = precision.get(row["scheme"], {}).get("annual_cost_pkr")
        relative = cost_entry["half_width"] / cost if cost and cost_entry and cost_entry.get("step") else None
        persons = shown(row, "beneficiaries_persons", row["beneficiaries_persons"], "persons")
        coverage, coverage_digits = _coverage(row, precision.get(row["scheme"], {}).get("coverage_pct"))
        budget_share = _budget_share({**row, "cost_pct_total_budget": None if row.get("cost_pct_total_budget") is None
                                      else row["cost_pct_total_budget"] * factor}, relative)
        gdp_share = None if row["cost_pct_gdp"] is None else row["cost_pct_gdp"] * factor
        lines.append(f"{row['scheme']:36} {row['entity']:9} {shown(row, 'eligible_units', row.get('eligible_units', 0)):10,.0f} "
                     f"{shown(row, 'receiving_units', row.get('receiving_units', 0)):10,.0f} {persons:10,.0f} "
                     f"{_number(None if cost is None else shown_cost / 1e6, _millions_format(cost_entry)):>14} "
                     + (f"{spread(row) if cost is not None else NOT_AVAILABLE:>14} " if precision else "")
                     + f"{budget_share:>12} "
                     f"{_number(gdp_share, f'7.{_share_digits(gdp_share, relative, 3)}f'):>7} "
                     f"{coverage:10.{coverage_digits}f}")
    total = (report.get("intervals") or {}).get("total_cash_cost_pkr")
    if total and total.get("step"):
        lines.append(f"{'total cash cost':36} {'':9} {'':10} {'':10} {'':10} {total['estimate_rounded'] / 1e6:{_millions_format(total)}} "
                     f"{_millions_half_width(total):>14}")
    else:
        lines.append(f"{'total cash cost':36} {'':9} {'':10} {'':10} {'':10} {report['totals']['annual_cost_pkr'] / 1e6:14,.1f}")
    outside = sorted({row.get("budget") for row in report["schemes"] if row.get("cash", True)} & set(NOT_IN_AJK_BUDGET))
    if outside:
        lines.append("% AJK budget only for schemes the AJK budget pays: " + "; ".join(
            f"'{NOT_IN_AJK_BUDGET[b]}' = {BUDGET_WORDS[b]}" for b in outside))
    excluded = report["totals"].get("excluded_in_kind") or []
    if excluded:
        lines.append(f"In kind, not costed and not in the total (value ceilings, no cost basis): {', '.join(excluded)}")
    return "\n".join(lines)


def summary_table(report, interval_text=None) -> str:
    """Coverage, poverty and inequality. On a sample, ``interval_text(entry, unit=...)`` (``precision.text``) shows
    each figure rounded to its 95 % interval with the interval (``report["intervals"]["summary"]``)."""
    coverage = report["coverage"]
    precision = ((report.get("intervals") or {}).get("summary") or {}) if interval_text else {}

    def shown(path, value, pattern, unit=""):
        entry = precision
        for key in path:
            entry = entry.get(key, {}) if isinstance(entry, dict) else {}
        if entry and entry.get("step"):
            return interval_text(entry, unit=unit)
        return format(value, pattern)
    lines = ["", "Coverage (SDG 1.3.1: cash benefits or active contribution, % of each group; health care excluded)"
             + ("; 95 % intervals of the sample" if precision else "")]
    lines += [f"  {name.replace('_', ' '):62} {shown(('coverage', 'sdg_1_3_1_pct', name), value, '6.1f')}"
              for name, value in coverage["sdg_1_3_1_pct"].items()]
    lines += ["Coverage by ILO R202 guarantee (% of the target group)"]
    lines += [f"  {name.replace('_', ' '):62} {shown(('coverage', 'by_r202_guarantee_pct', name), value, '6.1f')}"
              for name, value in coverage["by_r202_guarantee_pct"].items()]
    if "health_care_pct" in coverage:
        lines.append(f"  {'health care cover, % of the population (SDG 3.8.1 side, not 1.3.1)':62} "
                     f"{shown(('coverage', 'health_care_pct'), coverage['health_care_pct'], '6.1f')}")
    if "poverty" in report:
        allp = report["poverty"]["all"]
        lines.append(f"Poverty (line Rs {report['poverty']['line_pkr_per_adult_equivalent_month']:,.0f} per adult equivalent a month)")
        if precision:
            for alpha, name in ((0, "headcount %"), (1, "poverty gap %"), (2, "severity %")):
                for when, words in (("before", "before transfers"), ("after", "after transfers")):
                    key = f"fgt{alpha}_{when}"
                    lines.append(f"  {name + ', ' + words:36} {shown(('poverty', 'all', key), allp[key], '8.2f')}")
        else:
            lines.append(f"  {'':20} {'before':>8} {'after':>8}  (transfers)")
            for alpha, name in ((0, "headcount %"), (1, "poverty gap %"), (2, "severity %")):
                lines.append(f"  {name:20} {allp[f'fgt{alpha}_before']:8.2f} {allp[f'fgt{alpha}_after']:8.2f}")
        lifted = report["poverty"]["persons_lifted_out_of_poverty"]
        lines.append(f"  persons lifted out of poverty {shown(('poverty', 'persons_lifted_out_of_poverty'), lifted, ',.0f')}")
        inequality = report["inequality"]
        lines.append(f"  Gini {shown(('inequality', 'gini_before'), inequality['gini_before'], '.4f')} before, "
                     f"{shown(('inequality', 'gini_after'), inequality['gini_after'], '.4f')} after")
    lines.append(f"Months: {report['months_computed']['note']}")
    return "\n".join(lines)


#: 95 % half-widths of a sample run, after the scheme columns: (column, key in report["intervals"]["schemes"])
HALF_WIDTH_COLUMNS = (("annual_cost_half_width_pkr", "annual_cost_pkr"), ("beneficiaries_persons_half_width", "persons"),
                      ("coverage_pct_half_width", "coverage_pct"))


def to_csv(report) -> bytes:
    """The scheme table; on a sample, the 95 % half-widths of cost, persons and coverage in columns of their own."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    precision = (report.get("intervals") or {}).get("schemes") or {}
    extra = HALF_WIDTH_COLUMNS if precision else ()
    writer.writerow(SCHEME_COLUMNS + tuple(column for column, _ in extra))
    for row in report["schemes"]:
        entry = precision.get(row["scheme"], {})
        values = [row.get(c) for c in SCHEME_COLUMNS] + [
            float(entry[key]["half_width"]) if key in entry else None for _, key in extra]
        writer.writerow([NOT_AVAILABLE if v is None else v if isinstance(v, str) else f"{v:.6g}" if isinstance(v, float) else v
                         for v in values])
    return buffer.getvalue().encode("utf-8")


@styled
def chart_png(report) -> bytes:
    rows = sorted(report["schemes"], key=_cost_key, reverse=True)
    names = [scheme_label(r["scheme"]) + ("" if r.get("cash", True) else " (in kind)") for r in rows]
    figure = new_figure((13, max(4, 0.38 * len(rows) + 1.5)))
    left, right = figure.subplots(1, 2, sharey=True)
    left.barh(names, [(r["annual_cost_pkr"] or 0.0) / 1e9 for r in rows], color=PALETTE[0])
    left.set_xlabel("annual cash cost, PKR billion (in kind: not costed)")
    right.barh(names, [r["coverage_pct"] for r in rows], color=PALETTE[2])
    right.set_xlabel("coverage, % of the population")
    figure.suptitle(f"AJK social protection by scheme, {report['period']}" + (f" ({law_label(report['reform'])})" if report.get("reform") else ""))
    figure.tight_layout()
    return png_bytes(figure)


def write_outputs(report, folder, stem="main", protected=(), settings=None, interval_text=None, appendix="") -> dict:
    """Publish the report as the output set ``<folder>/<stem>/`` (``openfisca_ajk.tools.output_sets``): JSON, CSV,
    text and PNG, a manifest with ``settings`` and the files' SHA-256, and the wall-clock timings apart, in
    ``timings.json``, so the same inputs give byte-identical result files. Nothing is replaced unless every
    file could be made (a NaN figure, for one, is refused). ``interval_text``: as ``summary_table``'s;
    ``appendix``: more text for the end of the text file (the printed precision lines and fiscal table)."""
    results = {key: value for key, value in report.items() if key != TIMINGS_KEY}
    output = OutputSet(folder, stem, settings=dict(settings or {}), protected=protected)
    names = {"json": f"{stem}.json", "csv": f"{stem}_schemes.csv", "txt": f"{stem}.txt", "png": f"{stem}_schemes.png"}
    output.add(names["json"], strict_json.dumps(results, what=names["json"], indent=1, default=float))
    output.add(names["csv"], to_csv(results))
    output.add(names["txt"], scheme_table(results) + "\n" + summary_table(results, interval_text) + "\n"
               + (appendix + "\n" if appendix else ""))
    try:
        output.add(names["png"], chart_png(results))
    except ImportError:
        names["png"] = None
    output.add_timings(report.get(TIMINGS_KEY, {}))
    paths = output.publish()
    written = {kind: (paths[name] if name else None) for kind, name in names.items()}
    written["manifest"], written["timings"] = paths[MANIFEST], paths[TIMINGS]
    return written
