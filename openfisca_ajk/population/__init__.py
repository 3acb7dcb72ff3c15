"""Household populations for microsimulation: synthetic AJK population, CSV microdata, simulation building.

The same ``Population`` object comes from either source:

- ``generate_population(tax_benefit_system, year, seed, size)`` (synthetic, calibrated);
- ``load_population(tax_benefit_system, persons_csv, households_csv, year)`` (microdata);

and ``build_simulation(tax_benefit_system, population, months)`` turns it into an
OpenFisca simulation with the fast array builder.
"""

from openfisca_ajk.population.cache import cached_population
from openfisca_ajk.population.calibration import ipf, trs_integerise
from openfisca_ajk.population.csv_io import MicrodataError, load_population, write_population_csv
from openfisca_ajk.population.data import Population, PopulationError
from openfisca_ajk.population.generator import generate_population
from openfisca_ajk.population.calibration_check import calibration_report
from openfisca_ajk.population.simulation import build_simulation

__all__ = [
    "MicrodataError", "Population", "PopulationError", "build_simulation", "cached_population",
    "calibration_report", "generate_population", "ipf", "load_population", "trs_integerise",
    "write_population_csv",
]
