"""A synthetic AJK population, deterministic for a seed, from the ``population`` parameters.

Steps (methods.md section 5):

1. IPF fits a district x urban x sex x age-band table of persons to the margins
   (census 2017 by district grown to the year, urban share, female share, age
   structure); truncate-replicate-sample integerisation gives integer cell counts.
2. Households are drawn per district x urban cell (sizes 1 + Poisson(mean - 1),
   the last household trimmed so the cell total is exact), with a head, perhaps a
   spouse, and children or other relatives.
3. Sexes of children and relatives are set so each cell has its female count;
   ages are assigned by rank of a provisional age (heads older than spouses older
   than children) so each cell matches its integer age-band counts exactly.
4. Birth dates are spread over the year: ``age`` is the age in completed years on 1 January,
   and the simulation computes each month's age from ``date_of_birth``.
5. Every rate target (labour force, unemployment, status, sector, school
   enrolment, disability, CNIC, pregnancy, profiling filters, PMT cut-off,
   poverty headcount) is hit by drawing exact counts (``select_exact``).

6. Programme inputs (public-service careers calibrated to the pension bill, zakat mustahiqs
   calibrated to the guzara spending, BISP registration, orphans, take-up draws):
   ``openfisca_ajk.population.programmes``.

Everything is a numpy array; nothing is written to disk.
"""

import math

import numpy

from openfisca_ajk.enums import Sex
from openfisca_ajk.population.attributes import add_attributes
from openfisca_ajk.population.calibration import ipf, largest_remainder, select_exact, trs_integerise
from openfisca_ajk.population.data import ROLE_CODES, Population
from openfisca_ajk.population.parameters import (
    DISTRICTS, band_edges, minimum_wage, named_children, population_parameters, poverty_line,
)
from openfisca_ajk.population.programmes import add_programme_inputs
from openfisca_ajk.tools.years import check_year

GENERATOR_VERSION = "2"
BIRTH_DATES = ("spread", "january")
HEAD, SPOUSE, CHILD, OTHER = (ROLE_CODES[k] for k in ("head", "spouse", "child", "other"))
FEMALE, MALE = Sex.female.index, Sex.male.index


def target_district_totals(parameters, year: int) -> numpy.ndarray:
    """Persons by district in ``year``: census 2017 grown at the annual rate (float)."""
    census = named_children(parameters.census_2017_by_district)
    base = numpy.array([float(census[d.name]) for d in DISTRICTS])
    growth = (1 + float(parameters.annual_growth_rate)) ** (int(year) - int(parameters.census_year))
    return base * growth


def age_bands(parameters):
    """(edges [(low, high)], shares) of the age structure parameter."""
    children = named_children(parameters.age_structure)
    edges = [band_edges(name) for name in children]
    shares = numpy.array([float(v) for v in children.values()])
    return edges, shares / shares.sum()


def resolve_scale(parameters, year: int, size: float) -> float:
    """``size`` <= 1 is a scale factor; above 1 it is a number of persons, at most the population of the year
    (size 1): a larger sample would only give weights under 1. Checked before anything is allocated."""
    size = float(size)
    if not math.isfinite(size) or size <= 0:
        raise ValueError(f"--size must be a positive finite number, got {size:g}")
    if size <= 1:
        return size
    full = float(target_district_totals(parameters, year).sum())
    if size > full:
        raise ValueError(f"--size {size:,.0f} persons is more than the {full:,.0f} persons of AJK in {int(year)} (size 1); "
                         "give at most that number, or a scale factor up to 1")
    return size / full


def fit_cells(parameters, year, scale, rng):
    """Integer persons by district x urban x sex x age band, fitted by IPF then integerised."""
    districts = target_district_totals(parameters, year) * scale
    total = districts.sum()
    urban = float(parameters.urban_share)
    female = float(parameters.female_share)
    edges, age_shares = age_bands(parameters)
    seed = numpy.ones((len(DISTRICTS), 2, 2, len(edges)))
    margins = [
        ((0,), districts),
        ((1,), numpy.array([1 - urban, urban]) * total),
        ((2,), numpy.array([female, 1 - female]) * total),   # sex axis: 0 female, 1 male
        ((3,), age_shares * total),
    ]
    table, _ = ipf(seed, margins)
    # Controlled rounding: integer district totals first, then each district's cells (TRS keeps its total).
    district_totals = largest_remainder(districts, int(round(total)))
    cells = numpy.zeros(table.shape, dtype=numpy.int64)
    for d, persons in enumerate(district_totals):
        block = table[d] * (persons / table[d].sum()) if table[d].sum() > 0 else table[d]
        cells[d] = trs_integerise(block, rng)
    return cells, edges


def draw_households(cells, parameters, rng):
    """Household sizes and (district, urban) per household, exact persons per cell."""
    mean_size = float(parameters.household_size)
    sizes, district, urban = [], [], []
    for d in range(cells.shape[0]):
        for u in range(2):
            persons = int(cells[d, u].sum())
            if persons == 0:
                continue
            guess = int(persons / mean_size * 1.2) + 20
            drawn = 1 + rng.poisson(mean_size - 1, size=guess)
            while drawn.sum() < persons:
                drawn = numpy.concatenate([drawn, 1 + rng.poisson(mean_size - 1, size=guess)])
            cumulative = numpy.cumsum(drawn)
            last = int(numpy.searchsorted(cumulative, persons))
            drawn = drawn[: last + 1].copy()
            drawn[-1] -= int(cumulative[last] - persons)
            sizes.append(drawn)
            district.append(numpy.full(len(drawn), d, dtype=numpy.int16))
            urban.append(numpy.full(len(drawn), u == 1))
    return numpy.concatenate(sizes), numpy.concatenate(district), numpy.concatenate(urban)


def assign_roles(sizes, composition, rng):
    """Roles and head sex per person; returns (person_household, position, role, head_female)."""
    households = len(sizes)
    person_household = numpy.repeat(numpy.arange(households, dtype=numpy.intp), sizes)
    starts = numpy.concatenate([[0], numpy.cumsum(sizes)[:-1]])
    position = numpy.arange(len(person_household)) - starts[person_household]
    head_female = rng.random(households) < float(composition.female_head_share)
    has_spouse = (sizes >= 2) & ~head_female & (rng.random(households) < float(composition.head_with_spouse_share))
    role = numpy.where(rng.random(len(person_household)) < float(composition.child_share_of_other_members), CHILD, OTHER)
    role[position == 0] = HEAD
    role[(position == 1) & has_spouse[person_household]] = SPOUSE
    return person_household, position, role.astype(numpy.int8), head_female, has_spouse


def provisional_ages(person_household, role, head_female, rng):
    """Ages that order people sensibly inside households (rank-mapped to the target later)."""
    households = int(person_household[-1]) + 1
    head_age = 22 + 55 * rng.beta(2.0, 3.0, size=households)
    spouse_age = head_age - 2 - 6 * rng.random(households)
    parent_age = numpy.where(head_female, head_age, spouse_age)
    n = len(person_household)
    age = numpy.empty(n)
    is_head, is_spouse, is_child = role == HEAD, role == SPOUSE, role == CHILD
    age[is_head] = head_age
    age[is_spouse] = spouse_age[person_household[is_spouse]]
    age[is_child] = numpy.maximum(parent_age[person_household[is_child]] - 18 - 24 * rng.random(int(is_child.sum())), 0)
    is_other = role == OTHER
    elder = rng.random(n) < 0.3
    age[is_other & elder] = head_age[person_household[is_other & elder]] + 20 + 10 * rng.random(int((is_other & elder).sum()))
    young = is_other & ~elder
    age[young] = 35 * rng.random(int(young.sum()))
    return age + 0.01 * rng.random(n)


def assign_sex(cells, person_household, role, head_female, has_spouse, district, urban, rng):
    """Sex codes so that each district x urban cell has its integer female count."""
    n = len(person_household)
    sex = numpy.full(n, MALE, dtype=numpy.int16)
    hh_female_head = head_female[person_household]
    sex[(role == HEAD) & hh_female_head] = FEMALE
    sex[role == SPOUSE] = FEMALE  # heads with a spouse are men
    free = (role == CHILD) | (role == OTHER)
    cell = district[person_household].astype(numpy.int64) * 2 + urban[person_household]
    for c in range(cells.shape[0] * 2):
        d, u = divmod(c, 2)
        in_cell = cell == c
        fixed_female = int(numpy.sum(in_cell & ~free & (sex == FEMALE)))
        needed = int(cells[d, u, 0].sum()) - fixed_female
        chosen = select_exact(in_cell & free, needed, rng)
        sex[chosen] = FEMALE
    return sex


def assign_ages(cells, edges, provisional, sex, person_household, district, urban):
    """Integer ages: each district x urban x sex cell gets its integer age-band counts, by rank."""
    cell = (district[person_household].astype(numpy.int64) * 2 + urban[person_household]) * 2 + (sex == MALE)
    order = numpy.lexsort((provisional, cell))
    sorted_cell = cell[order]
    age = numpy.empty(len(provisional), dtype=numpy.int32)
    bounds = numpy.searchsorted(sorted_cell, numpy.arange(cells.shape[0] * 4 + 1))
    lows = numpy.array([e[0] for e in edges])
    widths = numpy.array([min(e[1], 99) - e[0] + 1 for e in edges])
    for c in range(cells.shape[0] * 4):
        first, last = int(bounds[c]), int(bounds[c + 1])
        if last == first:
            continue
        d, rest = divmod(c, 4)
        u, s = divmod(rest, 2)
        counts = cells[d, u, s]
        if counts.sum() != last - first:
            shares = counts if counts.sum() > 0 else cells.sum(axis=(0, 1, 2))
            counts = largest_remainder(shares, last - first)
        band = numpy.repeat(numpy.arange(len(edges)), counts)
        band_start = numpy.concatenate([[0], numpy.cumsum(counts)[:-1]])
        rank = numpy.arange(last - first) - band_start[band]
        age[order[first:last]] = lows[band] + (rank * widths[band]) // numpy.maximum(counts[band], 1)
    return age


def date_of_birth(age, year, rng=None, spread=True):
    """Birth dates giving ``age`` completed years on 1 January of ``year``.

    Spread: uniformly over the 365 days up to that 1 January, so birthdays fall in every month. Otherwise
    (``spread=False`` or no ``rng``) on 1 January, so the age is the same in every month of ``year``.
    """
    january = ((int(year) - 1970) - age.astype(numpy.int64)).astype("datetime64[Y]").astype("datetime64[D]")
    if rng is None:
        return january
    days_before = rng.integers(0, 365, size=len(age))
    return january - (days_before * bool(spread)).astype("timedelta64[D]")


def generate_population(tax_benefit_system, year: int, seed: int = 1, size: float = 1.0,
                        birth_dates: str = "spread") -> Population:
    """The synthetic AJK population of ``year`` (persons x ``scale``; weights 1/scale).

    ``birth_dates="january"`` puts every birthday on 1 January (ages constant over the year, so the
    microsimulation can merge months; faster, less realistic).
    """
    if birth_dates not in BIRTH_DATES:
        raise ValueError(f"birth_dates must be one of {BIRTH_DATES}, got {birth_dates!r}")
    check_year(tax_benefit_system, year, "the year")
    parameters = population_parameters(tax_benefit_system, year)
    scale = resolve_scale(parameters, year, size)
    rng = numpy.random.default_rng(numpy.random.SeedSequence([int(seed), int(year)]))

    cells, edges = fit_cells(parameters, year, scale, rng)
    sizes, district, urban = draw_households(cells, parameters, rng)
    composition = parameters.household_composition
    person_household, _, role, head_female, has_spouse = assign_roles(sizes, composition, rng)
    provisional = provisional_ages(person_household, role, head_female, rng)
    sex = assign_sex(cells, person_household, role, head_female, has_spouse, district, urban, rng)
    age = assign_ages(cells, edges, provisional, sex, person_household, district, urban)

    households = len(sizes)
    person = {
        "person_id": numpy.arange(len(age), dtype=numpy.int64),
        "age": age,
        "date_of_birth": date_of_birth(age, year, rng, spread=birth_dates == "spread"),
        "sex": sex,
    }
    household = {
        "household_id": numpy.arange(households, dtype=numpy.int64),
        "district": district,
        "is_urban": urban,
        "household_weight": numpy.full(households, 1.0 / scale, dtype=numpy.float32),
    }
    welfare = rng.standard_normal(households) + float(parameters.poverty.urban_welfare_shift) * urban
    context = dict(parameters=parameters, rng=rng, person=person, household=household, role=role,
                   person_household=person_household, has_spouse=has_spouse, welfare=welfare,
                   scale=scale, year=year, seed=int(seed), tax_benefit_system=tax_benefit_system)
    add_attributes(context)
    add_programme_inputs(context)
    population = Population(person=person, household=household, person_household=person_household,
                            role=role, year=int(year), source="synthetic",
                            notes={"seed": int(seed), "scale": scale, "birth_dates": birth_dates,
                                   "age_from_birth_date": birth_dates == "spread",
                                   "minimum_wage": minimum_wage(tax_benefit_system, year),
                                   "poverty_line": poverty_line(tax_benefit_system, year)})
    return population.check()
