"""The figures of a reform against the baseline, from two runs over the same population and period.

Income is the household's monthly disposable income as the population reports define it
(``engine.aggregates``): consumption before transfers (per adult equivalent x adult equivalents) plus the
cash benefits (in-kind and health-insurance schemes excluded) minus the insured person's contributions.
Every person counts with the weight of the household (people-weighted shares); deciles hold a tenth of
the persons each, ranked by the baseline's income per adult equivalent. Sums are float64.
"""

import numpy

from openfisca_ajk.denominators import social_protection_share_pct
from openfisca_ajk.scheme_registry import AJK_BUDGET, FEDERAL_BUDGET
from openfisca_ajk.enums import District, Sex
from openfisca_ajk.fiscal_split import fiscal_split, in_kind_uncosted
from openfisca_ajk.precision_reports import (comparison_intervals, comparison_table_intervals,
                                             cost_per_person_lifted_interval, impact_figure_intervals, lifted_interval)
from openfisca_ajk.engine.indicators import gini, quantile_groups
from openfisca_ajk.engine.aggregates import adult_equivalents
from openfisca_ajk.population.data import CONSUMPTION
from openfisca_ajk.population.parameters import fiscal_denominators, poverty_line

WINNER_THRESHOLD = 0.05     # PolicyEngine's bands: gain or loss of more or less than 5 % of income
NO_CHANGE_PKR = 0.005       # |change| under half a paisa a month is no change (float32 arithmetic)
BANDS = ("gain_more_than_5pct", "gain_less_than_5pct", "no_change", "lose_less_than_5pct", "lose_more_than_5pct")
EMPLOYEE, EMPLOYER = "ss_employee_contribution", "ss_employer_contribution"


def household_cash(run, base_run=None, cache=None):
    """Cash benefits per household over the period (PKR, float64), summed scheme by scheme in registry order.

    With ``base_run`` and ``cache``, a scheme whose arrays are the baseline's reuses the baseline's
    per-household amounts (the same numbers, so the same sums).
    """
    population = run.population
    cache = {} if cache is None else cache
    cash = numpy.zeros(population.n_households)
    for name, result in run.schemes.items():
        if not result.scheme.is_cash:
            continue
        reusable = base_run is not None and same_result(base_run.schemes[name], result)
        key = ("household_cash", name)
        if reusable and key in cache:
            cash += cache[key]
            continue
        if result.scheme.entity == "household":
            amount = result.amount
        else:
            amount = numpy.bincount(population.person_household, weights=result.amount, minlength=population.n_households)
        if reusable or base_run is None:
            cache[key] = amount
        cash += amount
    return cash


def household_income(run, equivalents, base_run=None, cache=None):
    """Monthly disposable income per household (PKR) and per adult equivalent."""
    population = run.population
    cache = {} if cache is None else cache
    consumption = population.household[CONSUMPTION].astype(numpy.float64)
    if base_run is not None and run.contributions is base_run.contributions and "household_contributions" in cache:
        contributions = cache["household_contributions"]
    else:
        contributions = numpy.bincount(population.person_household, weights=run.contributions, minlength=population.n_households)
        if base_run is None:
            cache["household_contributions"] = contributions
    transfers = (household_cash(run, base_run, cache) - contributions) / run.n_months
    per_equivalent = consumption + transfers / numpy.maximum(equivalents, 1e-9)
    return per_equivalent * equivalents, per_equivalent


def received_masks(result, population):
    """(household receives, person covered) of one scheme over the period."""
    h = population.person_household
    if result.scheme.entity == "household":
        household = result.months_received > 0
        return household, household[h]
    person = result.months_received > 0
    return numpy.bincount(h, weights=person, minlength=population.n_households) > 0, person


def _scheme_figures(result, population, weights, w_household, w_person, scale):
    household, person = received_masks(result, population)
    return {"cost": float((result.amount * weights).sum()) * scale, "household": household, "person": person,
            "households": float((household * w_household).sum()), "persons": float((person * w_person).sum())}


def same_result(base, reform):
    """True when the reform's arrays are the baseline's own (a scheme not recomputed)."""
    return base.amount is reform.amount and base.months_received is reform.months_received


def scheme_rows(base_run, reform_run, recomputed, fiscal, cache):
    population = base_run.population
    w_household = population.household["household_weight"].astype(numpy.float64)
    w_person = w_household[population.person_household]
    scale = 12 / base_run.n_months
    rows = []
    for name, base in base_run.schemes.items():
        reform = reform_run.schemes[name]
        weights = w_household if base.scheme.entity == "household" else w_person
        before = cache.get(("scheme", name))
        if before is None:
            before = cache[("scheme", name)] = _scheme_figures(base, population, weights, w_household, w_person, scale)
        after = before if same_result(base, reform) else _scheme_figures(reform, population, weights, w_household, w_person, scale)
        net = after["cost"] - before["cost"]
        rows.append({
            "scheme": name, "label": base.scheme.label, "kind": base.scheme.kind, "status": base.scheme.status,
            "cash": base.scheme.is_cash, "recomputed": name in recomputed,
            "annual_cost_before_pkr": before["cost"], "annual_cost_after_pkr": after["cost"], "net_cost_pkr": net,
            "budget": base.scheme.budget,
            # a share of the AJK budget only for what the AJK budget pays (not federal schemes, not the fund)
            "net_cost_pct_total_budget": (100 * net / fiscal["total_budget"][0]
                                          if base.scheme.is_cash and base.scheme.in_ajk_budget else None),
            "net_cost_pct_social_protection_budget": social_protection_share_pct(net, fiscal, base.scheme.kind) if base.scheme.is_cash else None,
            "net_cost_pct_gdp": 100 * net / fiscal["gdp"][0] if base.scheme.is_cash else None,
            "households_before": before["households"], "households_after": after["households"],
            "households_gained": 0.0 if after is before else float(((after["household"] & ~before["household"]) * w_household).sum()),
            "households_lost": 0.0 if after is before else float(((before["household"] & ~after["household"]) * w_household).sum()),
            "persons_before": before["persons"], "persons_after": after["persons"],
            "persons_gained": 0.0 if after is before else float(((after["person"] & ~before["person"]) * w_person).sum()),
            "persons_lost": 0.0 if after is before else float(((before["person"] & ~after["person"]) * w_person).sum()),
            "_household_mask": after["household"], "_figures": (before, after),
        })
    return rows


def band_of(change, income):
    # A household without positive income moves by more than 5 % whenever it moves at all.
    relative = numpy.where(income > 0, change / numpy.maximum(income, 1e-9), numpy.where(change > 0, numpy.inf, -numpy.inf))
    band = numpy.full(len(change), 2)
    band[(change > NO_CHANGE_PKR) & (relative > WINNER_THRESHOLD)] = 0
    band[(change > NO_CHANGE_PKR) & (relative <= WINNER_THRESHOLD)] = 1
    band[(change < -NO_CHANGE_PKR) & (relative >= -WINNER_THRESHOLD)] = 3
    band[(change < -NO_CHANGE_PKR) & (relative < -WINNER_THRESHOLD)] = 4
    return band


def winners_losers(change, income, w_household, members, decile=None):
    """People-weighted % of persons in each band (overall, and by decile when given)."""
    band = band_of(change, income)
    persons = w_household * members
    total = persons.sum()
    overall = {name: 100 * float(persons[band == i].sum() / total) for i, name in enumerate(BANDS)}
    if decile is None:
        return overall, band
    rows = []
    for d in range(10):
        inside = decile == d
        size = persons[inside].sum()
        rows.append({"decile": d + 1, **{name: 100 * float(persons[inside & (band == i)].sum() / size) if size else 0.0
                                         for i, name in enumerate(BANDS)}})
    return {"all": overall, "by_decile": rows}, band


def decile_rows(change, income, w_household, members, decile):
    rows = []
    for d in range(10):
        inside = decile == d
        households = w_household[inside]
        persons = (w_household * members)[inside]
        total_change = float((households * change[inside]).sum())
        rows.append({
            "decile": d + 1,
            "persons": float(persons.sum()),
            "average_change_pkr_month_per_household": total_change / max(float(households.sum()), 1e-300),
            "average_change_pkr_month_per_person": total_change / max(float(persons.sum()), 1e-300),
            "relative_change_pct": 100 * total_change / max(float((households * income[inside]).sum()), 1e-300),
            "annual_change_pkr": total_change * 12,
        })
    return rows


def poverty_groups(population, parameters):
    """{name: person mask}: everyone, children, older persons, women, persons with disabilities, districts."""
    person, h = population.person, population.person_household
    coverage = parameters.population.coverage
    age = numpy.asarray(person["age"]) if "age" in person else None
    groups = {"all": numpy.ones(population.n_persons, dtype=bool)}
    if age is not None:
        groups["children"] = age < int(coverage.child_age_limit)
        groups["older_persons"] = age >= int(coverage.pensionable_age)
    if "sex" in person:
        groups["women"] = numpy.asarray(person["sex"]) == Sex.female.index
    if "has_disability" in person:
        groups["persons_with_disabilities"] = numpy.asarray(person["has_disability"], dtype=bool)
    if "district" in population.household:
        district = numpy.asarray(population.household["district"], dtype=int)[h]
        for item in District:
            groups[f"district_{item.name}"] = district == item.index
    return groups


def group_members(population, parameters, cache):
    """{group: members of the group in each household} (float64), computed once per baseline."""
    if "group_members" not in cache:
        h, n = population.person_household, population.n_households
        cache["group_members"] = {name: numpy.bincount(h, weights=mask, minlength=n)
                                  for name, mask in poverty_groups(population, parameters).items()}
    return cache["group_members"]


def poverty_change(population, parameters, before, after, line, w_household, net_cost, cache):
    """FGT 0/1/2 before and after, persons lifted out and pushed in, by group (household-level welfare)."""
    gap_before = numpy.where(before < line, (line - before) / line, 0.0)
    gap_after = numpy.where(after < line, (line - after) / line, 0.0)
    terms = {"fgt0_before": (before < line).astype(numpy.float64), "fgt0_after": (after < line).astype(numpy.float64),
             "fgt1_before": gap_before, "fgt1_after": gap_after,
             "fgt2_before": gap_before * gap_before, "fgt2_after": gap_after * gap_after,
             "lifted": ((before < line) & (after >= line)).astype(numpy.float64),
             "pushed": ((before >= line) & (after < line)).astype(numpy.float64)}
    table = {}
    for name, members in group_members(population, parameters, cache).items():
        weights = w_household * members
        total = float(weights.sum())
        if total <= 0:
            continue
        sums = {key: float(numpy.dot(term, weights)) for key, term in terms.items()}
        row = {}
        for alpha in (0, 1, 2):
            b, a = sums[f"fgt{alpha}_before"] / total, sums[f"fgt{alpha}_after"] / total
            row.update({f"fgt{alpha}_before_pct": 100 * b, f"fgt{alpha}_after_pct": 100 * a, f"fgt{alpha}_change_pp": 100 * (a - b)})
        row["persons_lifted_out"], row["persons_pushed_in"] = sums["lifted"], sums["pushed"]
        table[name] = row
    everyone = table["all"]
    net_lifted = everyone["persons_lifted_out"] - everyone["persons_pushed_in"]
    return {
        "line_pkr_per_adult_equivalent_month": line,
        "persons_lifted_out": everyone["persons_lifted_out"],
        "persons_pushed_in": everyone["persons_pushed_in"],
        "net_persons_lifted_out": net_lifted,
        "cost_per_person_lifted_pkr": net_cost / net_lifted if net_lifted > 0 else None,
        "by_group": table,
    }


def coverage_unchanged(base_run, reform_run):
    """True when who receives each scheme, and who contributes, is the same: coverage is then the baseline's.

    The population reports' coverage depends only on these masks, the population and the registry.
    """
    if not (reform_run.contributing is base_run.contributing or numpy.array_equal(reform_run.contributing, base_run.contributing)):
        return False
    for name, base in base_run.schemes.items():
        reform = reform_run.schemes[name]
        if same_result(base, reform) and base.months_entitled is reform.months_entitled:
            continue
        if not (numpy.array_equal(base.months_received > 0, reform.months_received > 0)
                and numpy.array_equal(base.months_entitled > 0, reform.months_entitled > 0)):
            return False
    return True


def coverage_change(base_report, reform_report):
    def diff(before, after):
        return {key: {"before_pct": before[key], "after_pct": after.get(key), "change_pp": after.get(key, float("nan")) - before[key]}
                for key in before}
    base, reform = base_report["coverage"], reform_report["coverage"]
    key = "sdg_1_3_1_by_group_pct" if "sdg_1_3_1_by_group_pct" in base else "any_benefit_by_group_pct"
    by_group = {breakdown: diff(labels, reform[key].get(breakdown, {})) for breakdown, labels in base[key].items()}
    return {"sdg_1_3_1": diff(base["sdg_1_3_1_pct"], reform["sdg_1_3_1_pct"]),
            "r202_guarantees": diff(base["by_r202_guarantee_pct"], reform["by_r202_guarantee_pct"]),
            "by_group": by_group}


def contributions_block(base_run, reform_run, employer_before, employer_after, rows):
    w_person = base_run.population.person_weight()
    scale = 12 / base_run.n_months

    def total(values):
        return float((values * w_person).sum()) * scale if values is not None else None

    employee_before, employee_after = total(base_run.contributions), total(reform_run.contributions)
    employer_b, employer_a = total(employer_before), total(employer_after)
    insurance = [r for r in rows if r["kind"] == "social_insurance" and r["cash"]]
    benefits_before = sum(r["annual_cost_before_pkr"] for r in insurance)
    benefits_after = sum(r["annual_cost_after_pkr"] for r in insurance)
    collected_after = employee_after + (employer_a or 0.0)
    return {
        "employee_before_pkr": employee_before, "employee_after_pkr": employee_after,
        "employer_before_pkr": employer_b, "employer_after_pkr": employer_a,
        "collected_before_pkr": employee_before + (employer_b or 0.0), "collected_after_pkr": collected_after,
        "social_insurance_benefits_before_pkr": benefits_before, "social_insurance_benefits_after_pkr": benefits_after,
        "balance_after_pkr": collected_after - benefits_after,
        "contributors_after": float((reform_run.contributing * w_person).sum()),
    }


def inequality(welfare_before, welfare_after, persons_weight, cache):
    if "gini" not in cache:
        cache["gini"] = gini(welfare_before, persons_weight)
    after = gini(welfare_after, persons_weight)
    return {"gini_before": cache["gini"], "gini_after": after, "gini_change": after - cache["gini"]}


def reform_impact(baseline_system, base_run, base_report, reform_run, reform_report, recomputed,
                  employer_before=None, employer_after=None, contributory=False, cache=None):
    """Every figure of the comparison for one reform (a JSON-ready dict).

    ``cache``: a dict kept with the baseline, where baseline-only figures are computed once for all reforms.
    """
    cache = {} if cache is None else cache
    population = base_run.population
    year = int(str(base_run.months[0])[:4])
    parameters = baseline_system.parameters(f"{year}-01-01")
    fiscal = fiscal_denominators(baseline_system, year)
    w_household = population.household["household_weight"].astype(numpy.float64)
    h = population.person_household
    members = numpy.bincount(h, minlength=population.n_households).astype(numpy.float64)
    equivalents = adult_equivalents(population, parameters.population)

    rows = scheme_rows(base_run, reform_run, recomputed, fiscal, cache)
    masks = {row["scheme"]: row.pop("_household_mask") for row in rows}
    scheme_masks = {row["scheme"]: row.pop("_figures") for row in rows}
    # In-kind schemes (health cover) have no cost basis: their outputs are value ceilings, never costed.
    benefits_change = sum(r["net_cost_pkr"] for r in rows if r["cash"])
    contributions = contributions_block(base_run, reform_run, employer_before, employer_after, rows)
    rows = [row if row["cash"] else in_kind_uncosted(row) for row in rows]
    contributions_change = contributions["collected_after_pkr"] - contributions["collected_before_pkr"]
    split = fiscal_split(rows, contributions_change)
    net_cost = split["budget_cost_change_pkr"]    # contributions are revenue of the fund, not a budget saving
    federal_cost = sum(r["net_cost_pkr"] for r in rows if r["cash"] and r["budget"] == FEDERAL_BUDGET)
    ajk_cost = sum(r["net_cost_pkr"] for r in rows if r["cash"] and r["budget"] == AJK_BUDGET)

    if "income" not in cache:
        income, welfare = household_income(base_run, equivalents, None, cache)
        cache["income"] = (income, welfare, quantile_groups(welfare, w_household * members, 10))
    income_before, welfare_before, decile = cache["income"]
    income_after, welfare_after = household_income(reform_run, equivalents, base_run, cache)
    change = income_after - income_before
    persons_weight = w_household * members
    bands, band = winners_losers(change, income_before, w_household, members, decile)
    line, line_parameter = poverty_line(baseline_system, year)
    poverty = poverty_change(population, parameters, welfare_before, welfare_after, line, w_household, net_cost, cache)
    poverty["line_parameter"] = line_parameter

    if "any_cash" not in cache:
        cache["any_cash"] = numpy.zeros(population.n_households, dtype=bool)
        for name, base in base_run.schemes.items():
            if base.scheme.is_cash:
                cache["any_cash"] |= cache[("scheme", name)]["household"]
    any_cash_before = cache["any_cash"]
    any_cash_after = numpy.zeros(population.n_households, dtype=bool)
    for row in rows:
        if row["cash"]:
            any_cash_after |= masks[row["scheme"]]
    households = {
        "receiving_a_cash_benefit_before": float((any_cash_before * w_household).sum()),
        "receiving_a_cash_benefit_after": float((any_cash_after * w_household).sum()),
        "newly_reached": float(((any_cash_after & ~any_cash_before) * w_household).sum()),
        "no_longer_reached": float(((any_cash_before & ~any_cash_after) * w_household).sum()),
        "gaining": float(((band <= 1) * w_household).sum()),
        "losing": float(((band >= 3) * w_household).sum()),
    }
    result = {
        "totals": {
            "benefits_change_pkr": benefits_change, **split, "net_cost_pkr": net_cost,
            "ajk_budget_cost_change_pkr": ajk_cost, "federal_budget_cost_change_pkr": federal_cost,
            # the AJK budget's part only: federal schemes are paid from the federal budget
            "net_cost_pct_total_budget": 100 * ajk_cost / fiscal["total_budget"][0],
            "net_cost_pct_social_protection_budget": None,   # mixed kinds: no single budget contains them
            "net_cost_pct_gdp": 100 * net_cost / fiscal["gdp"][0],
        },
        "fiscal_denominators": {k: {"value_pkr": v, "parameter": p} for k, (v, p) in fiscal.items()},
        "households": households,
        "schemes": rows,
        "coverage": coverage_change(base_report, reform_report),
        "poverty": poverty,
        "inequality": inequality(welfare_before, welfare_after, persons_weight, cache),
        "deciles": decile_rows(change, income_before, w_household, members, decile),
        "winners_losers_pct": bands,
        "contributory": contributory,
        "contributions": contributions,
        "intervals": _intervals(base_run, reform_run, employer_before, employer_after, welfare_before, welfare_after, line,
                                {"members": members, "group_members": group_members(population, parameters, cache),
                                 "poor_before": welfare_before < line, "poor_after": welfare_after < line,
                                 "any_cash_before": any_cash_before, "any_cash_after": any_cash_after, "band": band,
                                 "welfare_before": welfare_before, "welfare_after": welfare_after}),
    }
    if result["intervals"]:
        result["intervals"]["tables"] = comparison_table_intervals(
            base_run, reform_run, scheme_masks, employer_before, employer_after,
            {"members": members, "group_members": group_members(population, parameters, cache),
             "any_cash_before": any_cash_before, "any_cash_after": any_cash_after, "band": band, "line": line,
             "welfare_before": welfare_before, "welfare_after": welfare_after, "decile": decile, "change": change,
             "income_before": income_before})
    return result


def _intervals(base_run, reform_run, employer_before, employer_after, welfare_before, welfare_after, line, figures):
    intervals = comparison_intervals(base_run, reform_run, employer_before, employer_after)
    if intervals:
        intervals.update(lifted_interval(base_run.population, welfare_before, welfare_after, line))
        intervals.update(impact_figure_intervals(base_run.population, figures))
        per_person = cost_per_person_lifted_interval(base_run, reform_run, welfare_before, welfare_after, line)
        if per_person is not None:
            intervals["cost_per_person_lifted_pkr"] = per_person
    return intervals
