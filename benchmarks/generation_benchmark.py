#!/usr/bin/env python3
"""Time and peak memory of generating the synthetic AJK population (not a test; run it by hand).

    .venv/bin/python benchmarks/generation_benchmark.py [--year 2025] [--seed 1] [--size 1] [--json results.json]

Generates the population without the cache, in this process, and reports the
persons generated, wall-clock, user and system CPU seconds, and the peak
resident memory of the process (ru_maxrss) before and after generation.
Target at full size (about 5 million persons): peak <= 4 GB.
"""

import argparse
import json
import resource
import sys
import time

from openfisca_ajk.population.generator import generate_population
from openfisca_ajk.engine.law import law

TARGET_PEAK_GB = 4.0


def peak_gb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", type=float, default=1.0)
    parser.add_argument("--json", help="also write the results to this file")
    arguments = parser.parse_args(argv)
    system = law()
    before = peak_gb()
    usage, tick = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    population = generate_population(system, arguments.year, seed=arguments.seed, size=arguments.size)
    wall = time.perf_counter() - tick
    after = resource.getrusage(resource.RUSAGE_SELF)
    results = {"year": arguments.year, "seed": arguments.seed, "size": arguments.size,
               "persons": population.n_persons, "households": population.n_households,
               "wall_s": wall, "user_s": after.ru_utime - usage.ru_utime, "system_s": after.ru_stime - usage.ru_stime,
               "peak_rss_before_gb": before, "peak_rss_gb": peak_gb(), "target_peak_gb": TARGET_PEAK_GB}
    print(f"population {arguments.year}, seed {arguments.seed}, size {arguments.size:g}: {results['persons']:,} persons "
          f"in {results['households']:,} households")
    print(f"generated in {wall:.1f} s (user {results['user_s']:.1f} s, system {results['system_s']:.1f} s)")
    print(f"peak memory (ru_maxrss): {results['peak_rss_gb']:.2f} GB (after loading the system: {before:.2f} GB; "
          f"target <= {TARGET_PEAK_GB:g} GB)")
    if arguments.json:
        with open(arguments.json, "w", encoding="utf-8") as handle:
            json.dump(results, handle, indent=1)
    return 0 if results["peak_rss_gb"] <= TARGET_PEAK_GB else 1


if __name__ == "__main__":
    sys.exit(main())
