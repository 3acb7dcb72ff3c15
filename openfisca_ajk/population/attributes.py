"""Person and household attributes of the synthetic population, each drawn to an exact target count."""

import numpy

from openfisca_ajk.enums import EmploymentStatus, IndustrySector, MaritalStatus, SchoolLevel, Sex
from openfisca_ajk.population.calibration import allocate_categories, largest_remainder, select_exact
from openfisca_ajk.population.data import CONSUMPTION, ROLE_CODES
from openfisca_ajk.population.parameters import band_edges, minimum_wage, named_children, poverty_line

HEAD, SPOUSE = ROLE_CODES["head"], ROLE_CODES["spouse"]
FEMALE, MALE = Sex.female.index, Sex.male.index
STATUS = {item.name: item.index for item in EmploymentStatus}
SECTOR = {item.name: item.index for item in IndustrySector}
LEVEL = {item.name: item.index for item in SchoolLevel}
MARITAL = {item.name: item.index for item in MaritalStatus}
LEVELS = ("primary", "secondary", "higher_secondary", "tertiary")


def exact_count(mask, rate) -> int:
    return int(round(float(rate) * int(numpy.sum(mask))))


def add_marital_status(c):
    p, rng, role, age, sex = c["parameters"].household_composition, c["rng"], c["role"], c["person"]["age"], c["person"]["sex"]
    has_spouse = c["has_spouse"][c["person_household"]]
    adult = age >= int(p.adult_age)
    status = numpy.full(len(age), MARITAL["never_married"], dtype=numpy.int16)
    status[role == SPOUSE] = MARITAL["married"]
    status[(role == HEAD) & has_spouse] = MARITAL["married"]
    lone_head = (role == HEAD) & ~has_spouse & adult
    widowed = select_exact(lone_head, exact_count(lone_head, p.widowed_share_of_heads_without_spouse), rng, age + 1.0)
    status[widowed] = MARITAL["widowed"]
    status[lone_head & ~widowed] = MARITAL["divorced"]
    others = (role != HEAD) & (role != SPOUSE) & adult
    for sex_code, share in ((FEMALE, p.ever_married_share_of_other_adult_women), (MALE, p.ever_married_share_of_other_adult_men)):
        group = others & (sex == sex_code)
        status[select_exact(group, exact_count(group, share), rng, age.astype(float))] = MARITAL["married"]
    c["person"]["marital_status"] = status


def add_disability_and_cnic(c):
    p, rng, age = c["parameters"], c["rng"], c["person"]["age"]
    everyone = numpy.ones(len(age), dtype=bool)
    c["person"]["has_disability"] = select_exact(everyone, exact_count(everyone, p.disability_prevalence), rng, 1.0 + age / 20.0)
    adults = age >= int(p.household_composition.adult_age)
    c["person"]["has_cnic"] = select_exact(adults, exact_count(adults, p.cnic_coverage), rng)


def add_schooling(c):
    p, rng, age, sex = c["parameters"].school_enrolment, c["rng"], c["person"]["age"], c["person"]["sex"]
    richer = numpy.exp(0.3 * c["welfare"])[c["person_household"]]
    firsts = [int(getattr(p, f"{level}_first_age")) for level in LEVELS] + [int(p.tertiary_last_age) + 1]
    level = numpy.full(len(age), LEVEL["none"], dtype=numpy.int16)
    for i, name in enumerate(LEVELS):
        in_ages = (age >= firsts[i]) & (age < firsts[i + 1])
        for sex_code, suffix in ((FEMALE, "girls"), (MALE, "boys")):
            group = in_ages & (sex == sex_code)
            rate = getattr(p, f"{name}_{suffix}")
            level[select_exact(group, exact_count(group, rate), rng, richer)] = LEVEL[name]
    enrolled = level != LEVEL["none"]
    attending = select_exact(enrolled, exact_count(enrolled, p.attending_share), rng)
    rate = numpy.zeros(len(age), dtype=numpy.float32)
    rate[attending] = 0.7 + 0.3 * rng.random(int(attending.sum()))
    low = enrolled & ~attending
    rate[low] = 0.3 + 0.39 * rng.random(int(low.sum()))
    c["person"]["school_level"], c["person"]["school_attendance_rate"] = level, rate


def add_labour(c):
    p, rng, age, sex = c["parameters"], c["rng"], c["person"]["age"], c["person"]["sex"]
    lf = p.labour_force
    profile = numpy.zeros(len(age))
    for name, weight in named_children(p.participation_age_profile).items():
        low, high = band_edges(name)
        profile[(age >= low) & (age <= high)] = float(weight)
    profile[c["person"]["school_level"] != LEVEL["none"]] *= 0.2
    working_age = age >= int(lf.minimum_working_age)
    women, men = working_age & (sex == FEMALE), working_age & (sex == MALE)
    labour_force_total = exact_count(working_age, lf.participation_rate)
    in_lf_women = select_exact(women, exact_count(women, lf.participation_rate_women), rng, profile)
    in_lf_men = select_exact(men, labour_force_total - int(in_lf_women.sum()), rng, profile)
    in_lf = in_lf_women | in_lf_men
    unemployed_total = exact_count(in_lf, lf.unemployment_rate)
    unemployed_women = select_exact(in_lf_women, exact_count(in_lf_women, lf.unemployment_rate_women), rng)
    youth = numpy.where(age < 30, 2.0, 1.0)
    unemployed_men = select_exact(in_lf_men, unemployed_total - int(unemployed_women.sum()), rng, youth)
    unemployed = unemployed_women | unemployed_men
    employed = in_lf & ~unemployed

    shares = p.employment_status_shares
    status = numpy.full(len(age), STATUS["not_in_labour_force"], dtype=numpy.int16)
    status[unemployed] = STATUS["unemployed"]
    not_head = numpy.where(c["role"] == HEAD, 0.3, 1.0)
    family = numpy.zeros(len(age), dtype=bool)
    for sex_code, share in ((FEMALE, shares.contributing_family_share_women), (MALE, shares.contributing_family_share_men)):
        group = employed & (sex == sex_code)
        family |= select_exact(group, exact_count(group, share), rng, not_head)
    status[family] = STATUS["contributing_family_worker"]
    rest = employed & ~family
    split = numpy.array([float(shares.employee), float(shares.own_account_worker), float(shares.employer)])
    codes = allocate_categories(rest, largest_remainder(split, int(rest.sum())), rng)
    for code, name in enumerate(("employee", "own_account_worker", "employer")):
        status[codes == code] = STATUS[name]
    c["person"]["employment_status"] = status

    employees = status == STATUS["employee"]
    prime = numpy.where((age >= 25) & (age < 60), 3.0, 0.5)
    public = select_exact(employees, exact_count(employees, p.public_servant_share), rng, prime)
    c["person"]["is_public_servant"] = public

    sector = numpy.full(len(age), SECTOR["other"], dtype=numpy.int16)
    sector_shares = named_children(p.industry_sector_shares)
    total_employed = int(employed.sum())
    targets = {name: int(round(float(share) * total_employed)) for name, share in sector_shares.items()}
    sector[public] = SECTOR["community_social_personal_services"]
    targets["community_social_personal_services"] = max(targets["community_social_personal_services"] - int(public.sum()), 0)
    names = list(targets)
    codes = allocate_categories(employed & ~public, [targets[n] for n in names], rng)
    for code, name in enumerate(names):
        sector[codes == code] = SECTOR[name]
    c["person"]["industry_sector"] = sector
    add_earnings(c, status, public)


def add_earnings(c, status, public):
    p, rng = c["parameters"], c["rng"]
    earnings, spread = p.earnings, float(p.earnings.log_spread)
    wage_floor, _ = minimum_wage(c["tax_benefit_system"], c["year"])
    n = len(status)
    draw = numpy.exp(spread * rng.standard_normal(n) + 0.2 * c["welfare"][c["person_household"]])
    wage = numpy.zeros(n, dtype=numpy.float32)
    income = numpy.zeros(n, dtype=numpy.float32)
    employee = status == STATUS["employee"]
    wage[employee & ~public] = (wage_floor * float(earnings.employee_median) * draw)[employee & ~public]
    wage[public] = (wage_floor * float(earnings.public_servant_median) * draw)[public]
    own = status == STATUS["own_account_worker"]
    boss = status == STATUS["employer"]
    income[own] = (wage_floor * float(earnings.own_account_median) * draw)[own]
    income[boss] = (wage_floor * float(earnings.employer_median) * draw)[boss]
    c["person"]["monthly_wage"], c["person"]["self_employment_income"] = wage, income

    size = numpy.zeros(n, dtype=numpy.int32)
    classes = named_children(p.establishment_size)
    private = employee & ~public
    codes = allocate_categories(private, largest_remainder([float(v) for v in classes.values()], int(private.sum())), rng)
    for code, name in enumerate(classes):
        low, high = band_edges(name)
        chosen = codes == code
        size[chosen] = rng.integers(low, high + 1, size=int(chosen.sum()))
    size[public] = rng.integers(50, 251, size=int(public.sum()))
    small = own | (status == STATUS["contributing_family_worker"])
    size[small] = rng.integers(1, 5, size=int(small.sum()))
    size[boss] = rng.integers(2, 20, size=int(boss.sum()))
    c["person"]["establishment_size"] = size


def add_profile_and_pregnancy(c):
    p, rng, age, sex = c["parameters"], c["rng"], c["person"]["age"], c["person"]["sex"]
    profile = p.nadra_profile
    tilt = numpy.exp(c["welfare"])[c["person_household"]]
    adults = age >= int(p.household_composition.adult_age)
    for name, share in (("has_travelled_abroad", profile.travelled_abroad), ("owns_motor_vehicle", profile.owns_motor_vehicle),
                        ("used_executive_nadra_services", profile.used_executive_nadra_services)):
        c["person"][name] = select_exact(adults, exact_count(adults, share), rng, tilt)
    bill = float(profile.median_phone_bill) * numpy.exp(0.8 * rng.standard_normal(len(age)) + 0.3 * c["welfare"][c["person_household"]])
    c["person"]["average_phone_bill"] = numpy.where(adults, bill, 0).astype(numpy.float32)
    married_women = (sex == FEMALE) & (c["person"]["marital_status"] == MARITAL["married"]) & (age >= 15) & (age <= 49)
    pregnant_count = int(round(float(p.crude_birth_rate) * len(age) * 9 / 12))
    c["person"]["is_pregnant"] = select_exact(married_women, pregnant_count, rng, numpy.where(age < 35, 2.0, 1.0))


def add_consumption_and_pmt(c):
    """Consumption per adult equivalent hitting the headcount exactly; PMT scores hitting the caseload."""
    p, rng, household = c["parameters"], c["rng"], c["household"]
    welfare, person_household = c["welfare"], c["person_household"]
    poverty = p.poverty
    line, _ = poverty_line(c["tax_benefit_system"], c["year"])
    sizes = numpy.bincount(person_household, minlength=len(welfare))
    order = numpy.argsort(welfare, kind="stable")
    share_persons = numpy.cumsum(sizes[order]) / sizes.sum()
    cut = int(numpy.searchsorted(share_persons, float(poverty.headcount)))
    threshold = welfare[order[min(cut, len(order) - 1)]]
    spread = float(poverty.consumption_log_spread)
    household[CONSUMPTION] = (line * numpy.exp(spread * (welfare - threshold))).astype(numpy.float64)

    pmt = p.pmt
    cutoff = float(c["tax_benefit_system"].parameters(f"{c['year']}-01-01").pakistan.bisp.kafaalat.pmt_cutoff)
    signal = welfare + float(pmt.score_noise) * rng.standard_normal(len(welfare))
    below = int(round(float(pmt.households_below_cutoff) * c["scale"]))
    ranked = numpy.sort(signal)
    if 0 < below < len(ranked):
        middle = (ranked[below - 1] + ranked[below]) / 2
    else:
        middle = ranked[-1] + 1 if below >= len(ranked) else ranked[0] - 1
    score = cutoff + float(pmt.score_spread) * (signal - middle) / max(float(signal.std()), 1e-9)
    household["pmt_score"] = numpy.clip(score, 0, 100).astype(numpy.float32)


def add_attributes(c):
    add_marital_status(c)
    add_disability_and_cnic(c)
    add_schooling(c)
    add_labour(c)
    add_profile_and_pregnancy(c)
    add_consumption_and_pmt(c)
