"""The compliance report: C102 Parts II-X and R202 guarantees for a system, date and population.

    report = compliance_report("draft_social_security_act", date="2027-06", size=20_000)
    paths = write_compliance_report(report, "output/compliance")     # compliance.html, compliance.json

The plain-language summary comes first in both files.
"""

from dataclasses import dataclass

from openfisca_ajk.compliance.c102 import assess_c102
from openfisca_ajk.compliance.context import DEFAULT_DATE, DEFAULT_SEED, DEFAULT_SIZE, build_context
from openfisca_ajk.compliance.r202 import check_r202
from openfisca_ajk.contributory import scheme_start, with_contribution_record, without_record
from openfisca_ajk.contributory.record import years_after_start_label
from openfisca_ajk.compliance.compliance_page import render_html
from openfisca_ajk.engine.run import run_population
from openfisca_ajk.tools.rounding import decimals
from openfisca_ajk.precision_reports import interval_suffix, rounded_value
from openfisca_ajk.tools.files import atomic_write, atomic_write_json


@dataclass
class ComplianceReport:
    reform: str
    date: str
    population: dict
    c102: object
    r202: list
    notes: list
    c102_basis: str = ""     # "the design at maturity" when a contributory scheme is assessed
    r202_basis: str = ""     # "the scheme 2.4 years after its start", as main runs the month

    @property
    def summary(self):
        c102 = f"C102, {self.c102_basis}: {self.c102.summary}" if self.c102_basis else self.c102.summary
        r202 = r202_summary(self.r202)
        if self.r202_basis:
            r202 = f"R202 ({self.r202_basis}){r202[len('R202'):]}"
        return f"{c102} {r202}"

    def as_dict(self):
        return {"summary": self.summary, "reform": self.reform or "today's law", "date": self.date,
                "population": self.population, "c102": self.c102.as_dict(),
                "r202": [g.as_dict() for g in self.r202], "notes": list(self.notes)}


def _digits(entry):
    """Decimals a percentage's interval supports (1 without an interval)."""
    return decimals(entry["step"]) if entry and entry.get("step") else 1


def r202_summary(guarantees):
    gaps = [g for g in guarantees if g.verdict == "gap"]
    if not gaps:
        return "R202: every guarantee reaches its whole group above the poverty line."
    parts = []
    for g in gaps:
        intervals = getattr(g, "intervals", None) or {}
        reached = intervals.get("reached_pct")
        not_reached = 100 - (rounded_value(g.reached_pct, reached) if reached else g.reached_pct)
        text = f"{g.guarantee.replace('_', ' ')}: {not_reached:.{_digits(reached)}f} % not reached"
        if reached and reached.get("step"):   # the interval of the share not reached: 100 - that of the share reached
            text += interval_suffix({**reached, "low": 100 - reached["high"], "high": min(100 - reached["low"], 100.0)},
                                    unit=" %")
        if g.below_minimum_pct is not None:
            below = intervals.get("below_minimum_pct")
            text += (f", {rounded_value(g.below_minimum_pct, below) if below else g.below_minimum_pct:.{_digits(below)}f} % "
                     f"below the poverty line{interval_suffix(below, unit=' %')}")
        parts.append(text)
    return "R202 gaps: " + "; ".join(parts) + "." + district_sentence(gaps)


def district_sentence(guarantees):
    """One sentence naming, per guarantee with a gap, the district where the gap is largest ("" if none)."""
    parts = []
    for g in guarantees:
        worst = g.largest_gap_district
        if not worst:
            continue
        intervals = worst.get("intervals") or {}
        if "gap_pkr_per_month" in worst:
            gap_entry, below_entry = intervals.get("gap_pkr_per_month"), intervals.get("below_minimum_pct")
            if gap_entry and gap_entry.get("step"):
                gap = f"{rounded_value(worst['gap_pkr_per_month'], gap_entry):,.0f} PKR a month{interval_suffix(gap_entry)}"
            else:   # two significant figures, no more
                gap = f"about {float(format(worst['gap_pkr_per_month'], '.2g')):,.0f} PKR a month"
            below = worst["below_minimum_pct"]
            below_text = (f"{rounded_value(below, below_entry):.{_digits(below_entry)}f} %{interval_suffix(below_entry, unit=' %')}"
                          if below_entry and below_entry.get("step") else f"{below:.0f} %")
            detail = f"{gap}, with {below_text} below the line"
        else:
            reached = intervals.get("reached_pct")
            if reached and reached.get("step"):
                detail = (f"{100 - rounded_value(100 - worst['not_reached_pct'], reached):.{_digits(reached)}f} % not reached"
                          + interval_suffix({**reached, "low": 100 - reached["high"],
                                             "high": min(100 - reached["low"], 100.0)}, unit=" %"))
            else:
                detail = f"{worst['not_reached_pct']:.1f} % not reached"
        parts.append(f"{g.guarantee.replace('_', ' ')} in {worst['label']}, {detail}")
    return " Largest gap by district: " + "; ".join(parts) + "." if parts else ""


def compliance_report(reform=None, date=DEFAULT_DATE, size=DEFAULT_SIZE, seed=DEFAULT_SEED, population=None,
                      progress=None):
    say = progress or (lambda message: None)
    say("building the population and the simulation")
    context = build_context(reform, date, population, size, seed)
    say("C102 Parts II-X")
    c102 = assess_c102(context=context)
    say("R202 guarantees (population run)")
    # Who is reached in the month is a fact of that month: the contributory scheme as it stands then (its record,
    # registration and density from its start), as main, compare and the matrix run it; C102 judges the design
    # at maturity. A population given with its own record keeps it.
    given_record = population is not None and "ss_contribution_months" in population.person
    current = context.population if given_record else without_record(context.population)
    current, record = with_contribution_record(context.system, current, str(context.month))
    run = run_population(context.system, current, str(context.month))
    r202 = check_r202(context, run)
    notes = list(context.notes)
    if record is not None:
        notes.append(f"R202 guarantees are measured on the scheme as it stands in {context.month}, as main runs it: "
                     + record.note())
    population_info = {"source": context.population.source, "records_persons": context.population.n_persons,
                       "records_households": context.population.n_households,
                       "persons": float(context.weights.sum()), "year": context.population.year,
                       "size": size, "seed": seed}
    start = scheme_start(context.system)
    c102_basis = r202_basis = ""
    if start is not None and not given_record:
        c102_basis = "the design at maturity"
        r202_basis = (f"the scheme {years_after_start_label(record)}, as main runs {context.month}" if record is not None
                      else f"{context.month}, before the scheme's start on {start}")
    return ComplianceReport(context.reform, str(context.month), population_info, c102, r202, notes, c102_basis, r202_basis)


def write_compliance_report(report, output, stem="compliance"):
    """Write ``<stem>.json`` and ``<stem>.html`` in ``output`` (atomically); return the two paths."""
    from pathlib import Path

    output = Path(output)
    json_path = atomic_write_json(output / f"{stem}.json", report.as_dict())
    html_path = atomic_write(output / f"{stem}.html", render_html(report))
    return json_path, html_path
