"""Weighted aggregates of a run: per scheme, coverage (SDG 1.3.1, R202), poverty, inequality, deciles.

All sums are float64. Persons are weighted by their household's weight. A person
is covered by a household scheme when the household receives it, and by a person
scheme when the person receives it (in any month of the period).

Cash and in kind: a scheme that is not cash (``Scheme.is_cash``: paid in kind, or a
health insurance) has no cash cost. Its output is a value ceiling (e.g. the Sehat card's
yearly family cover), not a cost, so its cost is "n/a" (``None``) unless the
scheme has a cost basis (none has one yet), and the totals are cash totals.

SDG 1.3.1 (methods.md section 4.1) counts cash benefits and active contributors
only; health care is SDG 3.8.1 and is reported under the R202 health-care
guarantee. Each series has the ILO denominator: all persons; children; women
giving birth; persons with disabilities; unemployed persons; persons above the
pensionable age; employed persons; vulnerable persons; poor persons.
"""

import numpy

from openfisca_ajk.enums import District, EmploymentStatus, Sex
from openfisca_ajk.denominators import NO_SOCIAL_PROTECTION_DENOMINATOR, social_protection_share_pct
from openfisca_ajk.engine.indicators import gini, quantile_groups, weighted_share
from openfisca_ajk.population.data import CONSUMPTION
from openfisca_ajk.population.parameters import fiscal_denominators, poverty_line

R202 = ("health_care", "children", "active_age", "older_persons")
# SDG 1.3.1 series: the contingencies (scheme registry) whose cash benefits count for each group.
SDG_CONTINGENCIES = {
    "children": {"children", "family_responsibilities", "orphanhood"},
    "mothers_with_newborns": {"maternity"},
    "persons_with_disabilities": {"disability"},
    "unemployed": {"unemployment"},
    "older_persons": {"old_age"},
}
IN_KIND_COST = "n/a: in kind, the output is a value ceiling, not a cost (no cost basis such as a premium per family)"
UNEMPLOYED, NOT_IN_LABOUR_FORCE = EmploymentStatus.unemployed.index, EmploymentStatus.not_in_labour_force.index


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

    covered_any = run.contributing.copy()           # SDG 1.3.1: cash benefits or active contribution
    covered_any_incl_in_kind = run.contributing.copy()
    covered_by_guarantee = {g: numpy.zeros(population.n_persons, dtype=bool) for g in R202}
    covered_social_assistance = numpy.zeros(population.n_persons, dtype=bool)
    covered_contributory = numpy.zeros(population.n_persons, dtype=bool)
    covered_for = {series: numpy.zeros(population.n_persons, dtype=bool) for series in SDG_CONTINGENCIES}
    cash_household = numpy.zeros(population.n_households)
    rows, in_kind = [], []
    for name, result in run.schemes.items():
        scheme = result.scheme
        cash = scheme.is_cash
        if scheme.entity == "household":
            household_received = result.months_received > 0
            person_received = household_received[h]
            household_entitled = result.months_entitled > 0
            person_entitled = household_entitled[h]
            weights = w_household
            if cash:
                cash_household += result.amount
        else:
            person_received = result.months_received > 0
            household_received = numpy.bincount(h, weights=person_received, minlength=population.n_households) > 0
            person_entitled = result.months_entitled > 0
            household_entitled = numpy.bincount(h, weights=person_entitled, minlength=population.n_households) > 0
            weights = w_person
            if cash:
                cash_household += numpy.bincount(h, weights=result.amount, minlength=population.n_households)
        value = float((result.amount * weights).sum())
        annual_value = value * 12 / n_months
        cost, annual_cost = (value, annual_value) if cash else (None, None)
        if dict(scheme.evidence)["amount"] != "not_applicable":
            # an eligibility-only entry (a referral to an institution) protects no one by itself: not coverage
            covered_any_incl_in_kind |= person_received
            for guarantee in scheme.r202_guarantees:
                covered_by_guarantee[guarantee] |= person_received
        if cash:
            covered_any |= person_received
            if scheme.is_social_assistance:
                covered_social_assistance |= person_received
            if scheme.is_contributory:
                covered_contributory |= person_received
            for series, contingencies in SDG_CONTINGENCIES.items():
                if contingencies & set(scheme.contingencies):
                    covered_for[series] |= person_received
        else:
            in_kind.append(name)
        monthly_persons = float((result.months_received * weights).sum()) / n_months
        eligible_persons = float((person_entitled * w_person).sum())
        receiving_persons = float((person_received * w_person).sum())
        rows.append({
            "scheme": name, "label": scheme.label, "kind": scheme.kind, "status": scheme.status,
            "entity": scheme.entity, "periodicity": scheme.periodicity, "cash": cash,
            "beneficiaries_persons": receiving_persons,
            "beneficiaries_households": float((household_received * w_household).sum()),
            "eligible_persons": eligible_persons,
            "eligible_households": float((household_entitled * w_household).sum()),
            "eligible_units": float((result.months_entitled > 0).astype(float) @ weights),
            "receiving_units": float((result.months_received > 0).astype(float) @ weights),
            "take_up_pct": 100 * receiving_persons / eligible_persons if eligible_persons > 0 else None,
            "average_monthly_recipients": monthly_persons,
            "recipient_unit": scheme.entity,
            "cost_pkr": cost, "annual_cost_pkr": annual_cost,
            "cost_basis": "cash paid" if cash else IN_KIND_COST,
            "cost_pct_social_protection_budget": None if not cash else social_protection_share_pct(annual_cost, fiscal, scheme.kind),
            # a share of the AJK budget only for what the AJK budget pays (not federal schemes, not the fund)
            "cost_pct_total_budget": 100 * annual_cost / fiscal["total_budget"][0] if cash and scheme.in_ajk_budget else None,
            "budget": scheme.budget,
            "cost_pct_gdp": None if not cash else 100 * annual_cost / fiscal["gdp"][0],
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
        "children": 100 * weighted_share(covered_for["children"], w_person, is_child),
    }
    women_receiving = (numpy.asarray(person.get("sex", numpy.zeros(len(h))), dtype=int) == Sex.female.index) \
        & covered_for["mothers_with_newborns"] & (age >= 15) & (age <= 49)
    births = float(parameters.crude_birth_rate) * total_population * n_months / 12
    if births > 0:
        sdg["mothers_with_newborns"] = 100 * float((women_receiving * w_person).sum()) / births
    if "has_disability" in person:
        sdg["persons_with_disabilities"] = 100 * weighted_share(covered_for["persons_with_disabilities"], w_person,
                                                                 numpy.asarray(person["has_disability"], dtype=bool))
    if "employment_status" in person:
        unemployed = person["employment_status"] == UNEMPLOYED
        sdg["unemployed"] = 100 * weighted_share(covered_for["unemployed"], w_person, unemployed)
        employed = (person["employment_status"] != UNEMPLOYED) & (person["employment_status"] != NOT_IN_LABOUR_FORCE)
        sdg["employed_contributing_employment_injury"] = 100 * weighted_share(run.contributing, w_person, employed)
    sdg["older_persons"] = 100 * weighted_share(covered_for["older_persons"], w_person, is_old)
    contributory = run.contributing | covered_contributory
    vulnerable = is_child | (active & ~contributory) | (is_old & ~covered_contributory)
    sdg["vulnerable_persons_receiving_social_assistance"] = 100 * weighted_share(covered_social_assistance, w_person, vulnerable)
    coverage = {
        "sdg_1_3_1_pct": sdg,
        "sdg_1_3_1_note": "cash benefits and active contributors only; health care (SDG 3.8.1) and other benefits in "
                          "kind are excluded and shown under the R202 health-care guarantee",
        "sdg_1_3_1_by_group_pct": by_group(covered_any, w_person, groups),
        "by_r202_guarantee_pct": {g: 100 * weighted_share(covered_by_guarantee[g], w_person, targets[g]) for g in R202},
        "health_care_pct": 100 * weighted_share(covered_by_guarantee["health_care"], w_person),
        "any_benefit_by_group_pct": by_group(covered_any_incl_in_kind, w_person, groups),
    }

    report = {
        "period": run.period, "months": n_months, "reform": run.reform or None,
        "population": {"source": population.source, "persons": total_population,
                       "households": float(w_household.sum()), "records_persons": population.n_persons,
                       "records_households": population.n_households},
        "months_computed": {"note": run.plan_note, "groups": [[str(rep), [str(m) for m in members]] for rep, members in run.plan]},
        "fiscal_denominators": {k: {"value_pkr": v, "parameter": p} for k, (v, p) in fiscal.items()},
        "fiscal_denominators_note": NO_SOCIAL_PROTECTION_DENOMINATOR if fiscal["social_protection_budget"][0] is None else "",
        "schemes": rows, "coverage": coverage,
        "totals": {"annual_cost_pkr": sum(r["annual_cost_pkr"] for r in rows if r["cash"]),
                   "annual_cash_cost_pkr": sum(r["annual_cost_pkr"] for r in rows if r["cash"]),
                   "excluded_in_kind": in_kind,
                   "note": "cash benefits only; schemes in kind are not costed (their outputs are value ceilings)"},
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
