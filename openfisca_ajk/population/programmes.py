"""Programme inputs of the synthetic population: public-service careers, zakat mustahiqs, BISP registration, orphans.

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

import numpy

from openfisca_ajk.enums import EmploymentStatus, MaritalStatus, Sex
from openfisca_ajk.population.calibration import largest_remainder
from openfisca_ajk.population.data import ROLE_CODES
from openfisca_ajk.population.parameters import optional_parameter, band_edges, named_children
from openfisca_ajk.public_service import increase_factor
from openfisca_ajk.tools.dates import civil_from_days

NO_EVENT = numpy.datetime64("2999-12-31", "D")
HEAD, CHILD = ROLE_CODES["head"], ROLE_CODES["child"]
FEMALE = Sex.female.index
STATUS = {item.name: item.index for item in EmploymentStatus}
WIDOWED = MaritalStatus.widowed.index
TAKE_UP_PREFIX = "take_up_draw_"


def latest_value(parameter, instant: str):
    """(value, date) of the latest non-null value dated on or before ``instant``; None if there is none."""
    best = None
    for item in parameter.values_list:
        if item.value is not None and item.instant_str <= instant and (best is None or item.instant_str > best[1]):
            best = (float(item.value), item.instant_str)
    return best


def month_starts(year: int) -> list:
    return [f"{int(year)}-{month:02d}-01" for month in range(1, 13)]


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


def yearly_civil_pensions(tax_benefit_system, year, last_pay, service, commuted, retirement):
    """Civil pension paid over the 12 months of ``year``, per pensioner (the law's formula, PKR)."""
    pension = tax_benefit_system.parameters(f"{int(year)}-07-01").ajk.public_service.pension
    maximum = float(pension.maximum_qualifying_service)
    gross = last_pay * float(pension.full_pension_rate) * numpy.minimum(service, maximum) / maximum
    kept = 1 - commuted * float(pension.commutation_share)
    history = tax_benefit_system.parameters.ajk.public_service.pension
    total = numpy.zeros(len(last_pay))
    for start in month_starts(year):
        paid = retirement < numpy.datetime64(start, "D")
        factor = increase_factor(history.increase_rate, retirement, start, history.increase_for_later_retirees)
        total += paid * gross * kept * factor
    return total


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
        yearly = yearly_civil_pensions(tbs, year, last_pay, service, has_commuted, retired_on)
        all_weights = c["household"]["household_weight"].astype(numpy.float64)[c["person_household"]]
        # Servants retiring during the year draw pensions from the month after: they count towards the bill.
        newly = yearly_civil_pensions(tbs, year, pay[retiring].astype(numpy.float64), years[retiring].astype(numpy.float64),
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
    """Family pension paid over the 12 months of ``year``, per family pensioner (the law's formula, PKR)."""
    history = tax_benefit_system.parameters.ajk.public_service.pension
    started = numpy.minimum(retirement, death)
    died_as_pensioner = retirement < death
    total = numpy.zeros(len(last_pay))
    for start in month_starts(year):
        public_service = tax_benefit_system.parameters(start).ajk.public_service
        pension, family = public_service.pension, public_service.family_pension
        maximum = float(pension.maximum_qualifying_service)
        gross = last_pay * float(pension.full_pension_rate) * numpy.minimum(service, maximum) / maximum
        eligible = (death < numpy.datetime64(start, "D")) & (
            died_as_pensioner | (service >= float(family.minimum_service_death_in_service)))
        factor = increase_factor(history.increase_rate, started, start, history.increase_for_later_retirees)
        total += eligible * float(family.share_of_pension) * gross * factor
    return total


def closest_subset(amounts, target):
    """Positions (in order) of records whose amounts sum closest to ``target``: the longest prefix not above
    it, then any later record that brings the sum closer, then the one swap that brings it closest."""
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
        gaps = numpy.abs(total - amounts[inside][:, None] + amounts[outside][None, :] - target)
        best = numpy.unravel_index(int(numpy.argmin(gaps)), gaps.shape)
        if gaps[best] < abs(total - target):
            chosen[inside[best[0]]], chosen[outside[best[1]]] = False, True
    return numpy.flatnonzero(chosen)


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


def yearly_guzara(tax_benefit_system, year: int, household_sizes):
    """Guzara allowance over the 12 months of ``year`` for an eligible household of each size (the law's rates)."""
    sizes = numpy.asarray(household_sizes)
    total = numpy.zeros(len(sizes))
    months = tax_benefit_system.parameters(f"{int(year)}-07-01").general.months_per_year
    for start in month_starts(year):
        yearly = optional_parameter(tax_benefit_system, start, "ajk.zakat.guzara_allowance.yearly_per_beneficiary")
        if yearly is not None and start >= "2022-06-01":
            total += float(yearly) / float(months)
            continue
        schedule = optional_parameter(tax_benefit_system, start, "ajk.zakat.guzara_allowance.monthly_by_household_size")
        if schedule is not None and start >= "2016-12-01":
            total += schedule.calc(sizes)
    return total


def add_zakat(c):
    rng, person, household = c["rng"], c["person"], c["household"]
    tbs, year, h = c["tax_benefit_system"], int(c["year"]), c["person_household"]
    n_households = len(household["household_id"])
    sizes = numpy.bincount(h, minlength=n_households)
    adult_age = int(c["parameters"].household_composition.adult_age)
    is_head = c["role"] == HEAD
    adult_head = numpy.zeros(n_households, dtype=bool)
    adult_head[h[is_head]] = person["age"][is_head] >= adult_age
    priority = numpy.bincount(h, weights=(person["marital_status"] == WIDOWED) | person["has_disability"],
                              minlength=n_households) > 0
    propensity = numpy.exp(-2.0 * c["welfare"]) * numpy.where(priority, 2.0, 1.0)
    order = ranked_candidates(adult_head, propensity, rng)
    amounts = yearly_guzara(tbs, year, sizes[order]) * household["household_weight"].astype(numpy.float64)[order]
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

def take_up_schemes(tax_benefit_system, year: int) -> list:
    """Names of the schemes with a take-up parameter (``population.take_up.<scheme>``)."""
    node = tax_benefit_system.parameters.children.get("population")
    node = node.children.get("take_up") if node is not None else None
    return sorted(node.children) if node is not None else []


def take_up_draw(seed: int, year: int, scheme: str, n_households: int):
    """One uniform number per household for ``scheme``, from a stream of its own (float64)."""
    stream = numpy.random.default_rng(numpy.random.SeedSequence([int(seed), int(year), zlib.crc32(scheme.encode())]))
    return stream.random(n_households)


def add_take_up_draws(c):
    n_households = len(c["household"]["household_id"])
    for scheme in take_up_schemes(c["tax_benefit_system"], c["year"]):
        c["household"][TAKE_UP_PREFIX + scheme] = take_up_draw(c["seed"], c["year"], scheme, n_households)


def add_programme_inputs(c):
    add_public_service(c)
    add_family_pensions(c)
    add_zakat(c)
    add_registration_and_family(c)
    add_take_up_draws(c)
