"""The compliance report as one self-contained HTML page (the reports' template: no script, no external file)."""


from openfisca_ajk.enums import District
from openfisca_ajk.precision import text
from openfisca_ajk.tools.rounding import plus_minus
from openfisca_ajk.reports import Items, Paragraph, Section, Table, esc, html, render_report


def table(headers, rows, classes=None):
    """A report table of cells already escaped (``esc``) or built as HTML here."""
    return Table(tuple(headers), tuple(tuple(html(cell) for cell in row) for row in rows),
                 classes=tuple(classes) if classes else None)


def _number(value, unit):
    if value is None:
        return ""
    if isinstance(value, bool) or isinstance(value, str):
        return esc(value)
    if unit in ("rate", "share"):
        return f"{value:.1%}"
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return esc(value)


def _checks_table(checks):
    rows, classes = [], []
    for check in checks:
        kind = "" if check.kind == "computed" else " <small>(to verify in the text)</small>"
        rows.append([esc(check.label) + kind, esc(check.article), f"<b>{esc(check.verdict)}</b>",
                     _number(check.figure, check.unit), _number(check.minimum, check.unit), esc(check.why)])
        classes.append(check.verdict)
    return table(["Check", "Article", "Verdict", "Computed", "Minimum", "Why"], rows, classes)


def _wages(wages):
    """The reference wages; each sample figure rounded to its 95 % interval and given with it."""
    intervals = wages.intervals or {}

    def shown(key, value):
        entry = intervals.get(key)
        return text(entry) if entry and entry.get("step") else f"{value:,.0f}"
    rows = [[esc(name), shown(key, value)] for (name, value), key in zip(wages.rw65_values.items(), wages.rw65_keys)]
    rows.append([f"RW66, ordinary labourer (Art 66(4)-(5)): proxy {esc(wages.rw66_proxy)}", f"{wages.rw66:,.0f}"])
    rows.append(["Mean earnings of the persons whose wages define RW65", shown("mean_earnings", wages.mean_earnings)])
    return (Paragraph(f"Earnings of {wages.basis}: {shown('protected_persons', wages.protected_persons)} persons "
                      "(weighted)" + ("; 95 % intervals of the sample." if intervals else ".")),
            table(["Reference wage (PKR a month)", "Value"], rows))


def _pm(value, entry, pattern, unit=""):
    """A sample figure rounded to its 95 % interval with the half-width ('88 +- 1 %'); as it is without one."""
    if value is None:
        return ""
    if not entry or not entry.get("step"):
        return f"{format(value, pattern)}{unit}"
    return plus_minus(value, entry["step"], entry["half_width"], unit=unit)


def _r202(guarantees):
    rows, classes = [], []
    for g in guarantees:
        intervals = getattr(g, "intervals", None) or {}
        by_sex, below_by_sex = intervals.get("reached_by_sex_pct", {}), intervals.get("below_minimum_by_sex_pct", {})
        sex = ", ".join(f"{k} {_pm(v, by_sex.get(k), '.1f', ' %')}" for k, v in g.reached_by_sex_pct.items())
        below = _pm(g.below_minimum_pct, intervals.get("below_minimum_pct"), ".1f", " %")
        below_sex = ", ".join(f"{k} {_pm(v, below_by_sex.get(k), '.1f', ' %')}" for k, v in g.below_minimum_by_sex_pct.items())
        gap = _pm(g.gap_pkr_per_month, intervals.get("gap_pkr_per_month"), ",.0f")
        mean = _pm(g.mean_benefit_pct_of_line, intervals.get("mean_benefit_pct_of_line"), ".1f", " %")
        rows.append([esc(g.title), esc(", ".join(g.schemes_in_force) or "none"),
                     _pm(g.group_persons, intervals.get("group_persons"), ",.0f"),
                     f"{_pm(g.reached_pct, intervals.get('reached_pct'), '.1f', ' %')}<br><small>{esc(sex)}</small>", mean,
                     f"{below}<br><small>{esc(below_sex)}</small>", gap, f"<b>{esc(g.verdict)}</b>: {esc(g.why)}"])
        classes.append(g.verdict)
    headers = ["Guarantee", "Schemes in force", "Persons in group", "Reached", "Mean benefit of recipients "
               "(% of poverty line per adult equivalent)", "Below the poverty line after transfers",
               "Gap, PKR a month", "Verdict"]
    return table(headers, rows, classes)


BREAKDOWN_TITLES = {"district": "District", "area": "Urban or rural", "quintile": "Consumption quintile"}


def _r202_breakdowns(guarantees):
    """One section per breakdown (district, area, quintile): reach, share below the line and gap."""
    names = [name for name in BREAKDOWN_TITLES if any(name in g.breakdowns for g in guarantees)]
    blocks = []
    for name in names:
        labels = list(dict.fromkeys(label for g in guarantees for label in g.breakdowns.get(name, {})))
        headers = [BREAKDOWN_TITLES[name]]
        for g in guarantees:
            short = g.guarantee.replace("_", " ").capitalize()
            headers.append(f"{short}: reached")
            if g.gap_pkr_per_month is not None:
                headers += [f"{short}: below line", f"{short}: gap, PKR a month"]
        rows = []
        for label in labels:
            row = [esc(District[label].value if name == "district" else label.replace("_", " ").capitalize())]
            for g in guarantees:
                cell = g.breakdowns.get(name, {}).get(label)
                found = (cell or {}).get("intervals") or {}
                row.append("" if cell is None else _pm(cell["reached_pct"], found.get("reached_pct"), ".1f", " %"))
                if g.gap_pkr_per_month is not None:
                    row += ["", ""] if cell is None else [
                        _pm(cell["below_minimum_pct"], found.get("below_minimum_pct"), ".1f", " %"),
                        _pm(cell["gap_pkr_per_month"], found.get("gap_pkr_per_month"), ",.0f")]
            rows.append(row)
        blocks.append(Section(f"By {BREAKDOWN_TITLES[name].lower()}", (table(headers, rows),), level=3))
    return blocks


BREAKDOWN_NOTE = ("Reached: % of the guarantee's group (all residents for health care) reached by a scheme; below "
                  "line: % of the group below the poverty line after transfers; gap: PKR a month that would bring "
                  "the group's households to the line. Quintiles rank households by consumption before transfers "
                  "(Q1 poorest).")


def population_sentence(population):
    """The population the report ran on, in words."""
    size = population.get("size")
    scale = (f"size {size:g}" if isinstance(size, (int, float)) and size <= 1
             else f"{size:,.0f} persons requested" if size else "")
    return (f"Population: {population.get('source', 'synthetic')}, {population.get('records_persons', 0):,} person "
            f"records in {population.get('records_households', 0):,} households ({scale}; seed "
            f"{population.get('seed')}), weighted to {population.get('persons', 0):,.0f} persons in "
            f"{population.get('year')}.").replace(" (; ", " (")


def render_html(report):
    c102 = report.c102
    title = f"C102 and R202 compliance: {report.reform or 'today’s law'}, {report.date}"
    rows, classes = [], []
    for part in c102.parts:
        failing = "; ".join(f"{c.why} ({c.article})" for c in part.failing)
        rows.append([f'<a href="#part-{part.part}">Part {part.part}</a>', esc(part.title),
                     f"<b>{esc(part.verdict)}</b>", esc(failing), str(len(part.to_verify))])
        classes.append(part.verdict)
    sections = [
        Section("C102 Parts at a glance", (table(["Part", "Branch", "Verdict", "Failing checks",
                                                  "Points to verify in the text"], rows, classes),)),
        Section("Article 2 and common provisions", (_checks_table([c102.acceptance, *c102.common]),)),
        Section("Reference wages (Part XI)", _wages(c102.wages)),
    ]
    for part in c102.parts:
        blocks = [Paragraph(html(f"<small>Schemes registered for this Part: {esc(', '.join(part.schemes) or 'none')}"
                                 "</small>")), _checks_table(part.checks)]
        sections.append(Section(f"Part {part.part}: {part.title} — {part.verdict}", tuple(blocks),
                                anchor=f"part-{part.part}"))
        if part.higher_standards:
            sections.append(Section("Higher standards (reported alongside; they do not change the C102 verdict)",
                                    (_checks_table(part.higher_standards),), level=3))
    breakdowns = _r202_breakdowns(report.r202)
    r202 = [_r202(report.r202)] + ([Paragraph(BREAKDOWN_NOTE, muted=True)] if breakdowns else [])
    sections.append(Section("R202 social protection floor", tuple(r202)))
    sections += breakdowns
    notes = [*report.notes, population_sentence(report.population)]
    sections.append(Section("Notes", (Items(tuple(notes)), Paragraph(
        "Verdicts: meets, fails, not_applicable, cannot_determine. Checks marked 'to verify in the text' need the "
        "wording of the law and do not decide a Part. Thresholds: parameters/ilo/ (C102 and higher standards) and "
        "parameters/ilo/checks/ (modelling thresholds).", muted=True))))
    return render_report(title, sections, summary=report.summary)
