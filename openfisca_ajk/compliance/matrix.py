"""The life-cycle legal and implementation matrix (roadmap 2.1), generated from the registry and a run.

Rows: every contingency of the registry, in life-cycle order (childhood, working age, old age; a
contingency not in the known order is listed last, never dropped), each with every scheme that covers
it: status under the system (in force, draft in force under the reform, draft), legal instrument, C102
Parts, R202 guarantees, computed recipients, coverage and annual cost (``build_report``), and for
social insurance the persons protected (insured). Nothing is typed by hand.
"""


import numpy

from openfisca_ajk.contributory import with_contribution_record, without_record
from openfisca_ajk.compliance.context import DEFAULT_SEED, DEFAULT_SIZE, build_context
from openfisca_ajk.compliance.r202 import _in_force
from openfisca_ajk.engine.aggregates import build_report
from openfisca_ajk.engine.run import run_population
from openfisca_ajk.precision import interval
from openfisca_ajk.tools.rounding import plus_minus
from openfisca_ajk.precision_reports import person_share_interval, run_intervals
from openfisca_ajk.reports import Items, Table, esc, html, md_table, render_report
from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.tools.files import atomic_write, atomic_write_json

LIFE_CYCLE = (
    ("childhood", ("children", "orphanhood", "family_responsibilities")),
    ("working age", ("maternity", "medical_care", "sickness", "unemployment", "employment_injury", "disability",
                     "poverty", "family_events", "widowhood", "survivors")),
    ("old age", ("old_age",)),
)
HEADERS = ["Stage", "Contingency", "Scheme", "Kind", "Status", "Legal instrument", "C102 Parts", "R202 guarantees",
           "Persons protected (insured)", "Recipients (persons)", "Coverage of population", "Annual cost (PKR m)"]
SAMPLE_NOTE = "Sample estimates are rounded to their 95 % intervals and given with the half-width (a +- b)."


def contingency_order(schemes):
    known = [(stage, c) for stage, contingencies in LIFE_CYCLE for c in contingencies]
    present = {c for s in schemes for c in s.contingencies}
    ordered = [(stage, c) for stage, c in known if c in present]
    ordered += [("other", c) for c in sorted(present - {c for _, c in known})]
    return ordered


def status_of(system, scheme, month, reform):
    if scheme.status == "in_force":
        return "in force"
    if _in_force(system, scheme, month.start):
        return f"draft, in force under {reform}" if reform else "draft, in force"
    return "draft (not in force)"


def build_matrix(reform=None, year=2027, size=DEFAULT_SIZE, seed=DEFAULT_SEED, population=None, catalogue=None):
    """The matrix as a dict (rows + metadata). ``catalogue``: relative path of the catalogue site, for links."""
    context = build_context(reform, f"{int(year)}-06", population, size, seed)
    # Recipients and cost: the scheme as it stands in the year (its record from its start), as main and compare
    # give them; the C102 verdicts elsewhere assess it at maturity.
    given_record = population is not None and "ss_contribution_months" in population.person
    current = context.population if given_record else without_record(context.population)
    current, record = with_contribution_record(context.system, current, str(int(year)))
    run = run_population(context.system, current, str(int(year)))
    report = build_report(context.system, run)
    by_scheme = {row["scheme"]: row for row in report["schemes"]}
    insured = float((context.weights * context.person["ss_insured"]).sum())
    # sample estimates: each with its 95 % interval ({} on the full population)
    precision = run_intervals(context.system, run).get("schemes", {})
    insured_interval = person_share_interval(context.population, context.weights, context.person["ss_insured"])
    population_total = float(context.weights.sum())
    schemes = load_schemes()
    rows = []
    for stage, contingency in contingency_order(schemes):
        for scheme in (s for s in schemes if contingency in s.contingencies):
            computed = by_scheme.get(scheme.name, {})
            status = status_of(context.system, scheme, context.month, context.reform)
            protected = insured if scheme.kind == "social_insurance" and status != "draft (not in force)" else None
            rows.append({
                "stage": stage, "contingency": contingency, "scheme": scheme.name, "label": scheme.label,
                "kind": scheme.kind, "status": status, "legal_instrument": scheme.legal_instrument,
                "c102_parts": list(scheme.c102_parts), "r202_guarantees": list(scheme.r202_guarantees),
                "persons_protected": protected, "recipients_persons": computed.get("beneficiaries_persons"),
                "coverage_pct": computed.get("coverage_pct"), "annual_cost_pkr": computed.get("annual_cost_pkr"),
                "intervals": _row_intervals(precision.get(scheme.name), insured_interval if protected is not None else None,
                                            population_total),
                "catalogue_page": f"{catalogue.rstrip('/')}/schemes/{scheme.name}.html" if catalogue else None,
            })
    return {"reform": context.reform or "today's law", "year": int(year), "population": {
        "records_persons": context.population.n_persons, "persons": float(context.weights.sum()),
        "size": size, "seed": seed}, "notes": list(context.notes) + [
        "Recipients, coverage and cost: openfisca_ajk.engine (run_population, build_report) over the year; "
        "persons protected: ss_insured at June of the year."] + ([record.note()] if record else [])
        + ([SAMPLE_NOTE] if precision else []), "rows": rows}


def _row_intervals(scheme_entry, insured_share, population_total):
    """{column: 95 % interval} of a matrix row's sample figures (recipients, coverage, cost, persons protected)."""
    out = {}
    if scheme_entry:
        out["recipients_persons"] = scheme_entry["persons"]
        if "annual_cost_pkr" in scheme_entry:        # in kind: counted, never costed
            out["annual_cost_pkr"] = scheme_entry["annual_cost_pkr"]
        out["coverage_pct"] = scheme_entry["coverage_pct"]
    if insured_share:
        out["persons_protected"] = interval(insured_share["estimate"] * population_total,
                                            insured_share["half_width"] * population_total, floor=0.0)
    return out


def _cells(row):
    intervals = row.get("intervals") or {}

    def number(key, pattern="{:,.0f}", scale=1.0):
        value = row[key]
        if value is None or (isinstance(value, float) and numpy.isnan(value)):
            return ""
        entry = intervals.get(key)
        if entry and entry.get("step"):
            return plus_minus(value, entry["step"], entry["half_width"], scale, " %" if key == "coverage_pct" else "")
        return pattern.format(value / scale)
    return [row["stage"], row["contingency"].replace("_", " "), row["label"], row["kind"].replace("_", " "),
            row["status"], row["legal_instrument"]["title"], ", ".join(row["c102_parts"]) or "-",
            ", ".join(g.replace("_", " ") for g in row["r202_guarantees"]) or "-", number("persons_protected"),
            number("recipients_persons"), number("coverage_pct", "{:.1f} %"), number("annual_cost_pkr", "{:,.1f}", 1e6)]


def render_markdown(matrix):
    lines = [f"# Life-cycle legal and implementation matrix: {matrix['reform']}, {matrix['year']}", ""]
    lines.append(md_table(HEADERS, [_cells(r) for r in matrix["rows"]]))
    lines += ["", *[f"- {note}" for note in matrix["notes"]], ""]
    return "\n".join(lines)


def render_html(matrix):
    rows = []
    for row in matrix["rows"]:
        cells = list(_cells(row))
        label = esc(row["label"])
        cells[2] = html(f'<a href="{esc(row["catalogue_page"])}">{label}</a>' if row["catalogue_page"] else label)
        cells[5] = html(f'<a href="{esc(row["legal_instrument"]["href"])}">{esc(cells[5])}</a>')
        cells[4] = html(esc(cells[4]).replace("_", "_<wbr>"))     # a reform's file name may break at its underscores
        for column in range(8, len(cells)):     # an estimate above its half-width: the table fits the page
            if " +- " in str(cells[column]):
                estimate, half = str(cells[column]).split(" +- ", 1)
                cells[column] = html(f"{esc(estimate)}<br>+-&nbsp;{esc(half)}")
        rows.append(tuple(cells))
    classes = ["meets" if r["status"].startswith("draft, in force") else
               ("not_applicable" if r["status"].startswith("draft") else "") for r in matrix["rows"]]
    title = f"Life-cycle legal and implementation matrix: {matrix['reform']}, {matrix['year']}"
    return render_report(title, (), intro=(Table(tuple(HEADERS), tuple(rows), numeric_from=8, classes=tuple(classes)),
                                           Items(tuple(matrix["notes"]))))


def write_matrix(matrix, output, stem="matrix"):
    from pathlib import Path

    output = Path(output)
    return (atomic_write_json(output / f"{stem}.json", matrix), atomic_write(output / f"{stem}.md", render_markdown(matrix)),
            atomic_write(output / f"{stem}.html", render_html(matrix)))
