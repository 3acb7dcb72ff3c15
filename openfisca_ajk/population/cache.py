"""A cached copy of the synthetic population, keyed by the generator's parameters and code.

The file is ``<cache dir>/population-<seed>-<year>-<size>-<key>.npz``; the key
hashes the generator source files, the law the calibration computes through
(``programmes.calibration_law_sources``), every ``population`` parameter at the year,
the minimum wage, the poverty line and the Kafaalat cut-off the generator reads.
Any change to them gives a new file, never a stale population.
"""

import hashlib
from pathlib import Path

from openfisca_ajk.population import attributes, calibration, generator, programmes
from openfisca_ajk.population.data import Population
from openfisca_ajk.population.parameters import instant_of, minimum_wage, poverty_line


def _leaves(node, prefix=""):
    for name, child in sorted(node._children.items()):
        if hasattr(child, "_children"):
            yield from _leaves(child, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}={child!r}"


def generator_key(tax_benefit_system, year: int, seed: int, scale: float, birth_dates: str = "spread") -> str:
    digest = hashlib.sha256()
    for module in (generator, attributes, calibration, programmes):
        digest.update(Path(module.__file__).read_bytes())
    for source in programmes.calibration_law_sources():
        digest.update(source.read_bytes())
    digest.update(generator.GENERATOR_VERSION.encode())
    digest.update(birth_dates.encode())
    for path in ("macro.ajk_budget.pensions", "ajk.public_service.pension", "ajk.public_service.family_pension",
                 "ajk.zakat.guzara_allowance"):
        node = tax_benefit_system.parameters
        for name in path.split("."):
            node = node.children[name]
        digest.update(repr(node).encode())
    at = tax_benefit_system.parameters(instant_of(year))
    for leaf in _leaves(at.population):
        digest.update(leaf.encode())
    digest.update(repr((minimum_wage(tax_benefit_system, year), poverty_line(tax_benefit_system, year),
                        float(at.pakistan.bisp.kafaalat.pmt_cutoff), int(year), int(seed), float(scale))).encode())
    return digest.hexdigest()[:16]


def cached_population(tax_benefit_system, year: int, seed: int, size: float, cache_dir, birth_dates: str = "spread") -> tuple:
    """(population, path, reused): load the cached population or generate and store it (no cache if ``cache_dir`` is None)."""
    scale = generator.resolve_scale(tax_benefit_system.parameters(instant_of(year)).population, year, size)
    if cache_dir is None:
        return generator.generate_population(tax_benefit_system, year, seed=seed, size=size, birth_dates=birth_dates), None, False
    key = generator_key(tax_benefit_system, year, seed, scale, birth_dates)
    path = Path(cache_dir) / f"population-{seed}-{year}-{scale:g}-{key}.npz"
    if path.exists():
        return Population.load_npz(path), path, True
    population = generator.generate_population(tax_benefit_system, year, seed=seed, size=size, birth_dates=birth_dates)
    population.save_npz(path)
    return population, path, False
