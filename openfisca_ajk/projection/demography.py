"""Cohort-component projection of the AJK population by sex and single age (methods.md section 2.2 step 1).

    P[s, x+1, t+1] = P[s, x, t] * (1 - q[s, x, t]) + migration        (open age group at MAX_AGE)
    births_t = sum_x f[x, t] * P[female, x, t],  split by the sex ratio at birth,
    survivors of births to 1 January = births * (1 - q0 / 2).

The base population is the one the population generator calibrates to: the 2017 census grown at
``population.annual_growth_rate`` to the base year, the ``population.age_structure`` shares (five-year
bands, spread evenly over single ages; the open band over 80-100 with declining weights) and
``population.female_share``.
"""

from dataclasses import dataclass

import numpy

from openfisca_ajk.population.parameters import band_edges, named_children, population_parameters
from openfisca_ajk.projection.mortality import MAX_AGE, death_probabilities

FEMALE, MALE = 0, 1
MIGRATION_AGES = (20, 39)
OPEN_BAND_DECAY = 0.15   # relative weight of each single age in the open band falls by this share a year
MINIMUM_WORKING_AGE_FALLBACK = 10


@dataclass
class PopulationProjection:
    years: numpy.ndarray
    persons: numpy.ndarray        # [year, sex, age] on 1 January
    births: numpy.ndarray         # [year] births during the year
    deaths: numpy.ndarray         # [year]
    death_probabilities: numpy.ndarray  # [year, sex, age]

    def at(self, year):
        return self.persons[int(year) - int(self.years[0])]

    def total(self):
        return self.persons.sum(axis=(1, 2))


def base_population(tax_benefit_system, year):
    """Array [2, MAX_AGE + 1] of persons on 1 January of ``year``."""
    parameters = population_parameters(tax_benefit_system, year)
    census = sum(float(v) for v in named_children(parameters.census_2017_by_district).values())
    total = census * (1 + float(parameters.annual_growth_rate)) ** (int(year) - int(parameters.census_year))
    shares = numpy.zeros(MAX_AGE + 1)
    for name, share in named_children(parameters.age_structure).items():
        low, high = band_edges(name)
        high = min(high, MAX_AGE)
        ages = numpy.arange(low, high + 1)
        weights = numpy.ones(len(ages)) if high - low < 10 else (1 - OPEN_BAND_DECAY) ** (ages - low)
        shares[low:high + 1] += float(share) * weights / weights.sum()
    shares /= shares.sum()
    female = float(parameters.female_share)
    return total * numpy.stack([shares * female, shares * (1 - female)])


def fertility_rates(tax_benefit_system, assumptions):
    """Array [year, MAX_AGE + 1] of age-specific fertility rates (births per woman per year)."""
    node = tax_benefit_system.parameters.projection.fertility
    pattern = node.age_pattern(f"{int(assumptions.years[0])}-01-01")
    profile = numpy.zeros(MAX_AGE + 1)
    for name, share in named_children(pattern).items():
        low, high = band_edges(name)
        profile[low:high + 1] = float(share) / (high - low + 1)
    profile /= profile.sum()
    return assumptions.total_fertility[:, None] * profile[None, :]


def project_population(tax_benefit_system, assumptions, base=None, mortality_multiplier=1.0):
    """Project ``base`` (default: ``base_population`` of the first year) over ``assumptions.years``."""
    years = assumptions.years
    first = int(years[0])
    persons = numpy.zeros((len(years), 2, MAX_AGE + 1))
    persons[0] = base_population(tax_benefit_system, first) if base is None else base
    q = death_probabilities(tax_benefit_system, years, mortality_multiplier)
    fertility = fertility_rates(tax_benefit_system, assumptions)
    ratio = float(tax_benefit_system.parameters.projection.fertility.sex_ratio_at_birth(f"{first}-01-01"))
    male_share = ratio / (1 + ratio)
    births = numpy.zeros(len(years))
    deaths = numpy.zeros(len(years))
    low, high = MIGRATION_AGES
    for i in range(len(years)):
        now = persons[i]
        births[i] = float((fertility[i] * now[FEMALE]).sum())
        deaths[i] = float((now * q[i]).sum())
        if i + 1 == len(years):
            break
        survivors = now * (1 - q[i])
        following = numpy.zeros_like(now)
        following[:, 1:] = survivors[:, :-1]
        following[:, MAX_AGE] += survivors[:, MAX_AGE]
        newborn = births[i] * (1 - q[i][:, 0] / 2)
        following[FEMALE, 0] = newborn[FEMALE] * (1 - male_share)
        following[MALE, 0] = newborn[MALE] * male_share
        following[:, low:high + 1] *= 1 + assumptions.net_migration_rate[i]
        persons[i + 1] = following
    return PopulationProjection(years=years, persons=persons, births=births, deaths=deaths, death_probabilities=q)


def employment(tax_benefit_system, assumptions, projection):
    """Employed persons by year [year, sex, age]: population x participation x (1 - unemployment).

    Participation by sex starts from ``population.labour_force`` (women's rate, and men's rate implied
    by the total and the female share), scaled over ages by ``population.participation_age_profile``
    so that the rate of the 10+ population is the target, and moves by ``labour.participation_change``.
    """
    first = int(assumptions.years[0])
    parameters = population_parameters(tax_benefit_system, first)
    labour = parameters.labour_force
    female_share = float(parameters.female_share)
    women = float(labour.participation_rate_women)
    men = (float(labour.participation_rate) - female_share * women) / (1 - female_share)
    minimum_age = int(getattr(labour, "minimum_working_age", MINIMUM_WORKING_AGE_FALLBACK))
    profile = numpy.zeros(MAX_AGE + 1)
    for name, weight in named_children(parameters.participation_age_profile).items():
        low, high = band_edges(name)
        profile[low:min(high, MAX_AGE) + 1] = float(weight)
    profile[:minimum_age] = 0
    result = numpy.zeros_like(projection.persons)
    base = projection.persons[0]
    for sex, rate, key in ((FEMALE, women, "female"), (MALE, men, "male")):
        scale = rate * base[sex, minimum_age:].sum() / max((profile * base[sex]).sum(), 1e-12)
        for i, year in enumerate(assumptions.years):
            target = rate + assumptions.participation_change[key] * (int(year) - first)
            by_age = numpy.clip(profile * scale * target / rate, 0, 1)
            result[i, sex] = projection.persons[i, sex] * by_age * (1 - assumptions.unemployment[i])
    return result
