"""Inputs of the actuarial projection: demography, insured base from the microsimulation, economy, design.

``ValuationInputs`` is plain arrays, so the closed-form tests can build one by hand. ``build_inputs``
fills it from a (reformed) system: the insured rate and the average insurable wage by sex and age come
from one microsimulated month (January of the first year the old-age branch is in force) on the
synthetic population, so the scheme's scope, floors and ceilings flow through from the design.
"""

from dataclasses import dataclass, field, replace

import numpy

from openfisca_ajk.actuarial.design import Design, read_design
from openfisca_ajk.contributory.record import record_spec, scheme_start
from openfisca_ajk.contributory.registration import registration_by_year
from openfisca_ajk.engine.run import run_population
from openfisca_ajk.population.parameters import band_edges, named_children
from openfisca_ajk.projection.assumptions import load_assumptions
from openfisca_ajk.projection.costing import person_cells
from openfisca_ajk.projection.demography import project_population
from openfisca_ajk.projection.macro import macro_paths
from openfisca_ajk.projection.mortality import MAX_AGE
from openfisca_ajk.tools.dates import MONTHS_PER_YEAR

AGE_BAND = 5


@dataclass
class ValuationInputs:
    years: numpy.ndarray
    population: numpy.ndarray        # [year, sex, age] persons on 1 January
    death_probability: numpy.ndarray  # [year, sex, age]
    insured_rate: numpy.ndarray      # [sex, age]: share of the population insured at full compliance
    insurable_wage: numpy.ndarray    # [sex, age]: average insurable wage (PKR per month) in year 0
    wage_index: numpy.ndarray        # [year], 1 in year 0
    price_index: numpy.ndarray       # [year], 1 in year 0
    interest: numpy.ndarray          # [year] nominal return on the reserve
    compliance: numpy.ndarray        # [year]
    density: float
    administrative_cost_rate: float  # share of insurable earnings
    disability_incidence: numpy.ndarray  # [age]
    spouse_probability: numpy.ndarray    # [sex of the deceased]
    spouse_age_gap: int
    design: Design
    initial_reserve: float = 0.0
    initial_service_years: int = 0   # completed years credited to the insured stock of the first year (scheme started before it)
    target_reserve_years: float = 0.0
    contribution_rate_override: float | None = None
    notes: dict = field(default_factory=dict)


def band_profile(values_by_band, default=0.0):
    profile = numpy.full(MAX_AGE + 1, default)
    for name, value in values_by_band.items():
        low, high = band_edges(name)
        profile[low:min(high, MAX_AGE) + 1] = float(value)
    return profile


def insured_cells(tax_benefit_system, population, year):
    """What the insured base is made of, person by person, in January of ``year``: (band of each person, insured
    (0/1), insurable wage, band of each [sex, age] cell)."""
    month = f"{int(year)}-01"
    run = run_population(tax_benefit_system, population, month, schemes=(), extras=("ss_insured", "ss_insurable_wage"))
    cells = person_cells(population)
    bands = numpy.arange(2 * (MAX_AGE + 1)) % (MAX_AGE + 1) // AGE_BAND + (numpy.arange(2 * (MAX_AGE + 1)) // (MAX_AGE + 1)) * 100
    return bands[cells], run.extras["ss_insured"], run.extras["ss_insurable_wage"], bands


def base_from_cells(cells, weight):
    """(insured rate [sex, age], average insurable wage [sex, age]) of ``insured_cells`` under person weights
    ``weight`` (the population's, or a jackknife replicate's)."""
    band_of_person, insured, wage, bands = cells
    size = int(bands.max()) + 1
    persons = numpy.bincount(band_of_person, weights=weight, minlength=size)
    insured_w = numpy.bincount(band_of_person, weights=weight * insured, minlength=size)
    wages = numpy.bincount(band_of_person, weights=weight * insured * wage, minlength=size)
    rate = numpy.divide(insured_w, persons, out=numpy.zeros(size), where=persons > 0)[bands].reshape(2, -1)
    average = numpy.divide(wages, insured_w, out=numpy.zeros(size), where=insured_w > 0)[bands].reshape(2, -1)
    return rate, average


def insured_base(tax_benefit_system, population, year):
    """(insured rate [sex, age], average insurable wage [sex, age]) from January of ``year``.

    Smoothed over five-year age bands (the sample is small); the rate is insured persons over all
    persons of the cell in the synthetic population.
    """
    return base_from_cells(insured_cells(tax_benefit_system, population, year), population.person_weight())


def build_inputs(tax_benefit_system, population, first, horizon, scenario="central", overrides=None):
    """Inputs for ``horizon`` years from ``first`` (the first year the old-age branch is in force).

    ``overrides``: ``real_wage_growth_shift``, ``interest_shift``, ``coverage_multiplier``,
    ``mortality_multiplier``, ``density`` - the sensitivity runs.
    """
    overrides = dict(overrides or {})
    last = int(first) + int(horizon) - 1
    assumptions = load_assumptions(tax_benefit_system, first, last, scenario, overrides)
    mortality = float(overrides.get("mortality_multiplier", 1.0))
    node = tax_benefit_system.parameters(f"{int(first)}-01-01").projection
    actuarial = node.actuarial
    selection = float(node.mortality.insured_selection_factor)
    demography = project_population(tax_benefit_system, assumptions, mortality_multiplier=mortality)
    macro = macro_paths(tax_benefit_system, assumptions)
    rate, wage = insured_base(tax_benefit_system, population, first)
    # registration counted from the scheme's start (a branch in force), as population runs count it
    start = scheme_start(tax_benefit_system)
    coverage = registration_by_year(tax_benefit_system, int(start[:4]) if start else int(first), assumptions.years)
    # a scheme started before the first year: its insured stock starts with the record population runs credit on
    # 1 January of that year (density x the months since the start, plus the months credited at the start)
    spec = record_spec(tax_benefit_system, f"{int(first)}-01") if start else None
    initial_service = spec.months // MONTHS_PER_YEAR if spec is not None else 0
    coverage = numpy.clip(coverage * float(overrides.get("coverage_multiplier", 1.0)), 0.0, 1.0)
    real = float(actuarial.real_interest_rate) + float(overrides.get("interest_shift", 0.0))
    survivors = actuarial.survivors
    return ValuationInputs(
        years=assumptions.years, population=demography.persons,
        death_probability=numpy.clip(demography.death_probabilities * selection, 0.0, 1.0),
        insured_rate=rate, insurable_wage=wage, wage_index=macro.wage_index, price_index=macro.price_index,
        interest=(1 + real) * (1 + assumptions.inflation) - 1, compliance=coverage,
        density=float(overrides.get("density", actuarial.density)),
        administrative_cost_rate=float(actuarial.administrative_cost_rate),
        disability_incidence=band_profile(named_children(actuarial.disability_incidence)),
        spouse_probability=numpy.array([float(survivors.probability_spouse_female), float(survivors.probability_spouse_male)]),
        spouse_age_gap=int(survivors.spouse_age_gap), design=read_design(tax_benefit_system, assumptions.years),
        target_reserve_years=float(actuarial.target_reserve_years), initial_service_years=int(initial_service),
        notes={"scenario": scenario, "overrides": overrides, "gdp": macro.gdp.tolist(),
               "real_interest_rate": real, "inflation": assumptions.inflation.tolist(),
               "real_wage_growth": assumptions.real_wage_growth.tolist()},
    )


def with_contribution_rate(inputs, rate):
    """The same inputs with a constant contribution rate (e.g. the GAP)."""
    return replace(inputs, contribution_rate_override=float(rate))
