"""Calibration report: every target of the population parameters, what the population achieves, and the tolerance.

Shares must be within 1 percentage point, totals within 0.5 %, money totals met by
choosing whole records (civil pensions and family pensions, each a share of the pension bill;
zakat guzara spending) within 2 %. The
weighted population (household weights) is compared with the targets for its year. The money achieved
is what the law pays the population (the variables ``ajk_civil_pension``, ``ajk_family_pension`` and
``zakat_guzara_allowance`` over the 12 months of the year).
"""

import numpy

from openfisca_ajk.enums import EmploymentStatus, IndustrySector, SchoolLevel, Sex
from openfisca_ajk.population.data import CONSUMPTION
from openfisca_ajk.population.generator import age_bands, target_district_totals
from openfisca_ajk.population.parameters import DISTRICTS, named_children, population_parameters, poverty_line
from openfisca_ajk.population.programmes import (
    family_pension_target, households_among, law_over_year, pension_bill_target, yearly_civil_pensions, yearly_family_pensions,
    zakat_guzara_target,
)

SHARE_TOLERANCE = 0.01      # one percentage point
TOTAL_TOLERANCE = 0.005     # 0.5 %
MONEY_TOLERANCE = 0.02      # 2 %: whole records of a sample carry large amounts
STATUS = {item.name: item.index for item in EmploymentStatus}


def _share(mask, weights, within):
    base = (weights * within).sum()
    return float((weights * (mask & within)).sum() / base) if base > 0 else float("nan")


def calibration_report(tax_benefit_system, population) -> list:
    """[{target, kind, target_value, achieved, tolerance, ok}] for every calibration target."""
    p = population_parameters(tax_benefit_system, population.year)
    person, household, h = population.person, population.household, population.person_household
    w_h = household["household_weight"].astype(numpy.float64)
    w = w_h[h]
    everyone = numpy.ones(population.n_persons, dtype=bool)
    rows = []

    def share(name, target, mask, within=everyone):
        achieved = _share(mask, w, within)
        rows.append({"target": name, "kind": "share", "target_value": float(target), "achieved": achieved,
                     "tolerance": SHARE_TOLERANCE, "ok": abs(achieved - float(target)) <= SHARE_TOLERANCE})

    def total(name, target, achieved):
        gap = abs(achieved - target) / target
        rows.append({"target": name, "kind": "total", "target_value": float(target), "achieved": float(achieved),
                     "tolerance": TOTAL_TOLERANCE, "ok": gap <= TOTAL_TOLERANCE})

    districts = target_district_totals(p, population.year)
    total("persons, AJK", districts.sum(), w.sum())
    code = household["district"].astype(int)[h]
    for index, district in enumerate(DISTRICTS):
        total(f"persons, {district.name}", districts[index], w[code == index].sum())
    share("urban share", p.urban_share, household["is_urban"][h])
    sex, age = person["sex"], person["age"]
    share("female share", p.female_share, sex == Sex.female.index)
    edges, shares = age_bands(p)
    for (low, high), target in zip(edges, shares):
        share(f"age {low}-{high if high < 120 else '+'}", target, (age >= low) & (age <= high))

    lf = p.labour_force
    working = age >= int(lf.minimum_working_age)
    status = person["employment_status"]
    in_lf = status != STATUS["not_in_labour_force"]
    women = working & (sex == Sex.female.index)
    share("labour-force participation (10+)", lf.participation_rate, in_lf, working)
    share("labour-force participation, women (10+)", lf.participation_rate_women, in_lf, women)
    share("unemployment rate", lf.unemployment_rate, status == STATUS["unemployed"], in_lf)
    share("unemployment rate, women", lf.unemployment_rate_women, status == STATUS["unemployed"], in_lf & women)
    employed = in_lf & (status != STATUS["unemployed"])
    statuses = p.employment_status_shares
    for name in ("employee", "own_account_worker", "contributing_family_worker", "employer"):
        share(f"status {name}", getattr(statuses, name), status == STATUS[name], employed)
    for sex_name, key in (("female", "contributing_family_share_women"), ("male", "contributing_family_share_men")):
        share(f"contributing family workers among employed {sex_name}", getattr(statuses, key),
              status == STATUS["contributing_family_worker"], employed & (sex == Sex[sex_name].index))
    for name, target in named_children(p.industry_sector_shares).items():
        share(f"sector {name}", target, person["industry_sector"] == IndustrySector[name].index, employed)
    share("public servants among employees", p.public_servant_share, person["is_public_servant"],
          status == STATUS["employee"])

    school = p.school_enrolment
    levels = ("primary", "secondary", "higher_secondary", "tertiary")
    firsts = [int(getattr(school, f"{lv}_first_age")) for lv in levels] + [int(school.tertiary_last_age) + 1]
    for i, level in enumerate(levels):
        for sex_name, suffix in (("female", "girls"), ("male", "boys")):
            group = (age >= firsts[i]) & (age < firsts[i + 1]) & (sex == Sex[sex_name].index)
            share(f"enrolment {level} {suffix}", getattr(school, f"{level}_{suffix}"),
                  person["school_level"] == SchoolLevel[level].index, group)
    share("disability prevalence", p.disability_prevalence, person["has_disability"])
    adults = age >= int(p.household_composition.adult_age)
    share("CNIC coverage of adults", p.cnic_coverage, person["has_cnic"], adults)

    cutoff = float(tax_benefit_system.parameters(f"{population.year}-01-01").pakistan.bisp.kafaalat.pmt_cutoff)
    total("households under the Kafaalat PMT cut-off", float(p.pmt.households_below_cutoff),
          float((w_h * (household["pmt_score"] < cutoff)).sum()))
    if CONSUMPTION in household:
        line, _ = poverty_line(tax_benefit_system, population.year)
        share("poverty headcount before transfers", p.poverty.headcount, household[CONSUMPTION][h] < line)
    programme_rows(rows, tax_benefit_system, population, w)
    mean_size = float(w.sum() / w_h.sum())
    rows.append({"target": "mean household size (informative)", "kind": "mean", "target_value": float(p.household_size),
                 "achieved": mean_size, "tolerance": 0.05, "ok": abs(mean_size / float(p.household_size) - 1) <= 0.05})
    return rows


def programme_rows(rows, tax_benefit_system, population, w):
    """Money targets of the programme inputs, where the population has them."""
    person, year = population.person, population.year

    def money(name, target, achieved):
        ok = target > 0 and abs(achieved - target) / target <= MONEY_TOLERANCE
        rows.append({"target": name, "kind": "money", "target_value": float(target), "achieved": float(achieved),
                     "tolerance": MONEY_TOLERANCE, "ok": bool(ok)})

    target = pension_bill_target(tax_benefit_system, year)
    needed = ("public_service_retirement_date", "last_pensionable_pay", "public_service_years", "ajk_civil_pension_commuted",
              "date_of_birth")
    if target is not None and all(k in person for k in needed):
        retirement = person["public_service_retirement_date"].astype("datetime64[D]")
        drawing = retirement <= numpy.datetime64(f"{year}-12-31", "D")
        yearly = yearly_civil_pensions(tax_benefit_system, year, person["date_of_birth"][drawing],
                                       person["last_pensionable_pay"][drawing], person["public_service_years"][drawing],
                                       person["ajk_civil_pension_commuted"][drawing], retirement[drawing])
        money(f"civil pensions, PKR a year ({target['share']:.0%} of the {target['bill_date'][:4]} pension bill "
              f"x {target['uprating']:.3f})", target["value"], float((yearly * w[drawing]).sum()))
    family_rows(money, tax_benefit_system, population, w)
    if "is_zakat_mustahiq" in person:
        h = population.person_household
        with_mustahiq = numpy.bincount(h, weights=person["is_zakat_mustahiq"], minlength=population.n_households) > 0
        households = households_among(population, with_mustahiq)
        w_h = households.household["household_weight"].astype(numpy.float64)
        achieved = float((law_over_year(tax_benefit_system, households, "zakat_guzara_allowance") * w_h).sum())
        money("zakat guzara allowance, PKR a year", zakat_guzara_target(tax_benefit_system, year), achieved)


def family_rows(money, tax_benefit_system, population, w):
    """Family pensions against their share of the pension bill, where the population has family pensioners' inputs."""
    person, year = population.person, population.year
    target = family_pension_target(tax_benefit_system, year)
    needed = ("deceased_public_servant_death_date", "deceased_public_servant_retirement_date",
              "deceased_public_servant_last_pay", "deceased_public_servant_service_years")
    if target is None or not all(k in person for k in needed):
        return
    death = person["deceased_public_servant_death_date"].astype("datetime64[D]")
    paid = death <= numpy.datetime64(f"{year}-12-31", "D")
    yearly = yearly_family_pensions(tax_benefit_system, year, person["deceased_public_servant_last_pay"][paid],
                                    person["deceased_public_servant_service_years"][paid],
                                    person["deceased_public_servant_retirement_date"][paid], death[paid])
    money(f"family pensions, PKR a year ({target['share']:.0%} of the {target['bill_date'][:4]} pension bill "
          f"x {target['uprating']:.3f})", target["value"], float((yearly * w[paid]).sum()))


def format_calibration(rows) -> str:
    lines = [f"{'target':58} {'target':>14} {'achieved':>14} {'tolerance':>10}  ok"]
    for row in rows:
        if row["kind"] == "share":
            t, a, tol = f"{100 * row['target_value']:.2f} %", f"{100 * row['achieved']:.2f} %", "1 pt"
        elif row["kind"] in ("total", "money"):
            t, a, tol = f"{row['target_value']:,.0f}", f"{row['achieved']:,.0f}", f"{100 * row['tolerance']:g} %"
        else:
            t, a, tol = f"{row['target_value']:.2f}", f"{row['achieved']:.2f}", "5 %"
        lines.append(f"{row['target']:58} {t:>14} {a:>14} {tol:>10}  {'yes' if row['ok'] else 'NO'}")
    return "\n".join(lines)
