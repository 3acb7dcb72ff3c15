"""The plain-words summary of a reform's impact, built from the same dict the JSON holds."""

from openfisca_ajk.precision import rounded
from openfisca_ajk.precision_reports import comparison_interval_lines


def rupees(value):
    """Rs 1.23 bn / Rs 45.6 m / Rs 789 - for amounts in a sentence."""
    size = abs(value)
    if size >= 1e9:
        return f"Rs {value / 1e9:,.2f} bn"
    if size >= 1e6:
        return f"Rs {value / 1e6:,.1f} m"
    return f"Rs {value:,.0f}"


def count(value):
    return f"{value:,.0f}"


def years_after_start(scheme):
    years = scheme["years_after_start"]
    return f"{years:g} year" + ("" if years == 1 else "s")


def _rounded(impact, key, value):
    """``value`` rounded to what its 95 % interval supports (``impact["intervals"]``), when it has one."""
    entry = (impact.get("intervals") or {}).get(key)
    return rounded(value, entry["half_width"]) if entry else value


def _budget_parts(totals):
    """The AJK budget's share of a cost, and the federal budget's part apart (BISP and Bait-ul-Mal are not in the AJK budget)."""
    federal = totals.get("federal_budget_cost_change_pkr") or 0.0
    ajk = totals.get("ajk_budget_cost_change_pkr", totals["net_cost_pkr"] - federal)
    if abs(ajk) < 0.5:
        federal = totals["net_cost_pkr"]     # all of it: the rounded figure of the sentence

    def part(value):
        return f"{rupees(abs(value))} {'more' if value >= 0 else 'less'}"
    text = f"; AJK budget {part(ajk)}, {totals['net_cost_pct_total_budget']:+.2f} % of it"
    if abs(federal) >= 0.5:
        text += f"; federal budget {part(federal)}, not part of the AJK budget"
    return text


def summary_sentences(impact, period):
    """[sentence] for one reform: cost, reach, poverty, inequality, winners and losers, contributions."""
    totals, households, poverty = dict(impact["totals"]), impact["households"], dict(impact["poverty"])
    for key in ("budget_cost_change_pkr", "fund_benefits_change_pkr", "contributions_change_pkr"):
        if key in totals:
            totals[key] = _rounded(impact, key, totals[key])
    totals["net_cost_pkr"] = _rounded(impact, "budget_cost_change_pkr", totals["net_cost_pkr"])
    for key in ("persons_lifted_out", "persons_pushed_in"):
        poverty[key] = _rounded(impact, key, poverty[key])
    net = totals["net_cost_pkr"]
    verb = "costs public budgets" if net >= 0 else "saves public budgets"
    sentences = [
        f"The reform {verb} {rupees(abs(net))} a year in {period} ({abs(totals['net_cost_pct_gdp']):.3f} % of GDP"
        + _budget_parts(totals) + ")."
    ]
    if impact["contributory"]:
        sentences[0] += (
            f" The contributory fund collects {rupees(totals['contributions_change_pkr'])} of contributions a year (its "
            f"revenue, not a saving) and pays {rupees(totals['fund_benefits_change_pkr'])} of cash benefits"
            + (f", {years_after_start(impact['contributory_scheme'])} after its start." if impact.get("contributory_scheme") else "."))
    reached = households["newly_reached"] - households["no_longer_reached"]
    sentences.append(
        f"It reaches {count(abs(reached))} {'more' if reached >= 0 else 'fewer'} households with a cash benefit "
        f"({count(households['newly_reached'])} newly reached, {count(households['no_longer_reached'])} no longer reached); "
        f"{count(households['gaining'])} households gain and {count(households['losing'])} lose.")
    lifted = poverty["net_persons_lifted_out"]
    everyone = poverty["by_group"]["all"]
    sentence = (f"It lifts {count(poverty['persons_lifted_out'])} people out of poverty"
                + (f" and pushes {count(poverty['persons_pushed_in'])} into it" if poverty["persons_pushed_in"] else "")
                + f"; the poverty headcount goes from {everyone['fgt0_before_pct']:.2f} % to {everyone['fgt0_after_pct']:.2f} %")
    if poverty["cost_per_person_lifted_pkr"] is not None and lifted > 0 and net > 0:
        sentence += f", at {rupees(poverty['cost_per_person_lifted_pkr'])} a year per person lifted out"
    sentences.append(sentence + ".")
    for group, words in (("children", "children"), ("older_persons", "older persons"), ("women", "women"),
                         ("persons_with_disabilities", "persons with disabilities")):
        row = poverty["by_group"].get(group)
        if row and abs(row["fgt0_change_pp"]) >= 0.005:
            sentences.append(f"Poverty among {words}: {row['fgt0_before_pct']:.2f} % to {row['fgt0_after_pct']:.2f} %.")
    inequality = impact["inequality"]
    sentences.append(f"The Gini index moves from {inequality['gini_before']:.4f} to {inequality['gini_after']:.4f}.")
    bands = impact["winners_losers_pct"]["all"]
    sentences.append(
        f"{bands['gain_more_than_5pct'] + bands['gain_less_than_5pct']:.1f} % of people gain "
        f"({bands['gain_more_than_5pct']:.1f} % by more than 5 %), {bands['no_change']:.1f} % see no change and "
        f"{bands['lose_less_than_5pct'] + bands['lose_more_than_5pct']:.1f} % lose.")
    if impact["contributory"]:
        block = impact["contributions"]

        def to_interval(key, value):   # rounded as the contributions' (or the fund's benefits') interval allows
            return _rounded(impact, key, value or 0.0)
        sentences.append(
            f"Contributions collected: {rupees(to_interval('contributions_change_pkr', block['collected_after_pkr']))} a "
            f"year (insured persons {rupees(to_interval('contributions_change_pkr', block['employee_after_pkr']))}, "
            f"employers {rupees(to_interval('contributions_change_pkr', block['employer_after_pkr']))}), against "
            f"{rupees(to_interval('fund_benefits_change_pkr', block['social_insurance_benefits_after_pkr']))} of cash "
            "benefits paid by the fund.")
    sentences += comparison_interval_lines(impact.get("intervals"))
    return sentences
