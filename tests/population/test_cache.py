"""The population cache: a checksum in the file; a corrupt file is reported by path, removed and rebuilt;
temporary files of killed writes are cleaned."""

import os
import time

import numpy
import pytest

from openfisca_ajk.population.cache import (
    CHECKSUM, STALE_SECONDS, CorruptCacheError, cached_population, load_cached, remove_stale_temporaries,
)

YEAR, SEED, SIZE = 2025, 4, 0.001


@pytest.fixture
def stored(tax_benefit_system, tmp_path):
    messages = []
    population, path, reused = cached_population(tax_benefit_system, YEAR, SEED, SIZE, tmp_path, say=messages.append)
    assert not reused and path.is_file() and messages == []
    return population, path


def same(first, second):
    assert first.person.keys() == second.person.keys() and first.household.keys() == second.household.keys()
    for name in first.person:
        assert numpy.array_equal(first.person[name], second.person[name]), name
    for name in first.household:
        assert numpy.array_equal(first.household[name], second.household[name]), name
    assert numpy.array_equal(first.person_household, second.person_household)


def test_a_stored_population_carries_its_checksum_and_is_reused(tax_benefit_system, tmp_path, stored):
    population, path = stored
    with numpy.load(path) as archive:
        assert len(str(archive[CHECKSUM])) == 64
    again, again_path, reused = cached_population(tax_benefit_system, YEAR, SEED, SIZE, tmp_path, say=pytest.fail)
    assert reused and again_path == path
    same(population, again)


def rebuilt(tax_benefit_system, tmp_path, population, path):
    messages = []
    again, again_path, reused = cached_population(tax_benefit_system, YEAR, SEED, SIZE, tmp_path, say=messages.append)
    assert not reused and again_path == path and path.is_file()
    same(population, again)
    same(population, load_cached(path))
    assert len(messages) == 1 and str(path) in messages[0] and "generating the population again" in messages[0]
    return messages[0]


def test_a_truncated_cache_is_reported_removed_and_rebuilt(tax_benefit_system, tmp_path, stored):
    population, path = stored
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert "cannot be read" in rebuilt(tax_benefit_system, tmp_path, population, path)


def test_a_corrupted_cache_is_reported_removed_and_rebuilt(tax_benefit_system, tmp_path, stored):
    population, path = stored
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = bytes(byte ^ 0xFF for byte in data[middle:middle + 64])  # every bit flipped
    path.write_bytes(bytes(data))
    assert f"the cached population {path}" in rebuilt(tax_benefit_system, tmp_path, population, path)


def test_a_file_without_a_checksum_is_rebuilt(tax_benefit_system, tmp_path, stored):
    population, path = stored
    population.save_npz(path)
    assert "has no checksum" in rebuilt(tax_benefit_system, tmp_path, population, path)


def test_a_file_whose_arrays_do_not_match_the_checksum_is_rebuilt(tax_benefit_system, tmp_path, stored):
    population, path = stored
    with numpy.load(path) as archive:
        arrays = {name: archive[name] for name in archive.files}
    arrays["person/monthly_wage"] = arrays["person/monthly_wage"] * 2
    with open(path, "wb") as handle:
        numpy.savez(handle, **arrays)
    with pytest.raises(CorruptCacheError, match="does not match its checksum"):
        load_cached(path)
    assert "does not match its checksum" in rebuilt(tax_benefit_system, tmp_path, population, path)


def dead_pid():
    pid = 2 ** 22 - 1
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        pid -= 1


def test_temporary_files_of_killed_writes_are_removed_and_live_ones_kept(tmp_path):
    name = ".population-1-2025-0.01-0123456789abcdef.npz"
    killed = tmp_path / f"{name}.pid{dead_pid()}.k3j4.tmp"
    mine = tmp_path / f"{name}.pid{os.getpid()}.a1b2.tmp"
    old_untagged = tmp_path / f"{name}.x9y8.tmp"
    fresh_untagged = tmp_path / f"{name}.z7w6.tmp"
    other = tmp_path / "notes.tmp"
    for path in (killed, mine, old_untagged, fresh_untagged, other):
        path.write_bytes(b"partial")
    old = time.time() - STALE_SECONDS - 60
    os.utime(old_untagged, (old, old))
    messages = []
    removed = remove_stale_temporaries(tmp_path, messages.append)
    assert sorted(removed) == sorted([killed, old_untagged])
    assert not killed.exists() and not old_untagged.exists()
    assert mine.exists() and fresh_untagged.exists() and other.exists()
    assert str(killed) in messages[0] and str(old_untagged) in messages[0]


def test_a_run_cleans_the_temporaries_of_a_killed_write(tax_benefit_system, tmp_path):
    leftover = tmp_path / f".population-{SEED}-{YEAR}-{SIZE:g}-0000000000000000.npz.pid{dead_pid()}.abcd.tmp"
    leftover.write_bytes(b"x" * 1000)
    messages = []
    cached_population(tax_benefit_system, YEAR, SEED, SIZE, tmp_path, say=messages.append)
    assert not leftover.exists() and str(leftover) in messages[0]
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_cache_that_cannot_be_written_is_reported_and_the_run_goes_on(tax_benefit_system, tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    messages = []
    population, path, reused = cached_population(tax_benefit_system, YEAR, SEED, SIZE, blocker, say=messages.append)
    assert path is None and not reused and population.n_persons > 0
    assert f"could not store the population in the cache {blocker}" in messages[0]
