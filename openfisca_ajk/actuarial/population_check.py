"""The valuation's first years beside the population runs of the same law (what ``main`` computes for a year).

For each year, the population of that year is run through the engine with the scheme's contribution record,
registration and density (``contributory.with_contribution_record``), and the valuation's own branches are
read off it: persons paying contributions, the contributions of the old-age, invalidity and survivors'
branches (their share of the rates in force) and the benefits of those branches. The valuation's wages grow
with its wage index while a population run keeps the latest enacted minimum wage, so the valuation's amounts
are also given at the population's wage level (divided by the wage index, times the ratio of the minimum
wages). Each population figure is a sample estimate with its 95 % interval.
"""

import numpy

from openfisca_ajk.contributory import with_contribution_record
from openfisca_ajk.engine.run import run_population
from openfisca_ajk.population import generate_population
from openfisca_ajk.precision import household_sum, interval, is_sample, total_half_width

ALL_BRANCHES = ("medical_care", "sickness", "unemployment", "old_age", "employment_injury", "family", "maternity",
                "invalidity", "survivors")
PENSION_BRANCHES = ("old_age", "invalidity", "survivors")
PENSION_SCHEMES = ("ss_old_age_pension", "ss_invalidity_pension", "ss_survivors_pension")
EMPLOYER = "ss_employer_contribution"
YEARS_CHECKED = 3


def pension_share(tax_benefit_system, year):
    """The old-age, invalidity and survivors' branches' share of the contribution rates in force on 1 January."""
    security = tax_benefit_system.parameters(f"{int(year)}-01-01").ajk.social_security

    def rate(branches):
        return sum(float(security[b].in_force) * float(security[b].employee_contribution_rate
                                                       + security[b].employer_contribution_rate) for b in branches)
    everything = rate(ALL_BRANCHES)
    return rate(PENSION_BRANCHES) / everything if everything else 0.0


def population_year(tax_benefit_system, baseline_system, year, seed, size):
    """{contributors, contributions, benefits}: intervals (``precision.interval``) from a population run of ``year``."""
    population = generate_population(baseline_system, int(year), seed=int(seed), size=float(size))
    population, _ = with_contribution_record(tax_benefit_system, population, str(int(year)))
    run = run_population(tax_benefit_system, population, str(int(year)), extras=(EMPLOYER,))
    weights = population.household["household_weight"].astype(numpy.float64)
    sample = is_sample(population)
    share = pension_share(tax_benefit_system, year)
    figures = {"contributors": household_sum(population, run.contributions > 0),
               "contributions": household_sum(population, run.contributions + run.extras[EMPLOYER]) * share,
               "benefits": sum(household_sum(population, run.schemes[name].amount) for name in PENSION_SCHEMES
                               if name in run.schemes)}
    return {name: interval(float((weights * values).sum()), total_half_width(values, weights) if sample else 0.0, floor=0.0)
            for name, values in figures.items()}


def population_check(tax_benefit_system, baseline_system, inputs, result, seed, size, years=YEARS_CHECKED):
    """[row] for the valuation's first ``years`` years: the valuation's figures, the same at the population's wage
    level, and the population run's (each with its interval)."""
    rows = []
    first_wage = float(baseline_system.parameters(f"{int(inputs.years[0])}-07-01").macro.minimum_wage.applicable)
    for i, year in enumerate(inputs.years[:years]):
        wage = float(baseline_system.parameters(f"{int(year)}-07-01").macro.minimum_wage.applicable)   # the generator's
        deflator = float(inputs.wage_index[i]) * first_wage / wage
        found = population_year(tax_benefit_system, baseline_system, year, seed, size)
        series = result.series
        rows.append({"year": int(year), "wage_deflator": deflator,
                     "valuation": {"contributors": float(series["contributors"][i]),
                                   "contributions": float(series["contributions"][i]),
                                   "benefits": float(series["benefits"][i])},
                     "valuation_at_population_wages": {"contributions": float(series["contributions"][i]) / deflator,
                                                       "benefits": float(series["benefits"][i]) / deflator},
                     "population": found})
    return rows
