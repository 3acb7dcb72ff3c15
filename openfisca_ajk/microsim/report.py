"""Weighted aggregates of a run: per scheme, coverage (SDG 1.3.1, R202), poverty, inequality, deciles.

All sums are float64. Persons are weighted by their household's weight. A person
is covered by a household scheme when the household receives it, and by a person
scheme when the person receives it (in any month of the period).
"""

import numpy

from openfisca_ajk.enums import District, Sex
from openfisca_ajk.microsim.indicators import gini, quantile_groups, weighted_share
from openfisca_ajk.population.data import CONSUMPTION
from openfisca_ajk.population.parameters import fiscal_denominators, poverty_line

CASH_EXCLUDED_KINDS = {"health_insurance"}
R202 = ("health_care", "children", "active_age", "older_persons")


def person_groups(population, parameters):
    """{breakdown: (labels, code per person)} for the reporting breakdowns."""
    person, h = population.person, population.person_household
    coverage = parameters.coverage
    age = person["age"] if "age" in person else numpy.zeros(population.n_persons, dtype=int)
    child_limit, pension_age = int(coverage.child_age_limit), int(coverage.pensionable_age)
    groups = {
        "sex": ([s.name for s in Sex], numpy.asarray(person.get("sex", numpy.zeros(len(h))), dtype=int)),
        "age_band": ([f"under_{child_limit}", f"{child_limit}_{pension_age - 1}", f"{pension_age}_plus"],
                     numpy.digitize(age, [child_limit, pension_age])),
        "disability": (["without_disability", "with_disability"],
                       numpy.asarray(person.get("has_disability", numpy.zeros(len(h), dtype=bool)), dtype=int)),
        "district": ([d.name for d in District], numpy.asarray(population.household["district"], dtype=int)[h]
                     if "district" in population.household else numpy.zeros(len(h), dtype=int)),
        "area": (["rural", "urban"], numpy.asarray(population.household.get("is_urban", numpy.zeros(population.n_households, dtype=bool)), dtype=int)[h]),
    }
    groups = {name: (labels, numpy.asarray(codes, dtype=numpy.intp)) for name, (labels, codes) in groups.items()}
    return groups, age, child_limit, pension_age


def by_group(values_mask, weights, groups, within=None):
    """{breakdown: {label: weighted % of the group (within ``within``) where the mask holds}}."""
    base = weights if within is None else weights * within
    numerator = base * values_mask
    result = {}
    for name, (labels, codes) in groups.items():
        top = numpy.bincount(codes, weights=numerator, minlength=len(labels))
        bottom = numpy.bincount(codes, weights=base, minlength=len(labels))
        result[name] = {label: round(100 * float(top[i] / bottom[i]), 3)
                        for i, label in enumerate(labels) if bottom[i] > 0}
    return result


def build_report(tax_benefit_system, run):
    population = run.population
    year = int(str(run.months[0])[:4])
    parameters = tax_benefit_system.parameters(f"{year}-01-01").population
    h = population.person_household
    w_household = population.household["household_weight"].astype(numpy.float64)
    w_person = w_household[h]
    n_months = run.n_months
    groups, age, child_limit, pension_age = person_groups(population, parameters)
    has_consumption = CONSUMPTION in population.household
    fiscal = fiscal_denominators(tax_benefit_system, year)
    if has_consumption:
        consumption = population.household[CONSUMPTION].astype(numpy.float64)
        persons_weight = w_household * numpy.bincount(h, minlength=population.n_households)
        quintile = quantile_groups(consumption, persons_weight, 5)[h]  # whole households, ranked by persons
        groups["quintile"] = ([f"Q{i + 1}" for i in range(5)], quintile.astype(numpy.intp))

    covered_any = run.contributing.copy()
    covered_by_guarantee = {g: numpy.zeros(population.n_persons, dtype=bool) for g in R202}
    covered_social_assistance = numpy.zeros(population.n_persons, dtype=bool)
    cash_household = numpy.zeros(population.n_households)
    rows = []
    for name, result in run.schemes.items():
        scheme = result.scheme
        if scheme.entity == "household":
            household_received = result.months_received > 0
            person_received = household_received[h]
            weights = w_household
            if scheme.periodicity != "in_kind" and scheme.kind not in CASH_EXCLUDED_KINDS:
                cash_household += result.amount
        else:
            person_received = result.months_received > 0
            household_received = numpy.bincount(h, weights=person_received, minlength=population.n_households) > 0
            weights = w_person
            if scheme.periodicity != "in_kind" and scheme.kind not in CASH_EXCLUDED_KINDS:
                cash_household += numpy.bincount(h, weights=result.amount, minlength=population.n_households)
        cost = float((result.amount * weights).sum())
        annual_cost = cost * 12 / n_months
        covered_any |= person_received
        for guarantee in scheme.r202_guarantees:
            covered_by_guarantee[guarantee] |= person_received
        if scheme.kind == "social_assistance":
            covered_social_assistance |= person_received
        monthly_persons = float((result.months_received * weights).sum()) / n_months
        rows.append({
            "scheme": name, "label": scheme.label, "kind": scheme.kind, "status": scheme.status,
            "entity": scheme.entity, "periodicity": scheme.periodicity,
            "beneficiaries_persons": float((person_received * w_person).sum()),
            "beneficiaries_households": float((household_received * w_household).sum()),
            "average_monthly_recipients": monthly_persons,
            "recipient_unit": scheme.entity,
            "cost_pkr": cost, "annual_cost_pkr": annual_cost,
            "cost_pct_social_protection_budget": 100 * annual_cost / fiscal["social_protection_budget"][0],
            "cost_pct_total_budget": 100 * annual_cost / fiscal["total_budget"][0],
            "cost_pct_gdp": 100 * annual_cost / fiscal["gdp"][0],
            "coverage_pct": 100 * weighted_share(person_received, w_person),
            "coverage_by_group_pct": by_group(person_received, w_person, groups) if person_received.any() else {},
        })

    total_population = float(w_person.sum())
    is_child, is_old = age < child_limit, age >= pension_age
    active = ~is_child & ~is_old
    targets = {"health_care": numpy.ones(population.n_persons, dtype=bool), "children": is_child,
               "active_age": active, "older_persons": is_old}
    person = population.person
    sdg = {
        "population_covered_by_at_least_one_benefit_or_contributing": 100 * weighted_share(covered_any, w_person),
        "children": 100 * weighted_share(covered_by_guarantee["children"], w_person, is_child),
        "older_persons": 100 * weighted_share(covered_by_guarantee["older_persons"], w_person, is_old),
    }
    if "has_disability" in person:
        sdg["persons_with_disabilities"] = 100 * weighted_share(covered_any, w_person, person["has_disability"])
    if "employment_status" in person:
        unemployed = person["employment_status"] == 5
        sdg["unemployed"] = 100 * weighted_share(covered_any, w_person, unemployed)
    if "is_pregnant" in person:
        sdg["pregnant_women"] = 100 * weighted_share(covered_any, w_person, numpy.asarray(person["is_pregnant"], dtype=bool))
    vulnerable = is_child | (active & ~run.contributing) | is_old
    sdg["vulnerable_persons_receiving_social_assistance"] = 100 * weighted_share(covered_social_assistance, w_person, vulnerable)
    coverage = {
        "sdg_1_3_1_pct": sdg,
        "by_r202_guarantee_pct": {g: 100 * weighted_share(covered_by_guarantee[g], w_person, targets[g]) for g in R202},
        "any_benefit_by_group_pct": by_group(covered_any, w_person, groups),
    }

    report = {
        "period": run.period, "months": n_months, "reform": run.reform or None,
        "population": {"source": population.source, "persons": total_population,
                       "households": float(w_household.sum()), "records_persons": population.n_persons,
                       "records_households": population.n_households},
        "months_computed": {"note": run.plan_note, "groups": [[str(rep), [str(m) for m in members]] for rep, members in run.plan]},
        "fiscal_denominators": {k: {"value_pkr": v, "parameter": p} for k, (v, p) in fiscal.items()},
        "schemes": rows, "coverage": coverage,
        "totals": {"annual_cost_pkr": sum(r["annual_cost_pkr"] for r in rows)},
        "timings_s": {k: round(v, 3) for k, v in run.timings.items()},
    }
    if has_consumption:
        line, line_parameter = poverty_line(tax_benefit_system, year)
        poverty_report(report, population, parameters, consumption, cash_household / n_months, run, line,
                       line_parameter, groups, w_person)
        if covered_social_assistance.any():
            poor = consumption[h] < line
            sdg["poor_receiving_social_assistance"] = 100 * weighted_share(covered_social_assistance, w_person, poor)
    return report


def adult_equivalents(population, parameters):
    poverty = parameters.poverty
    age = population.person.get("age")
    if age is None:
        return numpy.bincount(population.person_household, minlength=population.n_households).astype(float)
    weight = numpy.where(age < int(poverty.adult_equivalent_age), float(poverty.adult_equivalent_child_weight), 1.0)
    return numpy.bincount(population.person_household, weights=weight, minlength=population.n_households)


def poverty_report(report, population, parameters, consumption, monthly_cash, run, line, line_parameter, groups, w_person):
    h = population.person_household
    equivalents = adult_equivalents(population, parameters)
    contributions = numpy.bincount(h, weights=run.contributions, minlength=population.n_households) / run.n_months
    before = consumption[h]
    after = (consumption + (monthly_cash - contributions) / numpy.maximum(equivalents, 1e-9))[h]

    terms = {}
    for when, values in (("before", before), ("after", after)):
        poor = values < line
        gap = numpy.where(poor, (line - values) / line, 0.0)
        terms.update({f"fgt0_{when}": poor * w_person, f"fgt1_{when}": gap * w_person, f"fgt2_{when}": gap * gap * w_person})
    total = w_person.sum()
    poverty = {"line_pkr_per_adult_equivalent_month": line, "line_parameter": line_parameter,
               "all": {key: 100 * float(term.sum() / total) for key, term in terms.items()}, "by_group": {}}
    for name, (labels, codes) in groups.items():
        if name == "quintile":
            continue
        bottom = numpy.bincount(codes, weights=w_person, minlength=len(labels))
        tops = {key: numpy.bincount(codes, weights=term, minlength=len(labels)) for key, term in terms.items()}
        poverty["by_group"][name] = {label: {key: 100 * float(top[i] / bottom[i]) for key, top in tops.items()}
                                     for i, label in enumerate(labels) if bottom[i] > 0}
    poor_before, poor_after = before < line, after < line
    poverty["persons_lifted_out_of_poverty"] = float((w_person * (poor_before & ~poor_after)).sum())
    report["poverty"] = poverty
    # Welfare is the same for every member of a household: rank households, weighted by their persons.
    persons_weight = population.household["household_weight"].astype(numpy.float64) * numpy.bincount(h, minlength=population.n_households)
    after_household = consumption + (monthly_cash - contributions) / numpy.maximum(equivalents, 1e-9)
    report["inequality"] = {"gini_before": gini(consumption, persons_weight), "gini_after": gini(after_household, persons_weight)}
    decile = quantile_groups(consumption, persons_weight, 10)[h]
    transfer = ((monthly_cash / numpy.maximum(equivalents, 1e-9))[h])
    receives = transfer > 0
    total_transfer = float((transfer * w_person).sum())
    rows = []
    for d in range(10):
        member = decile == d
        weight = w_person[member]
        rows.append({
            "decile": d + 1,
            "persons": float(weight.sum()),
            "coverage_pct": 100 * float((weight * receives[member]).sum() / max(weight.sum(), 1e-300)),
            "share_of_transfers_pct": 100 * float((weight * transfer[member]).sum() / total_transfer) if total_transfer else 0.0,
            "mean_transfer_per_adult_equivalent_month": float((weight * transfer[member]).sum() / max(weight.sum(), 1e-300)),
            "transfer_pct_of_consumption": 100 * float((weight * transfer[member]).sum() / max((weight * before[member]).sum(), 1e-300)),
        })
    report["decile_incidence"] = rows
