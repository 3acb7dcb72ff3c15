"""The act rendered with its values and, under each clause, what it computes (Markdown and HTML).

``build_rendering(bound, assessment, other=None)`` gathers, clause by clause, the text with the reform's
values and its consequences; with ``other`` (a second reform bound to the same documents) each clause
also carries the other reform's text and consequences and a sentence saying what the change does.
``to_markdown`` and ``to_html`` write the same content; the HTML page is the reports' page (one stylesheet,
no script, no external file) and links every parameter and variable to the catalogue.
"""

import html
from dataclasses import dataclass, field

from openfisca_ajk.act.consequences import clause_consequences, shortfall
import re

from openfisca_ajk.act.document import CLAUSE_START, COMMENCEMENT, REFERENCE
from openfisca_ajk.tools.rounding import decimals, round_to, step_of
from openfisca_ajk.reports import render_page

PERCENT = 100
BILLION = 1e9
MILLION = 1e6


@dataclass
class Side:
    """One reform's view of a clause."""

    text: str            # plain text with values
    values: dict         # reference source -> written value
    consequence: object


@dataclass
class ClauseView:
    citation: str
    anchor: str
    template: str
    parameters: list
    has_number: bool
    main: Side
    other: Side | None = None

    @property
    def text_changed(self):
        return self.other is not None and self.other.text != self.main.text


@dataclass
class Rendering:
    title: str
    reform: str
    label: str
    date: str
    assessment: object
    documents: list                     # [(document title, [(part heading, [(section heading, [ClauseView])])])]
    catalogue: str
    other_reform: str | None = None
    other_label: str | None = None
    other_assessment: object = None
    notes: list = field(default_factory=list)


def _side(bound, clause, assessment):
    values = {r.source: bound.written(r) for r in clause.references}
    text = REFERENCE.sub(lambda m: values.get(m.group(0), m.group(0)), clause.text)
    return Side(text, values, clause_consequences(clause, assessment))


def build_rendering(bound, assessment, other=None, other_assessment=None, catalogue="../catalogue"):
    documents = []
    for document in bound.documents:
        parts = []
        for part in document.parts:
            sections = []
            for section in part.sections:
                views = []
                for clause in section.clauses:
                    citation = document.citation(clause)
                    view = ClauseView(citation, f"{document.path.stem}-{clause.id}".replace("(", "-").replace(")", ""),
                                      clause.text, clause.parameters, bool(clause.references),
                                      _side(bound, clause, assessment))
                    if other is not None:
                        view.other = _side(other, clause, other_assessment)
                    views.append(view)
                sections.append((f"{section.number}. {section.title}", views))
            parts.append((f"Part {part.numeral}. {part.title}", sections))
        documents.append((document.title, document.preamble, parts))
    return Rendering(bound.documents[0].title, bound.reform, bound.spec.label, str(assessment.date), assessment,
                     documents, catalogue.rstrip("/"), other.reform if other else None,
                     other.spec.label if other else None, other_assessment)


# ---------------------------------------------------------------- words shared by both formats

def money(value):
    if abs(value) >= BILLION:
        return f"Rs {value / BILLION:,.2f} bn"
    if abs(value) >= MILLION:
        return f"Rs {value / MILLION:,.1f} m"
    return f"Rs {value:,.0f}"


def rounded_money(value, step):
    """``money`` of ``value`` rounded to ``step``, with the decimals the step supports."""
    value = round_to(value, step)
    for size, suffix in ((BILLION, " bn"), (MILLION, " m"), (1.0, "")):
        if abs(value) >= size or size == 1.0:
            return f"Rs {value / size:,.{decimals(step, size)}f}{suffix}"


def _step(low, high):
    """The rounding step a 95 % interval supports (None without one)."""
    return None if low is None or high is None else step_of((high - low) / 2)


def figure_text(figure):
    if figure is None:
        return "not computed"
    step = _step(figure.low, figure.high)
    if figure.unit == "share of insurable wages":
        if step is None:
            return f"{figure.value * PERCENT:.2f} % of insurable wages (a projection)"
        digits = decimals(step, 1 / PERCENT)
        shown = [f"{round_to(v, step) * PERCENT:.{digits}f} %" for v in (figure.value, figure.low, figure.high)]
        return (f"{shown[0]} of insurable wages (95 % interval {shown[1]} to {shown[2]}, the sampling of the insured "
                "base; the assumptions' risk is in the valuation's sensitivity runs)")
    if figure.value == 0:
        return "no case in the synthetic population in the month (not estimated)"
    money_unit = figure.unit.startswith("PKR")
    unit = " a year" if money_unit else f" {figure.unit}"
    if step is None:
        return f"{money(figure.value) if money_unit else f'{figure.value:,.0f}'}{unit}"

    def show(value):
        return rounded_money(value, step) if money_unit else f"{round_to(value, step):,.0f}"
    return f"{show(figure.value)}{unit} (95 % interval {show(figure.low)} to {show(figure.high)})"


def grouped_checks(check_ids, checks):
    """[(articles, label, [checks])]: checks with the same label and verdict (coverage in every Part) on one line."""
    groups = {}
    for check_id in check_ids:
        check = checks[check_id]
        groups.setdefault((check.label, shortfall(check)), []).append(check)
    return [(", ".join(c.article for c in members), label, members) for (label, _), members in groups.items()]


def grouped_text(articles, label, members):
    verdict = shortfall(members[0])
    why = members[0].why.replace("to verify in the text of the law: ", "")
    parts = f" in {len(members)} Parts" if len(members) > 1 else ""
    example = "e.g. " if len(members) > 1 else ""
    return f"{articles}, {label}: {verdict}{parts} ({example}{why})"


def beneficiary_text(item):
    """The standard beneficiary at the reference wage: on a sample the wage is an estimate, so the wage and the
    benefit it gives are rounded to the wage's 95 % interval (the replacement rate is the law's at that wage)."""
    entry = item.wage_interval
    step = _step(entry.get("low"), entry.get("high")) if entry else None
    if step is None:
        return (f"Part {item.part}, {item.case}: {money(item.benefit)} a month on a wage of {money(item.wage)}, "
                f"replacement rate {item.rate * PERCENT:.1f} %")
    benefit_step = step_of(item.benefit * (entry["high"] - entry["low"]) / 2 / item.wage) if item.wage and item.benefit else None
    benefit = rounded_money(item.benefit, benefit_step) if benefit_step else money(item.benefit)
    return (f"Part {item.part}, {item.case}: {benefit} a month on a wage of {rounded_money(item.wage, step)} (the "
            f"reference wage, 95 % interval {rounded_money(entry['low'], step)} to {rounded_money(entry['high'], step)}), "
            f"replacement rate {item.rate * PERCENT:.1f} %")


def change_sentence(view, rendering):
    """'Raising section 9(3) from 1.5 % to 2 % moves the old age replacement rate from 45.0 % to 60.0 % ...'.

    The change goes from the reform compared with (``other``) to the reform rendered (``main``).
    """
    if view.other is None:
        return ""
    before_side, after_side = view.other, view.main
    changes = [(source, before_side.values.get(source), after_side.values[source]) for source in after_side.values
               if after_side.values[source] != before_side.values.get(source)]
    if not changes:
        return ""
    moves = []
    old = {(b.part, b.case): b for b in before_side.consequence.beneficiaries}
    for item in after_side.consequence.beneficiaries:
        before = old.get((item.part, item.case))
        if before and abs(before.rate - item.rate) > 5e-4:
            moves.append(f"the {item.case} replacement rate from {before.rate * PERCENT:.1f} % to "
                         f"{item.rate * PERCENT:.1f} %")
    before_checks, after_checks = rendering.other_assessment.checks, rendering.assessment.checks
    for check_id in after_side.consequence.check_ids:
        if check_id in before_checks and before_checks[check_id].verdict != after_checks[check_id].verdict:
            moves.append(f"{after_checks[check_id].article} ({check_id}) from {shortfall(before_checks[check_id])} "
                         f"to {shortfall(after_checks[check_id])}")
    for key in after_side.consequence.figure_keys:
        a, b = rendering.other_assessment.figures.get(key), rendering.assessment.figures.get(key)
        if a and b and (a.value or b.value) and abs(a.value - b.value) > 1e-6 * max(abs(a.value), 1):
            moves.append(f"{a.label.split(' (')[0].lower()} from {figure_text(a).split(' (')[0]} to {figure_text(b).split(' (')[0]}")
    def what(source):
        if len(changes) == 1:
            return view.citation
        path = REFERENCE.match(source).group(1).split("|")[0].split("=")[0].strip()
        return f"{view.citation} ({path.removeprefix('ajk.social_security.')})"

    edits = "; ".join(f"{_verb(before, after)} {what(source)} from {before} to {after}"
                      for source, before, after in changes)
    return edits[0].upper() + edits[1:] + (" moves " + ", ".join(moves) if moves else
                                           " changes no computed consequence") + "."


def _verb(before, after):
    try:
        a = float(before.replace("Rs", "").replace("%", "").replace(",", "").strip())
        b = float(after.replace("Rs", "").replace("%", "").replace(",", "").strip())
    except ValueError:
        return "changing"
    return "raising" if b > a else "lowering"


def no_consequence_text(view, rendering):
    if view.parameters:
        return ("No C102 check and no population figure computed here depend on this number (an "
                "administrative rule or a benefit the population does not model).")
    return f"The reform's values take effect on this date; the consequences shown under each clause are assessed in {rendering.date}."


def summary_lines(rendering):
    lines = [f"C102 ({rendering.reform}): {rendering.assessment.c102.summary}"]
    if rendering.other_reform:
        lines.append(f"C102 ({rendering.other_reform}): {rendering.other_assessment.c102.summary}")
        main, other = rendering.assessment.checks, rendering.other_assessment.checks
        flipped = [f"{main[i].article} ({i}): {shortfall(main[i])} -> {shortfall(other[i])}"
                   for i in main if i in other and main[i].verdict != other[i].verdict]
        lines.append("Checks whose verdict differs: " + ("; ".join(flipped) if flipped else "none") + ".")
    lines.append(rendering.assessment.estimate_note)
    return lines


# ---------------------------------------------------------------- Markdown

def _markdown_consequences(view, side, rendering, assessment):
    consequence = side.consequence
    if consequence.empty:
        return [f"> {no_consequence_text(view, rendering)}"]
    lines = []
    for item in consequence.beneficiaries:
        lines.append(f"> - Standard beneficiary: {beneficiary_text(item)}")
    for articles, label, members in grouped_checks(consequence.check_ids, assessment.checks):
        lines.append(f"> - C102 {grouped_text(articles, label, members)}")
    for key in consequence.figure_keys:
        figure = assessment.figures[key]
        lines.append(f"> - Estimate: {figure.label}: {figure_text(figure)}")
    links = ", ".join(f"[{p}]({rendering.catalogue}/parameters/{p}.html)" for p in view.parameters)
    if links:
        lines.append(f"> - Parameters: {links}")
    return lines


def to_markdown(rendering):
    out = [f"# {rendering.title}", "", f"Reform `{rendering.reform}` ({rendering.label}), values and consequences "
           f"in {rendering.date}."]
    if rendering.other_reform:
        out.append(f"Compared with `{rendering.other_reform}` ({rendering.other_label}): the same text with its "
                   "values; each changed clause shows both.")
    out += [""] + [f"- {line}" for line in summary_lines(rendering)] + [""]
    for title, preamble, parts in rendering.documents:
        if title != rendering.title:
            out += [f"# {title}", ""]
        if preamble:
            out += [preamble, ""]
        for part_heading, sections in parts:
            out += [f"## {part_heading}", ""]
            for section_heading, views in sections:
                out += [f"### {section_heading}", ""]
                for view in views:
                    out += [view.main.text, ""]
                    if not view.has_number:
                        continue
                    if view.text_changed:
                        out += [f"**{view.citation} under `{rendering.other_reform}` (compared with):** {view.other.text}", "",
                                f"> **{change_sentence(view, rendering)}**", ">"]
                    out += _markdown_consequences(view, view.main, rendering, rendering.assessment) + [""]
                    if view.text_changed:
                        out += [f"> Under `{rendering.other_reform}`:"]
                        out += _markdown_consequences(view, view.other, rendering, rendering.other_assessment) + [""]
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------- HTML

def _esc(text):
    return html.escape(str(text), quote=True)


def _value_html(path, value, rendering):
    if path == COMMENCEMENT:
        return f'<span class="value">{_esc(value)}</span>'
    return (f'<a class="value" href="{_esc(rendering.catalogue)}/parameters/{_esc(path)}.html" '
            f'title="{_esc(path)}">{_esc(value)}</a>')


def _html_text(view, side, rendering, before_side=None):
    """The clause text with values linked to the catalogue; in a comparison, values that differ from
    ``before_side`` (the reform compared with) show the earlier value struck through."""
    pieces, last = [], 0
    for match in REFERENCE.finditer(view.template):
        pieces.append(_esc(view.template[last:match.start()]))
        source = match.group(0)
        value = side.values.get(source, source)
        path = match.group(1).split("|")[0].split("=")[0].strip()
        cell = _value_html(path, value, rendering)
        if before_side is not None and before_side.values.get(source) != value:
            cell = f"<del>{_esc(before_side.values.get(source))}</del> <ins>{cell}</ins>"
        pieces.append(cell)
        last = match.end()
    pieces.append(_esc(view.template[last:]))
    return CLAUSE_START.sub("", "".join(pieces), count=1).replace("\n\n", "<br><br>").replace("\n", " ")


def _code(text):
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", _esc(text))


def _verdict_class(text):
    if text.startswith("meets"):
        return "meets"
    if text.startswith("falls short"):
        return "fails"
    return "verify"


def _html_consequences(view, side, rendering, assessment, heading=""):
    consequence = side.consequence
    if consequence.empty:
        return f'<div class="consequence">{heading}{_esc(no_consequence_text(view, rendering))}</div>'
    items = []
    for item in consequence.beneficiaries:
        variable = (f' (<a href="{_esc(rendering.catalogue)}/variables/{_esc(item.variable)}.html">'
                    f'{_esc(item.variable)}</a>)' if item.variable else "")
        items.append(f"<li>Standard beneficiary{variable}: {_esc(beneficiary_text(item))}</li>")
    for articles, label, members in grouped_checks(consequence.check_ids, assessment.checks):
        verdict = shortfall(members[0])
        text = grouped_text(articles, label, members)
        rest = text[len(f"{articles}, {label}: {verdict}"):]
        items.append(f'<li>C102 {_esc(articles)}, {_esc(label)}: <span class="{_verdict_class(verdict)}">'
                     f'{_esc(verdict)}</span>{_esc(rest)}</li>')
    for key in consequence.figure_keys:
        figure = assessment.figures[key]
        link = (f' (<a href="{_esc(rendering.catalogue)}/variables/{_esc(figure.variable)}.html">'
                f'{_esc(figure.variable)}</a>)' if figure.variable else "")
        items.append(f"<li>Estimate: {_esc(figure.label)}{link}: {_esc(figure_text(figure))}</li>")
    return f'<div class="consequence">{heading}<ul>{"".join(items)}</ul></div>'


def to_html(rendering):
    body = [f"<p>Reform <code>{_esc(rendering.reform)}</code> ({_esc(rendering.label)}): values and consequences in "
            f"{_esc(rendering.date)}. Each value links to its parameter in the catalogue.</p>"]
    if rendering.other_reform:
        body.append(f"<p>Compared with <code>{_esc(rendering.other_reform)}</code> ({_esc(rendering.other_label)}): "
                    "the same text; where a value differs, the <del>struck</del> value is the one compared with and the "
                    "<ins>highlighted</ins> one this reform's.</p>")
    body.append('<div class="summary"><ul>' + "".join(f"<li>{_esc(line)}</li>" for line in summary_lines(rendering))
                + "</ul></div>")
    for title_text, preamble, parts in rendering.documents:
        if title_text != rendering.title:
            body.append(f"<h1>{_esc(title_text)}</h1>")
        if preamble:
            body += [f"<p>{_code(paragraph)}</p>" for paragraph in preamble.split("\n\n")]
        for part_heading, sections in parts:
            body.append(f"<h2>{_esc(part_heading)}</h2>")
            for section_heading, views in sections:
                body.append(f"<h3>{_esc(section_heading)}</h3>")
                for view in views:
                    other = view.other if view.text_changed else None
                    body.append(f'<div class="clause" id="{_esc(view.anchor)}"><span class="cite">'
                                f'{_esc(view.citation)}</span> {_html_text(view, view.main, rendering, other)}</div>')
                    if not view.has_number:
                        continue
                    if view.text_changed:
                        body.append(f'<p class="change">{_esc(change_sentence(view, rendering))}</p>')
                    body.append(_html_consequences(view, view.main, rendering, rendering.assessment,
                                                   f'<span class="side">Under {_esc(rendering.reform)}:</span>'
                                                   if view.text_changed else ""))
                    if view.text_changed:
                        body.append(_html_consequences(view, view.other, rendering, rendering.other_assessment,
                                                       f'<span class="side">Under {_esc(rendering.other_reform)}:'
                                                       "</span>"))
    return render_page(rendering.title, "\n".join(body))
