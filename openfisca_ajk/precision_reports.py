"""95 % intervals of the figures ``main`` and ``compare`` print, from the runs' per-household values
(``openfisca_ajk.precision``). Empty when the population is not a sample."""

import dataclasses

import numpy

from openfisca_ajk.engine.aggregates import adult_equivalents, build_report
from openfisca_ajk.engine.indicators import gini
from openfisca_ajk.population.data import CONSUMPTION
from openfisca_ajk.scheme_registry import AJK_BUDGET, FEDERAL_BUDGET
from openfisca_ajk.population.parameters import poverty_line
from openfisca_ajk.precision import (household_sum, interval, is_sample, jackknife_from_replicates,
                                     jackknife_half_width, ratio_half_width, replicate_weights, rounded, text,
                                     total_half_width)
from openfisca_ajk.tools.rounding import decimals

FUND_KIND = "social_insurance"


def _per_household(run, result):
    if result.scheme.entity == "household":
        return result.amount
    return household_sum(run.population, result.amount)


def _receiving_persons(run, result):
    population = run.population
    if result.scheme.entity == "household":
        return (result.months_received > 0) * numpy.bincount(population.person_household, minlength=population.n_households)
    return household_sum(population, result.months_received > 0)


def _units_interval(run, result, months, w):
    """95 % interval of the weighted count of the scheme's units (households or persons) with a month > 0."""
    units = numpy.asarray(months) > 0
    per_household = units.astype(numpy.float64) if result.scheme.entity == "household" else household_sum(run.population, units)
    return interval(float((w * per_household).sum()), total_half_width(per_household, w), floor=0.0)


def _welfare(run, cash, equivalents):
    population = run.population
    contributions = household_sum(population, run.contributions)
    return population.household[CONSUMPTION].astype(numpy.float64) + (cash - contributions) / run.n_months / numpy.maximum(equivalents, 1e-9)


def run_intervals(tax_benefit_system, run):
    """{"schemes": {name: {"annual_cost_pkr" (cash schemes only), "persons", "coverage_pct", "eligible_units",
    "receiving_units"}}, "total_cash_cost_pkr", "poverty_headcount_after_pct"}: 95 % intervals."""
    population = run.population
    if not is_sample(population):
        return {}
    w = population.household["household_weight"].astype(numpy.float64)
    scale = 12 / run.n_months
    schemes, cash = {}, numpy.zeros(population.n_households)
    members = numpy.bincount(population.person_household, minlength=population.n_households).astype(numpy.float64)
    everyone = float((w * members).sum())
    for name, result in run.schemes.items():
        persons = _receiving_persons(run, result)
        counts = {"persons": interval(float((w * persons).sum()), total_half_width(persons, w), floor=0.0),
                  # coverage: a ratio to the population, estimated on the same sample
                  "coverage_pct": interval(100 * float((w * persons).sum()) / everyone,
                                           100 * ratio_half_width(persons, members, w), floor=0.0),
                  "eligible_units": _units_interval(run, result, result.months_entitled, w),
                  "receiving_units": _units_interval(run, result, result.months_received, w)}
        if not result.scheme.is_cash:
            schemes[name] = counts           # in kind: counted, never costed
            continue
        amount = _per_household(run, result)
        cash += amount
        schemes[name] = {"annual_cost_pkr": interval(float((w * amount).sum()) * scale, total_half_width(amount * scale, w),
                                                     floor=0.0), **counts}
    out = {"households_in_sample": population.n_households, "schemes": schemes,
           "total_cash_cost_pkr": interval(float((w * cash).sum()) * scale, total_half_width(cash * scale, w), floor=0.0)}
    if CONSUMPTION in population.household:
        year = int(str(run.months[0])[:4])
        parameters = tax_benefit_system.parameters(f"{year}-01-01").population
        members = numpy.bincount(population.person_household, minlength=population.n_households).astype(numpy.float64)
        welfare = _welfare(run, cash, adult_equivalents(population, parameters))
        line, _ = poverty_line(tax_benefit_system, year)
        poor = (welfare < line) * members
        share = float((w * poor).sum() / (w * members).sum())
        out["poverty_headcount_after_pct"] = interval(100 * share, 100 * ratio_half_width(poor, members, w), floor=0.0)
    return out


SUMMARY_FIGURES = (("coverage", "sdg_1_3_1_pct"), ("coverage", "by_r202_guarantee_pct"), ("coverage", "health_care_pct"),
                   ("poverty", "all"), ("poverty", "persons_lifted_out_of_poverty"), ("inequality", "gini_before"),
                   ("inequality", "gini_after"))


def _leaves(node, path=()):
    """(path, number) of every number under ``node`` (nested dicts)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, (int, float)) and not isinstance(node, bool) and numpy.isfinite(node):
        yield path, float(node)


def _at(node, path):
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def summary_intervals(tax_benefit_system, run, report):
    """95 % intervals of the coverage, poverty and inequality figures of ``report`` (``build_report`` of ``run``) by
    the delete-a-group jackknife: the report is rebuilt with each replicate's household weights. Nested like the
    report ({"coverage": {"sdg_1_3_1_pct": {name: interval}}, ...}); {} when the population is not a sample."""
    population = run.population
    if not is_sample(population):
        return {}
    paths = [(path, value) for root in SUMMARY_FIGURES for path, value in _leaves(_at(report, root), root)]
    replicates = {path: [] for path, _ in paths}
    for replicate_run in _replicate_runs(run):
        rebuilt = build_report(tax_benefit_system, replicate_run)
        for path, _ in paths:
            found = _at(rebuilt, path)
            replicates[path].append(float(found) if found is not None else numpy.nan)
    out = {}
    for path, value in paths:
        values = numpy.asarray(replicates[path])
        if numpy.isnan(values).any():
            continue
        node = out
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = interval(value, jackknife_from_replicates(value, values), floor=0.0)
    return out


def _replicate_runs(run):
    """``run`` with each replicate's household weights of the delete-a-group jackknife (a generator)."""
    population = run.population
    weights = population.household["household_weight"]
    for replicate in replicate_weights(weights):
        household = {**population.household, "household_weight": replicate.astype(numpy.asarray(weights).dtype)}
        yield dataclasses.replace(run, population=dataclasses.replace(population, household=household))


def _coverage_blocks(coverage):
    """{block: {name: value}} of a report's coverage, named as the comparison's coverage table names them."""
    key = "sdg_1_3_1_by_group_pct" if "sdg_1_3_1_by_group_pct" in coverage else "any_benefit_by_group_pct"
    blocks = {"sdg_1_3_1": coverage["sdg_1_3_1_pct"], "r202_guarantees": coverage["by_r202_guarantee_pct"]}
    blocks.update({f"by_group.{breakdown}": labels for breakdown, labels in coverage[key].items()})
    return blocks


def coverage_change_intervals(base_system, base_run, base_report, reform_system, reform_run, reform_report, cache):
    """95 % intervals of the comparison's coverage figures (before, after and the change, for every series and
    group) by the delete-a-group jackknife: both runs' reports rebuilt with the same replicate weights, so the
    change keeps the pairing. The baseline's replicates are kept in ``cache`` for every reform. {} when the
    population is not a sample."""
    if not is_sample(base_run.population):
        return {}
    if "coverage_replicates" not in cache:
        cache["coverage_replicates"] = [_coverage_blocks(build_report(base_system, r)["coverage"])
                                        for r in _replicate_runs(base_run)]
    before_replicates = cache["coverage_replicates"]
    after_replicates = before_replicates if reform_report is base_report else \
        [_coverage_blocks(build_report(reform_system, r)["coverage"]) for r in _replicate_runs(reform_run)]
    before, after = _coverage_blocks(base_report["coverage"]), _coverage_blocks(reform_report["coverage"])
    out = {}
    for block, values in before.items():
        for name, value in values.items():
            later = after.get(block, {}).get(name)
            b = numpy.array([rep.get(block, {}).get(name, numpy.nan) for rep in before_replicates], dtype=float)
            a = numpy.array([rep.get(block, {}).get(name, numpy.nan) for rep in after_replicates], dtype=float)
            if later is None or numpy.isnan(b).any() or numpy.isnan(a).any():
                continue
            out.setdefault(block, {})[name] = {
                "before_pct": interval(value, jackknife_from_replicates(value, b), floor=0.0),
                "after_pct": interval(later, jackknife_from_replicates(later, a), floor=0.0),
                "change_pp": interval(later - value, jackknife_from_replicates(later - value, a - b))}
    return out


def run_interval_lines(intervals, report):
    """Plain-text lines: each sample estimate of ``main`` rounded, with its 95 % interval."""
    if not intervals:
        return []
    lines = ["", f"Sampling precision: 95 % intervals ({intervals['households_in_sample']:,} households in the sample; "
             "figures rounded to what the interval supports)",
             f"  total cash cost, PKR m a year: {text(intervals['total_cash_cost_pkr'], 1e6)}"]
    if "poverty_headcount_after_pct" in intervals:
        lines.append(f"  poverty headcount after transfers, %: {text(intervals['poverty_headcount_after_pct'])}")
    costs = {row["scheme"]: row["annual_cost_pkr"] or 0.0 for row in report["schemes"]}
    for name, entry in sorted(intervals["schemes"].items(), key=lambda item: -costs.get(item[0], 0.0)):
        if "annual_cost_pkr" in entry and entry["annual_cost_pkr"]["estimate"] > 0:
            lines.append(f"  {name:36} cost PKR m {text(entry['annual_cost_pkr'], 1e6)}; persons {text(entry['persons'])}")
    in_kind = sorted((name, entry) for name, entry in intervals["schemes"].items()
                     if "annual_cost_pkr" not in entry and entry["persons"]["estimate"] > 0)
    if in_kind:
        lines.append("  in kind (persons covered; not costed):")
        lines.extend(f"  {name:36} persons {text(entry['persons'])}" for name, entry in in_kind)
    return lines


def fund_account_intervals(run, employer_person=None):
    """95 % intervals of one run's fiscal table (``fiscal_split.fund_accounts``): cash benefits from public budgets,
    cash benefits of the fund, contributions (insured persons', employers', both) and the fund's balance, PKR a
    year; {} when the population is not a sample."""
    population = run.population
    if not is_sample(population):
        return {}
    w = population.household["household_weight"].astype(numpy.float64)
    scale = 12 / run.n_months
    budget, fund = numpy.zeros(population.n_households), numpy.zeros(population.n_households)
    for result in run.schemes.values():
        if result.scheme.is_cash:
            target = fund if result.scheme.kind == FUND_KIND else budget
            target += _per_household(run, result) * scale
    employee = household_sum(population, run.contributions) * scale
    employer = (household_sum(population, employer_person) * scale if employer_person is not None
                else numpy.zeros(population.n_households))
    collected = employee + employer

    def entry(values, floor=0.0):
        return interval(float((w * values).sum()), total_half_width(values, w), floor=floor)
    return {"households_in_sample": population.n_households, "budget_cost_pkr": entry(budget),
            "fund_benefits_pkr": entry(fund), "contributions_pkr": entry(collected),
            "contributions_employee_pkr": entry(employee), "contributions_employer_pkr": entry(employer),
            "fund_balance_pkr": entry(collected - fund, floor=None)}


def budget_and_fund_changes(base_run, reform_run):
    """Per household, PKR a year: the change in cash benefits paid from public budgets, and by the fund."""
    population = base_run.population
    scale = 12 / base_run.n_months
    budget, fund = numpy.zeros(population.n_households), numpy.zeros(population.n_households)
    for name, base in base_run.schemes.items():
        if not base.scheme.is_cash:
            continue
        before, after = _per_household(base_run, base), _per_household(reform_run, reform_run.schemes[name])
        if base.scheme.kind == FUND_KIND:
            fund += (after - before) * scale
        else:
            budget += (after - before) * scale
    return budget, fund


def cost_per_person_lifted_interval(base_run, reform_run, welfare_before, welfare_after, line):
    """95 % interval of the budget cost a year per person lifted out of poverty (net of those pushed in): a
    ratio of two sample totals, by linearisation; None when not a sample or nobody is lifted out on net."""
    population = base_run.population
    if not is_sample(population):
        return None
    w = population.household["household_weight"].astype(numpy.float64)
    members = numpy.bincount(population.person_household, minlength=population.n_households).astype(numpy.float64)
    net_lifted = (((welfare_before < line) & (welfare_after >= line)).astype(numpy.float64)
                  - ((welfare_before >= line) & (welfare_after < line)).astype(numpy.float64)) * members
    budget, _ = budget_and_fund_changes(base_run, reform_run)
    total = float((w * net_lifted).sum())
    if total <= 0:
        return None
    entry = interval(float((w * budget).sum()) / total, ratio_half_width(budget, net_lifted, w))
    # a ratio to a count whose interval reaches zero has no upper bound: not estimable from this sample
    entry["estimable"] = total - total_half_width(net_lifted, w) > 0
    return entry


def comparison_intervals(base_run, reform_run, employer_before=None, employer_after=None):
    """95 % intervals of a reform's budget cost, fund benefits, contributions (per-household differences, so the
    pairing of the two runs on one sample is kept) and persons lifted out of poverty."""
    population = base_run.population
    if not is_sample(population):
        return {}
    w = population.household["household_weight"].astype(numpy.float64)
    scale = 12 / base_run.n_months
    budget, fund = budget_and_fund_changes(base_run, reform_run)
    collected = household_sum(population, reform_run.contributions - base_run.contributions)
    if employer_after is not None:
        collected = collected + household_sum(population, employer_after - (employer_before if employer_before is not None else 0))
    collected = collected * scale
    return {"households_in_sample": population.n_households,
            "budget_cost_change_pkr": interval(float((w * budget).sum()), total_half_width(budget, w)),
            "fund_benefits_change_pkr": interval(float((w * fund).sum()), total_half_width(fund, w)),
            "contributions_change_pkr": interval(float((w * collected).sum()), total_half_width(collected, w))}


def lifted_interval(population, welfare_before, welfare_after, line):
    """95 % interval of the persons lifted out of poverty (households' persons, weighted)."""
    w = population.household["household_weight"].astype(numpy.float64)
    members = numpy.bincount(population.person_household, minlength=population.n_households).astype(numpy.float64)
    lifted = ((welfare_before < line) & (welfare_after >= line)) * members
    pushed = ((welfare_before >= line) & (welfare_after < line)) * members
    return {"persons_lifted_out": interval(float((w * lifted).sum()), total_half_width(lifted, w), floor=0.0),
            "persons_pushed_in": interval(float((w * pushed).sum()), total_half_width(pushed, w), floor=0.0)}


def impact_figure_intervals(population, figures):
    """95 % intervals of the comparison's other sample figures, households as sampling units.

    ``figures``: ``members`` (persons per household), ``group_members`` ({group: members of the group per
    household}), ``poor_before`` / ``poor_after`` (bool per household), ``any_cash_before`` / ``any_cash_after``
    (bool per household), ``band`` (winners-and-losers band per household, 0..4), ``welfare_before`` /
    ``welfare_after`` (per adult equivalent). Levels and changes of the poverty headcount (%, pp) by group, the
    households reached, gaining and losing, the shares of people in each band and the Gini before, after and its
    change (delete-a-group jackknife). {} when the population is not a sample."""
    if not is_sample(population):
        return {}
    w = population.household["household_weight"].astype(numpy.float64)
    members = figures["members"]
    before, after = figures["poor_before"].astype(numpy.float64), figures["poor_after"].astype(numpy.float64)
    out = {"poverty_by_group": {}}
    for group, inside in figures["group_members"].items():
        if float((w * inside).sum()) <= 0:
            continue
        share_before = float((w * before * inside).sum() / (w * inside).sum())
        share_after = float((w * after * inside).sum() / (w * inside).sum())
        out["poverty_by_group"][group] = {
            "fgt0_before_pct": interval(100 * share_before, 100 * ratio_half_width(before * inside, inside, w), floor=0.0),
            "fgt0_after_pct": interval(100 * share_after, 100 * ratio_half_width(after * inside, inside, w), floor=0.0),
            "fgt0_change_pp": interval(100 * (share_after - share_before),
                                       100 * ratio_half_width((after - before) * inside, inside, w))}
    cash_before, cash_after = figures["any_cash_before"], figures["any_cash_after"]
    counts = {"newly_reached": cash_after & ~cash_before, "no_longer_reached": cash_before & ~cash_after,
              "gaining": figures["band"] <= 1, "losing": figures["band"] >= 3}
    out["households"] = {key: interval(float((w * mask).sum()), total_half_width(mask.astype(numpy.float64), w), floor=0.0)
                         for key, mask in counts.items()}
    reached = cash_after.astype(numpy.float64) - cash_before.astype(numpy.float64)
    out["households"]["net_reached"] = interval(float((w * reached).sum()), total_half_width(reached, w))
    shares = {"gaining": figures["band"] <= 1, "gaining_more_than_5pct": figures["band"] == 0,
              "no_change": figures["band"] == 2, "losing": figures["band"] >= 3}
    out["people_pct"] = {}
    for key, mask in shares.items():
        y = mask * members
        out["people_pct"][key] = interval(100 * float((w * y).sum() / (w * members).sum()),
                                          100 * ratio_half_width(y, members, w), floor=0.0)
    welfare_before, welfare_after = figures["welfare_before"], figures["welfare_after"]

    def gini_of(welfare):
        return lambda weights: gini(welfare, weights * members)
    gini_before, gini_after = gini_of(welfare_before)(w), gini_of(welfare_after)(w)
    out["gini"] = {"before": interval(gini_before, jackknife_half_width(gini_of(welfare_before), w)),
                   "after": interval(gini_after, jackknife_half_width(gini_of(welfare_after), w)),
                   "change": interval(gini_after - gini_before, jackknife_half_width(
                       lambda weights: gini_of(welfare_after)(weights) - gini_of(welfare_before)(weights), w))}
    return out


def comparison_table_intervals(base_run, reform_run, scheme_masks, employer_before, employer_after, figures):
    """95 % intervals of every figure of the comparison's tables (``comparison_page.tables``), households as
    sampling units: the cost split, each cash scheme's cost before and after, its net cost and the households
    and persons gained and lost, the households receiving a cash benefit, poverty by group (headcount, gap and
    severity changes, persons lifted out and pushed in), deciles, winners and losers by decile and the
    contributions. ``scheme_masks``: {scheme: (before, after)} dicts with the ``household`` and ``person``
    masks of receipt; ``figures`` as ``impact_figure_intervals``'s, plus ``line``, ``decile`` (per household),
    ``change`` and ``income_before`` (PKR a month per household). {} when the population is not a sample."""
    population = base_run.population
    if not is_sample(population):
        return {}
    w = population.household["household_weight"].astype(numpy.float64)
    scale = 12 / base_run.n_months
    members = figures["members"]

    def total(values, floor=0.0):
        values = numpy.asarray(values, dtype=numpy.float64)
        return interval(float((w * values).sum()), total_half_width(values, w), floor=floor)

    def ratio(numerator, denominator, factor=1.0, floor=None):
        numerator, denominator = numpy.asarray(numerator, dtype=numpy.float64), numpy.asarray(denominator, dtype=numpy.float64)
        bottom = float((w * denominator).sum())
        value = float((w * numerator).sum()) / bottom if bottom else 0.0
        return interval(factor * value, factor * ratio_half_width(numerator, denominator, w), floor=floor)

    cost = {key: numpy.zeros(population.n_households) for key in ("budget", "ajk", "federal", "fund", "all")}
    schemes = {}
    for name, base in base_run.schemes.items():
        if not base.scheme.is_cash:
            continue
        before = _per_household(base_run, base) * scale
        after = _per_household(reform_run, reform_run.schemes[name]) * scale
        net = after - before
        fund = base.scheme.kind == FUND_KIND
        cost["fund" if fund else "budget"] += net
        cost["all"] += net
        if base.scheme.budget == AJK_BUDGET:
            cost["ajk"] += net
        elif base.scheme.budget == FEDERAL_BUDGET:
            cost["federal"] += net
        masks_before, masks_after = scheme_masks[name]
        h = population.person_household
        schemes[name] = {
            "annual_cost_before_pkr": total(before), "annual_cost_after_pkr": total(after),
            "net_cost_pkr": total(net, floor=None),
            "households_gained": total(masks_after["household"] & ~masks_before["household"]),
            "households_lost": total(masks_before["household"] & ~masks_after["household"]),
            "persons_gained": total(numpy.bincount(h, weights=masks_after["person"] & ~masks_before["person"],
                                                   minlength=population.n_households)),
            "persons_lost": total(numpy.bincount(h, weights=masks_before["person"] & ~masks_after["person"],
                                                 minlength=population.n_households))}
    employee_before = household_sum(population, base_run.contributions) * scale
    employee_after = household_sum(population, reform_run.contributions) * scale
    zero = numpy.zeros(population.n_households)
    employer_b = household_sum(population, employer_before) * scale if employer_before is not None else zero
    employer_a = household_sum(population, employer_after) * scale if employer_after is not None else zero
    collected = (employee_after + employer_a) - (employee_before + employer_b)
    out = {"cost": {"budget_cost_pkr": total(cost["budget"], None), "ajk_budget_cost_change_pkr": total(cost["ajk"], None),
                    "federal_budget_cost_change_pkr": total(cost["federal"], None),
                    "fund_benefits_change_pkr": total(cost["fund"], None), "contributions_change_pkr": total(collected, None),
                    "fund_balance_change_pkr": total(collected - cost["fund"], None),
                    "benefits_change_pkr": total(cost["all"], None)},
           "schemes": schemes}
    fund_before = sum((_per_household(base_run, r) * scale for r in base_run.schemes.values()
                       if r.scheme.is_cash and r.scheme.kind == FUND_KIND), zero)
    fund_after = sum((_per_household(reform_run, r) * scale for r in reform_run.schemes.values()
                      if r.scheme.is_cash and r.scheme.kind == FUND_KIND), zero)
    contributors = household_sum(population, reform_run.contributing)
    out["contributions"] = {"employee_before_pkr": total(employee_before), "employee_after_pkr": total(employee_after),
                            "employer_before_pkr": total(employer_b), "employer_after_pkr": total(employer_a),
                            "collected_before_pkr": total(employee_before + employer_b),
                            "collected_after_pkr": total(employee_after + employer_a),
                            "social_insurance_benefits_before_pkr": total(fund_before),
                            "social_insurance_benefits_after_pkr": total(fund_after),
                            "contributors_after": total(contributors)}
    out["households"] = {"receiving_a_cash_benefit_before": total(figures["any_cash_before"]),
                         "receiving_a_cash_benefit_after": total(figures["any_cash_after"])}
    line = figures["line"]
    welfare_before, welfare_after = figures["welfare_before"], figures["welfare_after"]
    gap_before = numpy.where(welfare_before < line, (line - welfare_before) / line, 0.0)
    gap_after = numpy.where(welfare_after < line, (line - welfare_after) / line, 0.0)
    lifted = ((welfare_before < line) & (welfare_after >= line)).astype(numpy.float64)
    pushed = ((welfare_before >= line) & (welfare_after < line)).astype(numpy.float64)
    out["poverty_by_group"] = {}
    for group, inside in figures["group_members"].items():
        if float((w * inside).sum()) <= 0:
            continue
        out["poverty_by_group"][group] = {
            "fgt1_change_pp": ratio((gap_after - gap_before) * inside, inside, 100.0),
            "fgt2_change_pp": ratio((gap_after ** 2 - gap_before ** 2) * inside, inside, 100.0),
            "persons_lifted_out": total(lifted * inside), "persons_pushed_in": total(pushed * inside)}
    decile, change, income = figures["decile"], figures["change"], figures["income_before"]
    band = figures["band"]
    out["deciles"], out["winners_by_decile"] = [], []
    for d in range(10):
        inside = (decile == d).astype(numpy.float64)
        out["deciles"].append({
            "persons": total(members * inside),
            "average_change_pkr_month_per_household": ratio(change * inside, inside),
            "average_change_pkr_month_per_person": ratio(change * inside, members * inside),
            "relative_change_pct": ratio(change * inside, income * inside, 100.0)})
        out["winners_by_decile"].append([ratio((band == i) * members * inside, members * inside, 100.0, floor=0.0)
                                         for i in range(5)])
    out["winners_all"] = [ratio((band == i) * members, members, 100.0, floor=0.0) for i in range(5)]
    return out


def comparison_interval_lines(intervals):
    """Plain-text sentence parts of a reform's intervals."""
    if not intervals:
        return []
    parts = [f"budget cost PKR m {text(intervals['budget_cost_change_pkr'], 1e6)}",
             f"fund benefits PKR m {text(intervals['fund_benefits_change_pkr'], 1e6)}",
             f"contributions PKR m {text(intervals['contributions_change_pkr'], 1e6)}"]
    if "persons_lifted_out" in intervals:
        parts.append(f"persons lifted out of poverty {text(intervals['persons_lifted_out'])}")
        parts.append(f"pushed in {text(intervals['persons_pushed_in'])}")
    return [f"Sampling precision ({intervals['households_in_sample']:,} households; 95 % intervals): " + "; ".join(parts) + "."]


def person_share_interval(population, weights_person, numerator, denominator=None):
    """95 % interval (``precision.interval``) of a weighted share of persons, households as sampling units;
    None when ``population`` is not a sample."""
    if not is_sample(population):
        return None
    w = population.household["household_weight"].astype(numpy.float64)
    base = numpy.ones(population.n_persons) if denominator is None else numpy.asarray(denominator, dtype=numpy.float64)
    y = household_sum(population, numpy.asarray(numerator, dtype=numpy.float64) * base)
    x = household_sum(population, base)
    total = float((w * x).sum())
    share = float((w * y).sum()) / total if total > 0 else 0.0
    return interval(share, ratio_half_width(y, x, w))


def r202_intervals(context, group, reached, below=None, shortfall_person=None, by_sex=None, benefit=None):
    """95 % intervals of an R202 guarantee's figures (percentages and PKR a month); {} when not a sample.

    ``by_sex``: {sex: person mask}, for the shares reached (and below the line) by sex; ``benefit``: (recipients
    mask, benefit per person as % of the line) for the mean benefit of recipients."""
    population, weights = context.population, context.weights
    out = {}
    share = person_share_interval(population, weights, reached, group)
    if share is None:
        return out
    w = population.household["household_weight"].astype(numpy.float64)
    members = household_sum(population, numpy.asarray(group, dtype=numpy.float64))
    out["group_persons"] = interval(float((w * members).sum()), total_half_width(members, w), floor=0.0)
    out["reached_pct"] = interval(100 * share["estimate"], 100 * share["half_width"], floor=0.0)
    if below is not None:
        entry = person_share_interval(population, weights, below, group)
        out["below_minimum_pct"] = interval(100 * entry["estimate"], 100 * entry["half_width"], floor=0.0)
    for sex, mask in (by_sex or {}).items():
        entry = person_share_interval(population, weights, reached, group & mask)
        out.setdefault("reached_by_sex_pct", {})[sex] = interval(100 * entry["estimate"], 100 * entry["half_width"], floor=0.0)
        if below is not None:
            entry = person_share_interval(population, weights, below, group & mask)
            out.setdefault("below_minimum_by_sex_pct", {})[sex] = interval(100 * entry["estimate"],
                                                                          100 * entry["half_width"], floor=0.0)
    if benefit is not None:
        recipients, per_person = benefit
        inside = numpy.asarray(group & recipients, dtype=numpy.float64)
        total = household_sum(population, inside * per_person)
        count = household_sum(population, inside)
        if float((w * count).sum()) > 0:
            out["mean_benefit_pct_of_line"] = interval(float((w * total).sum() / (w * count).sum()),
                                                       ratio_half_width(total, count, w), floor=0.0)
    if shortfall_person is not None:
        gap = household_sum(population, numpy.asarray(group, dtype=numpy.float64) * shortfall_person)
        out["gap_pkr_per_month"] = interval(float((w * gap).sum()), total_half_width(gap, w), floor=0.0)
    return out


def interval_suffix(entry, scale=1.0, unit=""):
    """' (95 % interval a to b)' for a sentence, or '' without an interval."""
    if not entry or not entry.get("step"):
        return ""
    digits = decimals(entry["step"], scale)
    return (f" (95 % interval {rounded_value(entry['low'], entry) / scale:,.{digits}f}{unit} to "
            f"{rounded_value(entry['high'], entry) / scale:,.{digits}f}{unit})")


def rounded_value(value, entry):
    """``value`` rounded to the step ``entry``'s interval supports."""
    return rounded(value, entry["half_width"])
