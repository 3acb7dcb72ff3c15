"""Programme inputs of the synthetic population: public-service careers, zakat mustahiqs, BISP registration, orphans.

- Every amount a calibration needs (civil and family pensions, the zakat guzara allowance) is computed by the
  law itself: a simulation of the drawn persons (``law_over_year``), never a copy of a formula.
- Retired AJK public servants drawing the civil pension: their number is calibrated so that their yearly
  pensions equal a share of the AJK budget's pension bill (``pension_bill_target``); serving public
  servants get a career (service years, pensionable pay, grade, superannuation date).
- Family pensioners: widowed persons whose deceased spouse was an AJK public servant who died in service
  (after the qualifying service) or as a pensioner, in number such that their yearly family pensions equal
  a share of the same pension bill (``family_pension_target``). They are drawn from a random stream of
  their own, so the other draws of the population do not change.
- No death in service is generated: ``died_in_service_this_month`` is a monthly event and the population's
  inputs hold for every month of the year, so an event would be counted twelve times.
- Zakat mustahiqs: poorest households first, calibrated so that the guzara allowance costs the guzara
  share of the zakat distributed in AJK (``zakat_guzara_target``).
- ``is_registered_with_bisp``: members of households scoring under the Kafaalat PMT cut-off (the NSER
  registry's beneficiaries; an assumption, no other registration rate is published for AJK).
- ``father_is_deceased``: children of a household headed by a widow (no rate needed).
- ``receives_other_cash_assistance``: civil and family pensioners and zakat mustahiqs (the AJK Social Protection
  Programme excludes persons already assisted; Kafaalat households are excluded by its own formula).
- ``is_muslim`` keeps its default (true). No transgender person is generated: no cited prevalence for AJK.
- ``ss_contribution_months`` is not generated: it is an input of months credited to the draft contributory
  scheme, which is not in force, so nobody has any today; a reform that starts the scheme counts service
  from its own start date (projections), not from a past career invented here.
- Take-up draws: one uniform number per household for each scheme with a take-up parameter
  (``population.take_up``), from its own random stream, so the draws do not depend on other schemes.
"""

import zlib
from pathlib import Path

import numpy

from openfisca_ajk import entities
from openfisca_ajk.engine.run import run_population
from openfisca_ajk.engine.take_up import take_up_draws
from openfisca_ajk.enums import EmploymentStatus, MaritalStatus, Sex
from openfisca_ajk.paths import law_folder
from openfisca_ajk.population.calibration import largest_remainder
from openfisca_ajk.population.data import ROLE_CODES, Population
from openfisca_ajk.population.parameters import band_edges, named_children
from openfisca_ajk.tools import dates
from openfisca_ajk.tools.dates import civil_from_days, increase_factor

NO_EVENT = numpy.datetime64("2999-12-31", "D")
HEAD, CHILD = ROLE_CODES["head"], ROLE_CODES["child"]
FEMALE = Sex.female.index
STATUS = {item.name: item.index for item in EmploymentStatus}
WIDOWED = MaritalStatus.widowed.index


def latest_value(parameter, instant: str):
    """(value, date) of the latest non-null value dated on or before ``instant``; None if there is none."""
    best = None
    for item in parameter.values_list:
        if item.value is not None and item.instant_str <= instant and (best is None or item.instant_str > best[1]):
            best = (float(item.value), item.instant_str)
    return best


# The law the calibration computes through (``law_over_year``): folders of ``variables/`` and helper modules.
CALIBRATION_LAW = ("ajk/public_service", "ajk/zakat", "demographics")


def calibration_law_sources() -> list:
    """The source files of the law the calibration computes through, in a fixed order (for the population
    cache's key: a change of these formulas gives another population)."""
    variables = law_folder("variables")
    files = [path for folder in CALIBRATION_LAW for path in sorted((variables / folder).rglob("*.py"))]
    return files + [Path(entities.__file__), Path(dates.__file__)]


def law_over_year(tax_benefit_system, population: Population, variable: str) -> numpy.ndarray:
    """``variable`` summed over the 12 months of the population's year, as the law computes it (float64, one
    value per person or household), through the engine (every month computed and summed in month order)."""
    run = run_population(tax_benefit_system, population, str(population.year), schemes=(), extras=(variable,),
                         merge_months=False)
    return run.extras[variable]


def households_among(population: Population, keep) -> Population:
    """The households where ``keep`` (one flag per household) holds, with their members and every column."""
    keep = numpy.asarray(keep, dtype=bool)
    members = keep[population.person_household]
    renumbered = numpy.cumsum(keep) - 1
    return Population(person={name: array[members] for name, array in population.person.items()},
                      household={name: array[keep] for name, array in population.household.items()},
                      person_household=renumbered[population.person_household[members]].astype(numpy.intp),
                      role=population.role[members], year=population.year, source=population.source,
                      notes=population.notes)


def persons_alone(year: int, columns: dict) -> Population:
    """A population of the persons ``columns`` describes (input name -> array), each the head of a household
    of one: the persons a calibration draws, before they are placed."""
    n = len(next(iter(columns.values())))
    return Population(person=dict(columns), person_household=numpy.arange(n, dtype=numpy.intp),
                      household={"household_id": numpy.arange(n, dtype=numpy.int64),
                                 "household_weight": numpy.ones(n, dtype=numpy.float32)},
                      role=numpy.full(n, HEAD, dtype=numpy.int8), year=int(year))


def yearly_civil_pensions(tax_benefit_system, year, birth, last_pay, service, commuted, retirement):
    """Civil pension paid over the 12 months of ``year``, per pensioner (``ajk_civil_pension``, PKR)."""
    pensioners = persons_alone(year, {
        "date_of_birth": birth, "last_pensionable_pay": last_pay, "public_service_years": service,
        "ajk_civil_pension_commuted": commuted, "public_service_retirement_date": retirement})
    return law_over_year(tax_benefit_system, pensioners, "ajk_civil_pension")


# ----- public service ------------------------------------------------------------------------------

def pension_bill_target(tax_benefit_system, year: int) -> dict:
    """Yearly civil pensions the population's pensioners should draw in ``year``, with how it was derived."""
    instant = f"{int(year)}-07-01"
    found = latest_value(tax_benefit_system.parameters.macro.ajk_budget.pensions, instant)
    if found is None:
        return None
    bill, dated = found
    increases = tax_benefit_system.parameters.ajk.public_service.pension.increase_rate
    uprating = float(increase_factor(increases, numpy.array([dated], dtype="datetime64[D]"), instant)[0])
    share = float(tax_benefit_system.parameters(instant).population.public_service_pensions.civil_pension_share_of_bill)
    return {"value": bill * uprating * share, "bill": bill, "bill_date": dated, "uprating": uprating, "share": share}


def anniversary(birth_dates, years):
    """The date ``years`` after each birth date (29 February becomes 1 March)."""
    days = numpy.asarray(birth_dates).astype("datetime64[D]").astype(numpy.int64)
    year, month, day = civil_from_days(days)
    first = ((year + numpy.asarray(years) - 1970).astype("datetime64[Y]").astype("datetime64[M]")
             + (month - 1).astype("timedelta64[M]"))
    return first.astype("datetime64[D]") + (day - 1).astype("timedelta64[D]")


def assign_grades(pay, mask, shares_node, rng):
    """BPS grade by rank of pay among ``mask``: the lowest pays get the lowest bands."""
    grade = numpy.zeros(len(pay), dtype=numpy.int32)
    index = numpy.flatnonzero(mask)
    if index.size == 0:
        return grade
    bands = named_children(shares_node)
    counts = largest_remainder([float(v) for v in bands.values()], index.size)
    ranked = index[numpy.argsort(pay[index], kind="stable")]
    first = 0
    for (name, _), count in zip(bands.items(), counts):
        low, high = band_edges(name)
        chosen = ranked[first:first + count]
        grade[chosen] = rng.integers(low, high + 1, size=chosen.size)
        first += count
    return grade


def add_public_service(c):
    p, rng, person = c["parameters"], c["rng"], c["person"]
    tbs, year = c["tax_benefit_system"], int(c["year"])
    careers = p.public_service_pensions
    superannuation = int(tbs.parameters(f"{year}-07-01").ajk.public_service.pension.superannuation_age)
    age, sex, n = person["age"], person["sex"], len(person["age"])
    start_of_year = numpy.datetime64(f"{year}-01-01", "D")
    low, high = float(careers.entry_age_minimum), float(careers.entry_age_maximum)
    entry = low + (high - low) * rng.random(n)
    years = numpy.zeros(n, dtype=numpy.float32)
    pay = numpy.zeros(n, dtype=numpy.float32)
    retirement = numpy.full(n, NO_EVENT)
    commuted = numpy.zeros(n, dtype=bool)

    serving = person["is_public_servant"]
    superannuation_date = anniversary(person["date_of_birth"], superannuation)
    years[serving] = numpy.maximum(age[serving] - numpy.minimum(entry[serving], age[serving]), 0)
    pay[serving] = person["monthly_wage"][serving]
    upcoming = serving & (superannuation_date >= start_of_year)
    retirement[upcoming] = superannuation_date[upcoming]
    # Servants retiring during the year: service counted to the retirement date.
    retiring = upcoming & (superannuation_date <= numpy.datetime64(f"{year}-12-31", "D"))
    years[retiring] = superannuation - numpy.minimum(entry[retiring], age[retiring])

    target = pension_bill_target(tbs, year)
    candidates = (age >= superannuation) & (person["employment_status"] == STATUS["not_in_labour_force"])
    if target is not None and serving.any() and candidates.any():
        # Pensioners mirror the sex mix of serving public servants, and are rarely in the poorest households.
        female_servants = float(numpy.mean(sex[serving] == FEMALE))
        female_candidates = max(float(numpy.mean(sex[candidates] == FEMALE)), 1e-9)
        propensity = numpy.where(sex == FEMALE, female_servants / female_candidates,
                                 (1 - female_servants) / max(1 - female_candidates, 1e-9))
        propensity = propensity * numpy.exp(0.3 * c["welfare"])[c["person_household"]]
        order = ranked_candidates(candidates, propensity, rng)
        today_pay = person["monthly_wage"][serving][rng.integers(0, int(serving.sum()), size=order.size)]
        retired_on = superannuation_date[order]
        service = superannuation - entry[order]
        increases = tbs.parameters.ajk.public_service.pension.increase_rate
        last_pay = today_pay / increase_factor(increases, retired_on, f"{year}-07-01")
        has_commuted = rng.random(order.size) < float(careers.commuted_share)
        yearly = yearly_civil_pensions(tbs, year, person["date_of_birth"][order], last_pay, service, has_commuted,
                                       retired_on)
        all_weights = c["household"]["household_weight"].astype(numpy.float64)[c["person_household"]]
        # Servants retiring during the year draw pensions from the month after: they count towards the bill.
        newly = yearly_civil_pensions(tbs, year, person["date_of_birth"][retiring], pay[retiring], years[retiring],
                                      numpy.zeros(int(retiring.sum()), dtype=bool), retirement[retiring])
        remaining = target["value"] - float((newly * all_weights[retiring]).sum())
        cumulative = numpy.cumsum(yearly * all_weights[order])
        k = int(numpy.argmin(numpy.abs(numpy.concatenate([[0.0], cumulative]) - remaining)))
        chosen = order[:k]
        years[chosen], pay[chosen] = service[:k], last_pay[:k]
        retirement[chosen], commuted[chosen] = retired_on[:k], has_commuted[:k]
    pensioner = retirement < start_of_year
    person["public_service_years"] = years
    person["last_pensionable_pay"] = pay
    person["public_service_retirement_date"] = retirement
    person["ajk_civil_pension_commuted"] = commuted
    person["bps_grade"] = assign_grades(pay, serving | pensioner, careers.bps_grade_shares, rng)


def family_pension_target(tax_benefit_system, year: int) -> dict:
    """Yearly family pensions the population's family pensioners should draw in ``year``, with how it was derived."""
    civil = pension_bill_target(tax_benefit_system, year)
    if civil is None:
        return None
    careers = tax_benefit_system.parameters(f"{int(year)}-07-01").population.public_service_pensions
    share = float(careers.family_pension_share_of_bill)
    return {**civil, "value": civil["bill"] * civil["uprating"] * share, "share": share}


def yearly_family_pensions(tax_benefit_system, year, last_pay, service, retirement, death):
    """Family pension paid over the 12 months of ``year``, per family pensioner (``ajk_family_pension``, PKR)."""
    families = persons_alone(year, {
        "deceased_public_servant_last_pay": last_pay, "deceased_public_servant_service_years": service,
        "deceased_public_servant_retirement_date": retirement, "deceased_public_servant_death_date": death})
    return law_over_year(tax_benefit_system, families, "ajk_family_pension")


def closest_subset(amounts, target):
    """Positions (in order) of records whose amounts sum closest to ``target``: the longest prefix not above
    it, then any later record that brings the sum closer, then the one swap that brings it closest."""
    amounts = numpy.asarray(amounts, dtype=numpy.float64)
    cumulative = numpy.cumsum(amounts)
    chosen = numpy.zeros(len(amounts), dtype=bool)
    k = int(numpy.searchsorted(cumulative, target, side="right"))
    chosen[:k] = True
    total = float(cumulative[k - 1]) if k else 0.0
    for i in range(k, len(amounts)):
        if abs(total + amounts[i] - target) < abs(total - target):
            chosen[i], total = True, total + float(amounts[i])
    inside, outside = numpy.flatnonzero(chosen), numpy.flatnonzero(~chosen)
    if inside.size and outside.size:
        swap = best_swap(total, amounts[inside], amounts[outside], target)
        if swap is not None:
            chosen[inside[swap[0]]], chosen[outside[swap[1]]] = False, True
    return numpy.flatnonzero(chosen)


def best_swap(total, inside, outside, target):
    """(i, j) minimising ``|total - inside[i] + outside[j] - target|`` (the first in row order on a tie), or
    None when no swap brings the sum closer than ``|total - target|``.

    Same answer as the argmin over the whole inside x outside table, without that table: for one ``i`` the
    gap, computed in the same floating-point steps, is non-increasing then non-decreasing over the sorted
    ``outside`` amounts, so a binary search per row finds the row's minimum (memory O(inside + outside)).
    """
    order = numpy.argsort(outside, kind="stable")
    ranked = outside[order]
    base = total - inside                                    # the first step of the gap, per row
    low = numpy.zeros(inside.size, dtype=numpy.intp)        # first sorted position where the signed gap >= 0
    high = numpy.full(inside.size, ranked.size, dtype=numpy.intp)
    while True:
        open_rows = low < high
        if not open_rows.any():
            break
        middle = (low + high) // 2
        probe = numpy.minimum(middle, ranked.size - 1)
        at_or_above = (base + ranked[probe]) - target >= 0
        high = numpy.where(open_rows & at_or_above, middle, high)
        low = numpy.where(open_rows & ~at_or_above, middle + 1, low)
    below = numpy.abs((base + ranked[numpy.maximum(low - 1, 0)]) - target)
    above = numpy.abs((base + ranked[numpy.minimum(low, ranked.size - 1)]) - target)
    row_best = numpy.minimum(below, above)
    row = int(numpy.argmin(row_best))
    gaps = numpy.abs(total - inside[row] + outside - target)  # the chosen row in full: its first minimum
    column = int(numpy.argmin(gaps))
    if gaps[column] < abs(total - target):
        return row, column
    return None


def add_family_pensions(c):
    """Widowed persons drawing a family pension for a deceased public servant, calibrated to the pension bill."""
    person, tbs, year = c["person"], c["tax_benefit_system"], int(c["year"])
    n = len(person["age"])
    death = numpy.full(n, NO_EVENT)
    retirement = numpy.full(n, NO_EVENT)
    last_pay = numpy.zeros(n, dtype=numpy.float32)
    service = numpy.zeros(n, dtype=numpy.float32)
    target = family_pension_target(tbs, year)
    serving = person["is_public_servant"]
    start_of_year = numpy.datetime64(f"{year}-01-01", "D")
    own_pension = person["public_service_retirement_date"] < start_of_year
    candidates = (person["marital_status"] == WIDOWED) & ~own_pension
    if target is not None and serving.any() and candidates.any():
        rng = numpy.random.default_rng(numpy.random.SeedSequence([int(c["seed"]), year, zlib.crc32(b"family_pension")]))
        drawn = draw_deceased_servants(c, candidates, rng)
        yearly = yearly_family_pensions(tbs, year, drawn["last_pay"], drawn["service"], drawn["retirement"], drawn["death"])
        weights = c["household"]["household_weight"].astype(numpy.float64)[c["person_household"]][drawn["order"]]
        keep = closest_subset(yearly * weights, target["value"])
        chosen = drawn["order"][keep]
        death[chosen], retirement[chosen] = drawn["death"][keep], drawn["retirement"][keep]
        last_pay[chosen], service[chosen] = drawn["last_pay"][keep], drawn["service"][keep]
    person["deceased_public_servant_death_date"] = death
    person["deceased_public_servant_retirement_date"] = retirement
    person["deceased_public_servant_last_pay"] = last_pay
    person["deceased_public_servant_service_years"] = service


def draw_deceased_servants(c, candidates, rng):
    """For widowed candidates in a random order tilted to the servants' sex mix and to better-off households:
    the deceased spouse's career (entry, death in service or as a pensioner, service, last pay)."""
    person, tbs, year = c["person"], c["tax_benefit_system"], int(c["year"])
    careers = c["parameters"].public_service_pensions
    public_service = tbs.parameters(f"{year}-07-01").ajk.public_service
    superannuation = float(public_service.pension.superannuation_age)
    qualifying = float(public_service.family_pension.minimum_service_death_in_service)
    sex, serving = person["sex"], person["is_public_servant"]
    female_servants = float(numpy.mean(sex[serving] == FEMALE))
    female_candidates = float(numpy.mean(sex[candidates] == FEMALE))
    # A widow's deceased husband was a male servant, a widower's deceased wife a female servant.
    propensity = numpy.where(sex == FEMALE, (1 - female_servants) / max(female_candidates, 1e-9),
                             female_servants / max(1 - female_candidates, 1e-9))
    propensity = propensity * numpy.exp(0.3 * c["welfare"])[c["person_household"]]
    order = ranked_candidates(candidates, propensity, rng)
    m = order.size
    low, high = float(careers.entry_age_minimum), float(careers.entry_age_maximum)
    entry = low + (high - low) * rng.random(m)
    gap = 2 + 6 * rng.random(m)      # the generator's couples: the husband is 2 to 8 years older
    gap = numpy.where(sex[order] == FEMALE, gap, -gap)
    gap_days = numpy.round(gap * 365.25).astype(numpy.int64).astype("timedelta64[D]")
    birth = person["date_of_birth"][order].astype("datetime64[D]") - gap_days
    start_of_year = numpy.datetime64(f"{year}-01-01", "D")
    age_now = (start_of_year - birth).astype(numpy.float64) / 365.25
    earliest = entry + qualifying + 0.01
    latest = numpy.minimum(age_now - 0.01, float(careers.death_age_maximum))
    age_at_death = earliest + (latest - earliest) * rng.random(m)
    death = birth + numpy.floor(age_at_death * 365.25).astype(numpy.int64).astype("timedelta64[D]")
    superannuation_date = anniversary(birth, superannuation)
    in_service = death < superannuation_date
    retirement = numpy.where(in_service, NO_EVENT, superannuation_date)
    service = numpy.where(in_service, (death - birth).astype(numpy.float64) / 365.25, superannuation) - entry
    today_pay = person["monthly_wage"][serving][rng.integers(0, int(serving.sum()), size=m)].astype(numpy.float64)
    increases = tbs.parameters.ajk.public_service.pension.increase_rate
    last_pay = today_pay / increase_factor(increases, numpy.minimum(retirement, death), f"{year}-07-01")
    feasible = (latest > earliest) & (death < start_of_year)
    return {"order": order[feasible], "death": death[feasible], "retirement": retirement[feasible],
            "service": service[feasible], "last_pay": last_pay[feasible]}


def ranked_candidates(candidates, propensity, rng):
    """Candidate indices in a random order tilted by ``propensity`` (weighted sampling without replacement)."""
    index = numpy.flatnonzero(candidates)
    keys = numpy.log(numpy.maximum(rng.random(index.size), 1e-300)) / numpy.maximum(propensity[index], 1e-12)
    return index[numpy.argsort(-keys, kind="stable")]


# ----- zakat -----------------------------------------------------------------------------------------

def zakat_guzara_target(tax_benefit_system, year: int) -> float:
    """PKR a year of guzara allowance the population's mustahiqs should receive."""
    zakat = tax_benefit_system.parameters(f"{int(year)}-07-01").population.zakat
    return float(zakat.distributed_per_year) * float(zakat.guzara_share)


def yearly_guzara(tax_benefit_system, year: int, person_household, role, age, mustahiq):
    """Guzara allowance over the 12 months of ``year`` per household (``zakat_guzara_allowance``, PKR), for the
    persons of ``person_household`` with these roles and ages, the ``mustahiq`` ones assessed as mustahiqs."""
    n_households = int(person_household[-1]) + 1 if len(person_household) else 0
    households = Population(person={"age": age, "is_zakat_mustahiq": mustahiq},
                            household={"household_id": numpy.arange(n_households, dtype=numpy.int64),
                                       "household_weight": numpy.ones(n_households, dtype=numpy.float32)},
                            person_household=person_household, role=role, year=int(year))
    return law_over_year(tax_benefit_system, households, "zakat_guzara_allowance")


def add_zakat(c):
    rng, person, household = c["rng"], c["person"], c["household"]
    tbs, year, h = c["tax_benefit_system"], int(c["year"]), c["person_household"]
    n_households = len(household["household_id"])
    adult_age = int(c["parameters"].household_composition.adult_age)
    is_head = c["role"] == HEAD
    adult_head = numpy.zeros(n_households, dtype=bool)
    adult_head[h[is_head]] = person["age"][is_head] >= adult_age
    priority = numpy.bincount(h, weights=(person["marital_status"] == WIDOWED) | person["has_disability"],
                              minlength=n_households) > 0
    propensity = numpy.exp(-2.0 * c["welfare"]) * numpy.where(priority, 2.0, 1.0)
    order = ranked_candidates(adult_head, propensity, rng)
    # What each candidate household would receive with its head assessed as a mustahiq.
    if_mustahiq = yearly_guzara(tbs, year, h, c["role"], person["age"], is_head & adult_head[h])
    amounts = if_mustahiq[order] * household["household_weight"].astype(numpy.float64)[order]
    cumulative = numpy.concatenate([[0.0], numpy.cumsum(amounts)])
    k = int(numpy.argmin(numpy.abs(cumulative - zakat_guzara_target(tbs, year)))) if amounts.any() else 0
    mustahiq_household = numpy.zeros(n_households, dtype=bool)
    mustahiq_household[order[:k]] = True
    person["is_zakat_mustahiq"] = is_head & mustahiq_household[h]


def add_registration_and_family(c):
    person, household, h = c["person"], c["household"], c["person_household"]
    cutoff = float(c["tax_benefit_system"].parameters(f"{c['year']}-01-01").pakistan.bisp.kafaalat.pmt_cutoff)
    person["is_registered_with_bisp"] = (household["pmt_score"] < cutoff)[h]
    is_head = c["role"] == HEAD
    widow_head = numpy.zeros(len(household["household_id"]), dtype=bool)
    widow_head[h[is_head]] = (person["sex"][is_head] == FEMALE) & (person["marital_status"][is_head] == WIDOWED)
    person["father_is_deceased"] = (c["role"] == CHILD) & widow_head[h]
    start_of_year = numpy.datetime64(f"{int(c['year'])}-01-01", "D")
    pensioner = person["public_service_retirement_date"] < start_of_year
    family_pensioner = person["deceased_public_servant_death_date"] < start_of_year
    person["receives_other_cash_assistance"] = pensioner | family_pensioner | person["is_zakat_mustahiq"]


# ----- take-up -----------------------------------------------------------------------------------------

def add_take_up_draws(c):
    n_households = len(c["household"]["household_id"])
    c["household"].update(take_up_draws(c["seed"], c["year"], c["tax_benefit_system"], n_households))


def add_programme_inputs(c):
    add_public_service(c)
    add_family_pensions(c)
    add_zakat(c)
    add_registration_and_family(c)
    add_take_up_draws(c)
