"""A cached copy of the synthetic population, keyed by the generator's parameters and code.

The file is ``<cache dir>/population-<seed>-<year>-<size>-<key>.npz``; the key
hashes the generator source files, the law the calibration computes through
(``programmes.calibration_law_sources``), every ``population`` parameter at the year,
the minimum wage, the poverty line and the Kafaalat cut-off the generator reads.
Any change to them gives a new file, never a stale population.

The file carries a SHA-256 checksum of its arrays (``meta/checksum``). A file that
cannot be read, lacks the checksum or does not match it (truncated, corrupted,
written by hand) is reported with its path, removed and generated again. Writes
go through ``.<name>.pid<N>.<random>.tmp`` beside the file; a temporary file left
by a killed writer (its process is gone, or it has not changed for
``STALE_SECONDS``) is removed by the next run. Every message names the path.
"""

import hashlib
import os
import re
import sys
import time
import zipfile
import zlib
from pathlib import Path

import numpy

from openfisca_ajk.population import attributes, calibration, generator, programmes
from openfisca_ajk.population.data import Population, PopulationError
from openfisca_ajk.population.parameters import instant_of, minimum_wage, poverty_line
from openfisca_ajk.tools.files import atomic_stream
from openfisca_ajk.tools.years import check_year

CHECKSUM = "meta/checksum"
STALE_SECONDS = 600
TEMPORARY = re.compile(r"^\.population-.*\.npz\.(?:pid(?P<pid>\d+)\.)?.*\.tmp$")


class CorruptCacheError(ValueError):
    """A cached population file cannot be used; the message names the file and the reason."""


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


def arrays_checksum(arrays: dict) -> str:
    """SHA-256 over every array's name, dtype, shape and bytes, in name order."""
    digest = hashlib.sha256()
    for name in sorted(arrays):
        if name == CHECKSUM:
            continue
        array = numpy.ascontiguousarray(arrays[name])
        digest.update(f"{name}\0{array.dtype.str}\0{array.shape}\0".encode())
        digest.update(array.reshape(-1).view(numpy.uint8) if array.dtype != object else repr(array.tolist()).encode())
    return digest.hexdigest()


def save_cached(population: Population, path) -> Path:
    """Write ``population`` with its checksum, atomically (a temporary file tagged with this process id)."""
    arrays = population.as_arrays()
    arrays[CHECKSUM] = numpy.array(arrays_checksum(arrays))
    with atomic_stream(path, binary=True, tag=f"pid{os.getpid()}") as handle:
        numpy.savez(handle, **arrays)
    return Path(path)


def load_cached(path) -> Population:
    """The population in ``path``; ``CorruptCacheError`` (naming the path) if it is unreadable or fails its checksum."""
    try:
        with numpy.load(path, allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
    except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile, zlib.error) as error:
        raise CorruptCacheError(f"the cached population {path} cannot be read ({type(error).__name__}: {error})") from None
    if CHECKSUM not in arrays:
        raise CorruptCacheError(f"the cached population {path} has no checksum")
    if str(arrays[CHECKSUM]) != arrays_checksum(arrays):
        raise CorruptCacheError(f"the cached population {path} does not match its checksum")
    try:
        return Population.from_arrays(arrays)
    except (ValueError, KeyError, TypeError, PopulationError) as error:
        raise CorruptCacheError(f"the cached population {path} is inconsistent ({error})") from None


def _process_is_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def remove_stale_temporaries(cache_dir, say=None, now=None) -> list:
    """Remove temporary files of killed cache writes in ``cache_dir``; return their paths."""
    folder = Path(cache_dir)
    if not folder.is_dir():
        return []
    now = time.time() if now is None else now
    removed = []
    for candidate in folder.iterdir():
        match = TEMPORARY.match(candidate.name)
        if not match or not candidate.is_file():
            continue
        pid = match.group("pid")
        try:
            stale = (pid is not None and int(pid) != os.getpid() and _process_is_gone(int(pid))) \
                or now - candidate.stat().st_mtime > STALE_SECONDS
            if stale:
                candidate.unlink()
                removed.append(candidate)
        except FileNotFoundError:
            continue
    if removed and say is not None:
        say(f"removed {len(removed)} temporary file(s) left by interrupted cache writes: "
            + ", ".join(str(p) for p in removed))
    return removed


def _warn(message):
    print(f"openfisca-ajk: {message}", file=sys.stderr, flush=True)


def cached_population(tax_benefit_system, year: int, seed: int, size: float, cache_dir, birth_dates: str = "spread",
                      say=_warn) -> tuple:
    """(population, path, reused): load the cached population or generate and store it (no cache if ``cache_dir`` is None).

    A corrupt cache file is reported through ``say`` (with its path), removed and generated again; a cache
    that cannot be written is reported and the generated population is used all the same.
    """
    check_year(tax_benefit_system, year, "the year")
    scale = generator.resolve_scale(tax_benefit_system.parameters(instant_of(year)).population, year, size)
    if cache_dir is None:
        return generator.generate_population(tax_benefit_system, year, seed=seed, size=size, birth_dates=birth_dates), None, False
    remove_stale_temporaries(cache_dir, say)
    key = generator_key(tax_benefit_system, year, seed, scale, birth_dates)
    path = Path(cache_dir) / f"population-{seed}-{year}-{scale:g}-{key}.npz"
    if path.exists():
        try:
            return load_cached(path), path, True
        except CorruptCacheError as problem:
            say(f"{problem}; removing it and generating the population again")
            path.unlink(missing_ok=True)
    population = generator.generate_population(tax_benefit_system, year, seed=seed, size=size, birth_dates=birth_dates)
    try:
        save_cached(population, path)
    except OSError as error:
        say(f"could not store the population in the cache {path} ({error}); continuing without the cache")
        return population, None, False
    return population, path, False
