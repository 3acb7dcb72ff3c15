"""R202 floor check: for each basic guarantee, the schemes that serve it (registry), the share of the group
reached (population run) and whether incomes reach the nationally defined minimum (the poverty line).

Groups follow the SDG 1.3.1 age limits of the population parameters (children under the child age
limit, older persons at or above the pensionable age, active age between). Health care is reached
through in-kind entitlement; the income guarantees are measured by the group's members whose
household consumption plus cash transfers less contributions, per adult equivalent, stays below the
line after transfers: the gap, by group and by sex (R202 para 21), and the PKR a month that would
close it.

Each guarantee's reach and gap are also broken down (``breakdowns``) by district, urban/rural area and
consumption quintile (households ranked by consumption before transfers, weighted by their persons, as
in the microsimulation report), with the groupings of ``engine.aggregates.person_groups``.
"""

from dataclasses import dataclass, field

import numpy

from openfisca_ajk.compliance.parts import BRANCHES
from openfisca_ajk.enums import District
from openfisca_ajk.engine.indicators import quantile_groups
from openfisca_ajk.engine.aggregates import adult_equivalents, by_group, person_groups
from openfisca_ajk.population.data import CONSUMPTION
from openfisca_ajk.population.parameters import poverty_line
from openfisca_ajk.precision_reports import interval_suffix, r202_intervals, rounded_value

GUARANTEES = {
    "health_care": "Essential health care, including maternity care (para 5(a))",
    "children": "Basic income security for children (para 5(b))",
    "active_age": "Basic income security in active age: sickness, unemployment, maternity, disability (para 5(c))",
    "older_persons": "Basic income security for older persons (para 5(d))",
}
INCOME_GUARANTEES = ("children", "active_age", "older_persons")
BREAKDOWNS = ("district", "area", "quintile")


@dataclass
class GuaranteeResult:
    guarantee: str
    title: str
    schemes: list
    schemes_in_force: list
    group_persons: float
    reached_pct: float
    reached_by_sex_pct: dict
    below_minimum_pct: float = None
    below_minimum_by_sex_pct: dict = field(default_factory=dict)
    gap_pct_of_line: float = None
    gap_pkr_per_month: float = None
    mean_benefit_pct_of_line: float = None
    breakdowns: dict = field(default_factory=dict)     # {breakdown: {label: {persons, reached_pct, ...}}}
    largest_gap_district: dict = None
    verdict: str = ""
    why: str = ""

    def as_dict(self):
        return dict(self.__dict__)


def _in_force(system, scheme, instant):
    if scheme.kind == "social_insurance" and scheme.status == "draft":
        return bool(system.variables.get(scheme.output)) and _branch_in_force(system, scheme, instant)
    return scheme.status == "in_force"


def _branch_in_force(system, scheme, instant):
    branches = [BRANCHES[p] for p in scheme.c102_parts]
    design = system.parameters(instant).ajk.social_security
    return any(bool(design[b].in_force) for b in branches)


def _share(mask, weights, within):
    base = weights * within
    return 100 * float((base * mask).sum() / base.sum()) if base.sum() > 0 else 0.0


def groups_of(context):
    coverage = context.parameters.population.coverage
    age = context.person["age"]
    children = age < int(coverage.child_age_limit)
    older = age >= int(coverage.pensionable_age)
    everyone = numpy.ones(len(age), dtype=bool)
    return {"health_care": everyone, "children": children, "active_age": ~children & ~older, "older_persons": older}


def breakdown_groups(context):
    """{breakdown: (labels, code per person)} for district, area and (with consumption) quintile."""
    population = context.population
    groups, *_ = person_groups(population, context.parameters.population)
    groups = {name: groups[name] for name in BREAKDOWNS if name in groups}
    if CONSUMPTION in population.household:
        h = population.person_household
        persons_weight = (population.household["household_weight"].astype(numpy.float64)
                          * numpy.bincount(h, minlength=population.n_households))
        quintile = quantile_groups(population.household[CONSUMPTION], persons_weight, 5)[h]
        groups["quintile"] = ([f"Q{i + 1}" for i in range(5)], quintile.astype(numpy.intp))
    return groups


def _breakdown(groups, weights, group, shares, sums):
    """{breakdown: {label: {"persons", *shares, *sums}}}: ``shares`` {key: mask} as weighted % of the group
    (``by_group``), ``sums`` {key: value per person} as weighted totals over the group; empty labels left out."""
    percentages = {key: by_group(mask, weights, groups, within=group) for key, mask in shares.items()}
    totals = {"persons": weights * group, **{key: weights * group * values for key, values in sums.items()}}
    result = {}
    for name, (labels, codes) in groups.items():
        summed = {key: numpy.bincount(codes, weights=values, minlength=len(labels)) for key, values in totals.items()}
        result[name] = {
            label: {"persons": float(summed["persons"][i]),
                    **{key: percentages[key][name][label] for key in shares},
                    **{key: float(summed[key][i]) for key in sums}}
            for i, label in enumerate(labels) if label in percentages[next(iter(shares))][name]}
    return result


def largest_gap_district(result):
    """The district with the largest gap: PKR a month to the line (income guarantees), else share not reached."""
    districts = result.breakdowns.get("district") or {}
    if not districts:
        return None
    if result.gap_pkr_per_month is not None:
        name = max(districts, key=lambda d: districts[d]["gap_pkr_per_month"])
        row = districts[name]
        found = {"district": name, "label": District[name].value, "gap_pkr_per_month": row["gap_pkr_per_month"],
                 "below_minimum_pct": row["below_minimum_pct"]}
        return found if row["gap_pkr_per_month"] > 0 else None
    name = max(districts, key=lambda d: 100 - districts[d]["reached_pct"])
    not_reached = round(100 - districts[name]["reached_pct"], 3)
    return {"district": name, "label": District[name].value, "not_reached_pct": not_reached} if not_reached > 0 \
        else None


def check_r202(context, run):
    """[GuaranteeResult] for the four guarantees, from ``run`` (``run_population`` on ``context.population``)."""
    population, weights, h = context.population, context.weights, context.person["household"]
    female = context.person["female"]
    groups = groups_of(context)
    breakdowns = breakdown_groups(context)
    line, line_parameter = poverty_line(context.system, context.year)
    equivalents = numpy.maximum(adult_equivalents(population, context.parameters.population), 1e-9)
    n_households = population.n_households
    months = max(run.n_months, 1)
    cash_total = numpy.zeros(n_households)
    reached = {g: numpy.zeros(population.n_persons, dtype=bool) for g in GUARANTEES}
    cash_by_guarantee = {g: numpy.zeros(n_households) for g in GUARANTEES}
    for result in run.schemes.values():
        scheme = result.scheme
        received = result.months_received > 0
        person_received = received[h] if scheme.entity == "household" else received
        amount = result.amount if scheme.entity == "household" else numpy.bincount(h, weights=result.amount,
                                                                                   minlength=n_households)
        if scheme.is_cash:
            cash_total += amount / months
        for guarantee in scheme.r202_guarantees:
            reached[guarantee] |= person_received
            if scheme.is_cash:
                cash_by_guarantee[guarantee] += amount / months
    results = []
    has_consumption = CONSUMPTION in population.household
    if has_consumption:
        contributions = numpy.bincount(h, weights=run.contributions, minlength=n_households) / months
        after = population.household[CONSUMPTION].astype(numpy.float64) + (cash_total - contributions) / equivalents
        shortfall_household = numpy.maximum(line - after, 0.0) * equivalents     # PKR a month to reach the line
        size = numpy.bincount(h, minlength=n_households)
        shortfall_person = (shortfall_household / numpy.maximum(size, 1))[h]
        below = (after < line)[h]
        gap_ratio = (numpy.maximum(line - after, 0.0) / line)[h]
    for guarantee, title in GUARANTEES.items():
        group = groups[guarantee]
        schemes = [s for s in (r.scheme for r in run.schemes.values()) if guarantee in s.r202_guarantees]
        in_force = [s.name for s in schemes if _in_force(context.system, s, context.month.start)]
        result = GuaranteeResult(
            guarantee, title, [s.name for s in schemes], in_force, float((weights * group).sum()),
            _share(reached[guarantee], weights, group),
            {"female": _share(reached[guarantee], weights, group & female),
             "male": _share(reached[guarantee], weights, group & ~female)})
        shares, sums = {"reached_pct": reached[guarantee]}, {}
        if guarantee in INCOME_GUARANTEES and has_consumption:
            shares.update(below_minimum_pct=below, gap_pct_of_line=gap_ratio)
            sums["gap_pkr_per_month"] = shortfall_person
            result.below_minimum_pct = _share(below, weights, group)
            result.below_minimum_by_sex_pct = {"female": _share(below, weights, group & female),
                                               "male": _share(below, weights, group & ~female)}
            result.gap_pct_of_line = _share(gap_ratio, weights, group)
            result.gap_pkr_per_month = float((weights * group * shortfall_person).sum())
            recipients = group & reached[guarantee]
            per_equivalent = (cash_by_guarantee[guarantee] / equivalents)[h]
            base = float((weights * recipients).sum())
            result.mean_benefit_pct_of_line = (100 * float((weights * recipients * per_equivalent).sum()) / base / line
                                               if base > 0 else 0.0)
        income = guarantee in INCOME_GUARANTEES and has_consumption
        benefit = None
        if income:
            benefit = (reached[guarantee], 100 * (cash_by_guarantee[guarantee] / equivalents)[h] / line)
        result.intervals = r202_intervals(context, group, reached[guarantee], below if income else None,
                                          shortfall_person if income else None,
                                          by_sex={"female": female, "male": ~female}, benefit=benefit)
        result.breakdowns = _breakdown(breakdowns, weights, group, shares, sums)
        for name, (labels, codes) in breakdowns.items():     # each cell's 95 % intervals ({} on the full population)
            for i, label in enumerate(labels):
                cell = result.breakdowns.get(name, {}).get(label)
                if cell is not None:
                    cell["intervals"] = r202_intervals(context, group & (codes == i), reached[guarantee],
                                                       below if income else None, shortfall_person if income else None)
        result.largest_gap_district = largest_gap_district(result)
        worst = result.largest_gap_district
        if worst and "district" in population.household:
            in_district = numpy.asarray(population.household["district"], dtype=int)[h] == District[worst["district"]].index
            worst["intervals"] = r202_intervals(context, group & in_district, reached[guarantee],
                                                below if income else None, shortfall_person if income else None)
        results.append(judge(result, line, line_parameter))
    return results


def judge(result, line, line_parameter):
    reached = result.reached_pct
    intervals = getattr(result, "intervals", None) or {}
    if result.guarantee == "health_care":
        full = reached >= 100 - 1e-9
        result.verdict = "meets" if full else "gap"
        result.why = (f"{reached:.1f} % of residents entitled to health care" +
                      interval_suffix(intervals.get("reached_pct"), unit=" %") +
                      ("" if full else f": {100 - reached:.1f} % without"))
        return result
    gaps = []
    if reached < 100 - 1e-9:
        gaps.append(f"{100 - reached:.1f} % of the group reached by no scheme (reached: {reached:.1f} %"
                    f"{interval_suffix(intervals.get('reached_pct'), unit=' %')})")
    if result.below_minimum_pct:
        gap = intervals.get("gap_pkr_per_month")
        gap_text = (f"{rounded_value(result.gap_pkr_per_month, gap):,.0f} PKR a month{interval_suffix(gap)}" if gap
                    else f"{result.gap_pkr_per_month:,.0f} PKR a month")
        gaps.append(f"{result.below_minimum_pct:.1f} % below the poverty line"
                    f"{interval_suffix(intervals.get('below_minimum_pct'), unit=' %')} ({line:,.0f} PKR per adult "
                    f"equivalent a month, {line_parameter}) after transfers; closing the gap costs {gap_text}")
    result.verdict = "gap" if gaps else "meets"
    result.why = "; ".join(gaps) or "every member reached and above the poverty line"
    return result
