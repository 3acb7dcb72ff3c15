#!/usr/bin/env python3
"""Speed of ``compare``: the baseline plus one reform against the baseline alone (not a test; run it by hand).

    .venv/bin/python benchmarks/compare_benchmark.py [--year 2026] [--size 1] [--reform kafaalat_14500 ...] [--repeat 3]

For the full-size synthetic AJK population (population generation and caching are not timed):

- baseline alone = ``run_population`` + ``build_report`` (what ``openfisca-ajk main`` computes);
- baseline + reform = ``compare`` of one reform: the baseline run, report and dependency trace, then the
  reform (only the schemes it can change recomputed) with its report and every comparison figure;
- the same with ``full=True`` (every scheme recomputed under the reform), for reference.

Target: baseline + one reform <= 1.6 x the baseline alone. Medians of ``--repeat`` runs.
"""

import argparse
import json
import statistics
import sys
import time

from openfisca_ajk.comparison import compare
from openfisca_ajk.engine.memory import tune_malloc
from openfisca_ajk.engine.aggregates import build_report
from openfisca_ajk.engine.run import run_population
from openfisca_ajk.population.cache import cached_population
from openfisca_ajk.engine.law import law

TARGET = 1.6


def timed(function, repeat):
    times = []
    for _ in range(repeat):
        tick = time.perf_counter()
        function()
        times.append(time.perf_counter() - tick)
    return statistics.median(times)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--size", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reform", nargs="+", default=["kafaalat_14500", "universal_old_age_pension"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-full", action="store_true", help="skip the full-recomputation reference")
    parser.add_argument("--json", help="write the results to this file")
    arguments = parser.parse_args(argv)
    tune_malloc()
    system = law()
    population, _, _ = cached_population(system, arguments.year, arguments.seed, arguments.size, ".cache")
    period = str(arguments.year)
    print(f"population: {population.n_persons:,} persons, {population.n_households:,} households; period {period}")

    def baseline_alone():
        build_report(system, run_population(system, population, period))

    results = {"persons": population.n_persons, "period": period, "repeat": arguments.repeat}
    results["baseline_alone_s"] = base = timed(baseline_alone, arguments.repeat)
    print(f"baseline alone (run + report):            {base:7.2f} s")
    ok = True
    for name in arguments.reform:
        last = {}

        def one_reform():
            last["result"] = compare(system, [name], population, period)

        partial = timed(one_reform, arguments.repeat)
        ratio = partial / base
        ok &= ratio <= TARGET
        steps = last["result"].timings
        inside = steps["baseline_run_s"] + steps["baseline_report_s"]
        extra = steps["baseline_trace_s"] + steps[f"{name}_run_s"] + steps[f"{name}_report_s"]
        results[name] = {"baseline_plus_reform_s": partial, "ratio": ratio, "steps_s": steps,
                         "ratio_within_one_call": (inside + extra) / inside}
        print(f"baseline + {name:30} {partial:7.2f} s  ratio {ratio:4.2f}  (target <= {TARGET})")
        print(f"  within that call: baseline run {steps['baseline_run_s']:.2f} s + report {steps['baseline_report_s']:.2f} s; "
              f"trace {steps['baseline_trace_s']:.2f} s, reform run {steps[f'{name}_run_s']:.2f} s, "
              f"reform report and figures {steps[f'{name}_report_s']:.2f} s: ratio {(inside + extra) / inside:4.2f}")
        if not arguments.no_full:
            full = timed(lambda: compare(system, [name], population, period, full=True), arguments.repeat)
            results[name].update(full_recomputation_s=full, full_ratio=full / base)
            print(f"  (every scheme recomputed:              {full:7.2f} s  ratio {full / base:4.2f})")
    if arguments.json:
        with open(arguments.json, "w", encoding="utf-8") as handle:
            json.dump(results, handle, indent=1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
