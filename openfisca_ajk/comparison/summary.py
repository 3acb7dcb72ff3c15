"""The plain-words summary of a reform's impact, built from the same dict the JSON holds."""

from openfisca_ajk.precision import rounded, text
from openfisca_ajk.tools.rounding import decimals, round_to
from openfisca_ajk.precision_reports import comparison_interval_lines


def rupees(value, step=None):
    """Rs 1.23 bn / Rs 45.6 m / Rs 789 - for amounts in a sentence; with ``step`` (the rounding step of the
    amount's 95 % interval) no decimal beyond it: Rs 7.7 bn, not Rs 7.70 bn."""
    size = abs(value)
    for unit, suffix, most in ((1e9, " bn", 2), (1e6, " m", 1), (1.0, "", 0)):
        if size >= unit or unit == 1.0:
            return f"Rs {value / unit:,.{decimals(step and step / unit, most=most)}f}{suffix}"


def count(value):
    return f"{value:,.0f}"


def years_after_start(scheme):
    years = scheme["years_after_start"]
    return f"{years:g} year" + ("" if years == 1 else "s")


def _rounded(impact, key, value):
    """``value`` rounded to what its 95 % interval supports (``impact["intervals"]``), when it has one."""
    entry = (impact.get("intervals") or {}).get(key)
    return rounded(value, entry["half_width"]) if entry else value


def _step(impact, key):
    """The rounding step of a figure's 95 % interval (None off a sample)."""
    entry = (impact.get("intervals") or {}).get(key)
    return entry.get("step") if entry else None


def _budget_parts(totals):
    """The AJK budget's share of a cost, and the federal budget's part apart (BISP and Bait-ul-Mal are not in the AJK budget)."""
    federal = totals.get("federal_budget_cost_change_pkr") or 0.0
    ajk = totals.get("ajk_budget_cost_change_pkr", totals["net_cost_pkr"] - federal)
    if abs(ajk) < 0.5:
        federal = totals["net_cost_pkr"]     # all of it: the rounded figure of the sentence

    def part(value):
        return f"{rupees(abs(value), totals.get('_budget_step'))} {'more' if value >= 0 else 'less'}"
    text = f"; AJK budget {part(ajk)}, {totals['net_cost_pct_total_budget']:+.2f} % of it"
    if abs(federal) >= 0.5:
        text += f"; federal budget {part(federal)}, not part of the AJK budget"
    return text


def summary_sentences(impact, period):
    """[sentence] for one reform: cost, reach, poverty, inequality, winners and losers, contributions."""
    totals, poverty = dict(impact["totals"]), dict(impact["poverty"])
    for key in ("budget_cost_change_pkr", "fund_benefits_change_pkr", "contributions_change_pkr"):
        if key in totals:
            totals[key] = _rounded(impact, key, totals[key])
    totals["net_cost_pkr"] = _rounded(impact, "budget_cost_change_pkr", totals["net_cost_pkr"])
    for key in ("persons_lifted_out", "persons_pushed_in"):
        poverty[key] = _rounded(impact, key, poverty[key])
    net = totals["net_cost_pkr"]
    totals["_budget_step"] = _step(impact, "budget_cost_change_pkr")
    verb = "costs public budgets" if net >= 0 else "saves public budgets"
    sentences = [
        f"The reform {verb} {rupees(abs(net), totals['_budget_step'])} a year in {period} "
        f"({abs(totals['net_cost_pct_gdp']):.3f} % of GDP"
        + _budget_parts(totals) + ")."
    ]
    if impact["contributory"]:
        sentences[0] += (
            f" The contributory fund collects {rupees(totals['contributions_change_pkr'], _step(impact, 'contributions_change_pkr'))}"
            f" of contributions a year (its revenue, not a saving) and pays "
            f"{rupees(totals['fund_benefits_change_pkr'], _step(impact, 'fund_benefits_change_pkr'))} of cash benefits"
            + (f", {years_after_start(impact['contributory_scheme'])} after its start." if impact.get("contributory_scheme") else "."))
    intervals = impact.get("intervals") or {}
    if intervals.get("households"):
        sentences += _sample_sentences(impact, poverty, net)
    else:
        sentences += _full_population_sentences(impact, poverty, net)
    if impact["contributory"]:
        block = impact["contributions"]

        def to_interval(key, value):   # rounded as the contributions' (or the fund's benefits') interval allows
            return _rounded(impact, key, value or 0.0)
        collected, paid = _step(impact, "contributions_change_pkr"), _step(impact, "fund_benefits_change_pkr")
        sentences.append(
            f"Contributions collected: {rupees(to_interval('contributions_change_pkr', block['collected_after_pkr']), collected)} a "
            f"year (insured persons {rupees(to_interval('contributions_change_pkr', block['employee_after_pkr']), collected)}, "
            f"employers {rupees(to_interval('contributions_change_pkr', block['employer_after_pkr']), collected)}), against "
            f"{rupees(to_interval('fund_benefits_change_pkr', block['social_insurance_benefits_after_pkr']), paid)} of cash "
            "benefits paid by the fund.")
    sentences += comparison_interval_lines(impact.get("intervals"))
    return sentences


GROUPS = (("children", "children"), ("older_persons", "older persons"), ("women", "women"),
          ("persons_with_disabilities", "persons with disabilities"))


def _full_population_sentences(impact, poverty, net):
    """Reach, poverty, inequality and winners of a run on the full population (no sampling error)."""
    households = impact["households"]
    reached = households["newly_reached"] - households["no_longer_reached"]
    sentences = [
        f"It reaches {count(abs(reached))} {'more' if reached >= 0 else 'fewer'} households with a cash benefit "
        f"({count(households['newly_reached'])} newly reached, {count(households['no_longer_reached'])} no longer reached); "
        f"{count(households['gaining'])} households gain and {count(households['losing'])} lose."]
    everyone = poverty["by_group"]["all"]
    sentence = (f"It lifts {count(poverty['persons_lifted_out'])} people out of poverty"
                + (f" and pushes {count(poverty['persons_pushed_in'])} into it" if poverty["persons_pushed_in"] else "")
                + f"; the poverty headcount goes from {everyone['fgt0_before_pct']:.2f} % to {everyone['fgt0_after_pct']:.2f} %")
    sentences.append(sentence + _cost_per_person(poverty, net) + ".")
    for group, words in GROUPS:
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
    return sentences


def _cost_per_person(poverty, net, entry=None):
    lifted = poverty["net_persons_lifted_out"]
    if poverty["cost_per_person_lifted_pkr"] is not None and lifted > 0 and net > 0:
        if entry is not None and not entry.get("estimable", True):
            return (", but the cost per person lifted out cannot be estimated from this sample (the number lifted out, "
                    "net of those pushed in, is within its 95 % interval of zero)")
        if entry is not None and entry.get("step"):
            return f", at Rs {text(entry)} a year per person lifted out"
        return f", at {rupees(poverty['cost_per_person_lifted_pkr'])} a year per person lifted out"
    return ""


def _levels(before, after, unit=" %"):
    """'a % to b %': two levels, each rounded to the coarser step of their two intervals, without the intervals."""
    steps = [entry["step"] for entry in (before, after) if entry.get("step")]
    if not steps:
        return f"{before['estimate']:.2f}{unit} to {after['estimate']:.2f}{unit}"
    step = max(steps)
    digits = decimals(step)

    def show(entry):
        return f"{round_to(entry['estimate'], step):,.{digits}f}{unit}"
    return f"{show(before)} to {show(after)}"


def _sample_sentences(impact, poverty, net):
    """Reach, poverty, inequality and winners of a sample: each figure rounded to its 95 % interval and given
    with it; a change between two levels is given with the interval of the change (the pairing on one sample
    makes it much narrower than those of the levels)."""
    intervals = impact["intervals"]
    households = intervals["households"]
    reached = households["net_reached"]
    more = "more" if reached["estimate"] >= 0 else "fewer"
    sentences = [
        f"It reaches {text({**reached, 'estimate': abs(reached['estimate']), 'low': min(abs(reached['low']), abs(reached['high'])), 'high': max(abs(reached['low']), abs(reached['high']))})} "
        f"{more} households with a cash benefit ({text(households['newly_reached'])} newly reached, "
        f"{text(households['no_longer_reached'])} no longer reached); {text(households['gaining'])} households gain "
        f"and {text(households['losing'])} lose."]
    everyone = intervals["poverty_by_group"]["all"]
    lifted = f"It lifts {text(intervals['persons_lifted_out'])} people out of poverty" if "persons_lifted_out" in intervals \
        else f"It lifts {count(poverty['persons_lifted_out'])} people out of poverty"
    if poverty["persons_pushed_in"]:
        lifted += (f" and pushes {text(intervals['persons_pushed_in'])} into it" if "persons_pushed_in" in intervals
                   else f" and pushes {count(poverty['persons_pushed_in'])} into it")
    sentences.append(
        f"{lifted}; the poverty headcount changes by {text(everyone['fgt0_change_pp'], unit=' pp')}, from "
        f"{_levels(everyone['fgt0_before_pct'], everyone['fgt0_after_pct'])} (levels within "
        f"+-{everyone['fgt0_before_pct']['half_width']:.1f} pp)"
        f"{_cost_per_person(poverty, net, intervals.get('cost_per_person_lifted_pkr'))}.")
    for group, words in GROUPS:
        row = intervals["poverty_by_group"].get(group)
        if row and abs(poverty["by_group"][group]["fgt0_change_pp"]) >= 0.005:
            sentences.append(f"Poverty among {words}: {text(row['fgt0_change_pp'], unit=' pp')}, from "
                             f"{_levels(row['fgt0_before_pct'], row['fgt0_after_pct'])}.")
    gini = intervals["gini"]
    sentences.append(f"The Gini index changes by {text(gini['change'])}, from {_levels(gini['before'], gini['after'], '')} "
                     f"(levels within +-{gini['before']['half_width']:.3f}).")
    people = intervals["people_pct"]
    sentences.append(
        f"{text(people['gaining'], unit=' %')} of people gain ({text(people['gaining_more_than_5pct'], unit=' %')} by "
        f"more than 5 %), {text(people['no_change'], unit=' %')} see no change and {text(people['losing'], unit=' %')} lose.")
    return sentences

