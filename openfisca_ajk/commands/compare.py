"""``openfisca-ajk compare REFORM [REFORM ...]``: what each reform costs, whom it reaches, who gains.

Validates every reform first (nothing is computed or written if one is wrong), runs the baseline once
on the synthetic AJK population (or microdata), compares each reform with it on the same population and
period, prints the plain-words summary and writes ``compare.html`` (self-contained), ``compare.md``,
``compare.json``, CSV files of every figure and PNG charts to the output folder.
"""

import datetime
import sys
from pathlib import Path

from openfisca_ajk.commands import arguments as checked
from openfisca_ajk.commands.main import Progress, check_time, parse_size
from openfisca_ajk.comparison.evaluation import compare, evaluate_baseline, prepare_reforms
from openfisca_ajk.comparison.outputs import write_comparison
from openfisca_ajk.engine.memory import tune_malloc
from openfisca_ajk.population.cache import cached_population
from openfisca_ajk.population.csv_io import load_population
from openfisca_ajk.precision import small_sample_warning
from openfisca_ajk.reform_diffs import resolve_reform_path
from openfisca_ajk.engine.law import law


def reform_inputs(names):
    """Reform files named on the command line that exist (so outputs never overwrite them)."""
    paths = []
    for name in names:
        try:
            paths.append(Path(resolve_reform_path(name)).resolve())
        except (ValueError, FileNotFoundError):
            continue
    return paths


def run(arguments):
    progress = Progress(quiet=arguments.quiet)
    tune_malloc()
    baseline = progress.step("loading the tax-benefit system", law)
    period = check_time(baseline, arguments)
    year = int(period[:4])
    prepared = progress.step(f"validating {len(arguments.reforms)} reform(s)", prepare_reforms, baseline, arguments.reforms)
    inputs = reform_inputs(arguments.reforms)
    if arguments.persons_csv or arguments.households_csv:
        if not (arguments.persons_csv and arguments.households_csv):
            raise ValueError("--persons-csv and --households-csv go together")
        inputs += [Path(arguments.persons_csv).resolve(), Path(arguments.households_csv).resolve()]
        population = progress.step("loading the microdata", load_population, baseline,
                                   arguments.persons_csv, arguments.households_csv, year)
    else:
        size = parse_size(arguments.size)
        cache_dir = None if arguments.no_cache else arguments.cache_dir
        population, path, _ = progress.step(f"preparing the synthetic population (seed {arguments.seed}, size {size:g})",
                                            cached_population, baseline, year, arguments.seed, size, cache_dir)
        if path:
            inputs.append(Path(path).resolve())
    progress.say(f"population: {population.n_persons:,} person records in {population.n_households:,} households")
    if small_sample_warning(population):
        print(small_sample_warning(population), file=sys.stderr)
    evaluation = progress.step(f"computing the baseline for {period}", evaluate_baseline, baseline, population, period, progress.say)
    result = progress.step("comparing the reforms", compare, baseline, prepared, population, period,
                           baseline=evaluation, full=arguments.full, progress=progress.say)
    written, data = progress.step("writing the reports", write_comparison, result, arguments.output, "compare", inputs)
    print()
    for reform in data["reforms"]:
        print(f"{reform['label']} ({reform['name']})")
        for sentence in reform["summary"]:
            print(f"  {sentence}")
        print()
    for path in written:
        print(f"  {path}")
    return 0


def register(subparsers):
    parser = subparsers.add_parser("compare", help="compare reforms with the baseline over the AJK population: HTML, Markdown, JSON, CSV, PNG",
                                   description=__doc__.splitlines()[0])
    parser.add_argument("reforms", nargs="+", metavar="REFORM", help="reform name (reforms/<name>.yaml or .py) or file")
    parser.add_argument("--year", type=checked.year, default=datetime.date.today().year, help="year to simulate (default %(default)s)")
    parser.add_argument("--month", help="simulate one month instead of the year, e.g. 2026-03")
    parser.add_argument("--seed", type=checked.seed, default=1, help="random seed of the synthetic population (default %(default)s)")
    parser.add_argument("--size", default=checked.DEFAULT_SIZE, type=checked.population_size, help=checked.SIZE_HELP)
    parser.add_argument("--persons-csv", help="persons microdata CSV (with --households-csv) instead of the synthetic population")
    parser.add_argument("--households-csv", help="households microdata CSV")
    parser.add_argument("--output", default="output/compare", help="output folder (default %(default)s)")
    parser.add_argument("--cache-dir", default=".cache", help="folder of cached populations (default %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the population cache")
    parser.add_argument("--full", action="store_true", help="recompute every scheme under each reform (no reuse of the baseline)")
    parser.add_argument("--quiet", action="store_true", help="no progress messages")
    parser.set_defaults(handler=run)
