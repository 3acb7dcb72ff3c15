"""``openfisca-ajk main``: every scheme over the AJK population for a year - table, JSON, CSV and PNG.

Generates (or reuses the cached copy of) the synthetic AJK population, or loads
microdata from two CSV files, runs every scheme of the registry under the
baseline or a reform, prints the scheme table and the coverage and poverty
summary, and publishes ``main.json``, ``main_schemes.csv``, ``main.txt`` and
``main_schemes.png`` with ``manifest.json`` (settings and SHA-256 of each file) and
``timings.json`` as one output set, ``<output>/main/`` (``openfisca_ajk.tools.output_sets``).

The scheme table shows, per scheme, eligible and receiving units (households or persons,
after take-up), persons in receiving units and the yearly cash cost; schemes in kind are
not costed and not in the cash total. Coverage follows SDG 1.3.1 (cash benefits and
active contributors); health cover is shown under the R202 health-care guarantee.
"""

import argparse
import datetime
import sys
import time
from pathlib import Path

from openfisca_ajk.commands import arguments as checked
from openfisca_ajk.contributory import contributory_accounts, with_contribution_record
from openfisca_ajk.fiscal_split import fund_accounts_lines
from openfisca_ajk.inequality_concepts import gini_concepts, gini_line
from openfisca_ajk.engine.memory import tune_malloc
from openfisca_ajk.reports.main_job import scheme_table, summary_table, write_outputs
from openfisca_ajk.engine.aggregates import build_report
from openfisca_ajk.engine.run import run_population
from openfisca_ajk.population.cache import cached_population
from openfisca_ajk.population.csv_io import load_population
from openfisca_ajk.precision import small_sample_warning
from openfisca_ajk.precision import text
from openfisca_ajk.precision_reports import run_interval_lines, run_intervals, summary_intervals
from openfisca_ajk.engine.law import law
from openfisca_ajk.tools.output_sets import OutputSet, sha256
from openfisca_ajk.tools.years import check_period, check_year


class Progress:
    """Prints a step when it starts and how long it took; quiet steps under a second stay terse."""

    def __init__(self, quiet=False):
        self.quiet = quiet
        self.started = time.perf_counter()

    def say(self, message):
        if not self.quiet:
            print(f"[{time.perf_counter() - self.started:6.1f} s] {message}", flush=True)

    def step(self, message, function, *args, **kwargs):
        tick = time.perf_counter()
        self.say(f"{message} ...")
        result = function(*args, **kwargs)
        elapsed = time.perf_counter() - tick
        if elapsed >= 1:
            self.say(f"{message}: done in {elapsed:.1f} s")
        return result


def parse_size(text):
    """``--size`` checked (finite, positive, whole above 1); ``ValueError`` otherwise."""
    try:
        return checked.population_size(text)
    except argparse.ArgumentTypeError as error:
        raise ValueError(f"--size {error}") from None


def check_time(tax_benefit_system, arguments) -> str:
    """The period of the run (``--month`` or ``--year``), inside the modelled years."""
    if arguments.month:
        period = check_period(tax_benefit_system, arguments.month, "--month")
        if "-" not in period:
            raise ValueError(f"--month must be a month (YYYY-MM), got '{arguments.month}'")
        return period
    return str(check_year(tax_benefit_system, arguments.year))


def run(arguments):
    progress = Progress(quiet=arguments.quiet)
    if not arguments.no_malloc_tuning:
        tune_malloc()
    baseline = progress.step("loading the tax-benefit system", law)
    period = check_time(baseline, arguments)
    year = int(period[:4])
    system = baseline
    if arguments.reform:
        system = progress.step(f"applying the reform {arguments.reform}", law, arguments.reform)

    inputs = []
    settings = {"command": "main", "period": period, "reform": arguments.reform or None}
    if arguments.persons_csv or arguments.households_csv:
        if not (arguments.persons_csv and arguments.households_csv):
            raise ValueError("--persons-csv and --households-csv go together")
        inputs = [Path(arguments.persons_csv).resolve(), Path(arguments.households_csv).resolve()]
        OutputSet(arguments.output, "main", settings, protected=inputs).check_target()
        settings["population"] = {"source": "microdata", **{
            kind: {"file": path.name, "sha256": sha256(path.read_bytes())} for kind, path in zip(("persons", "households"), inputs)}}
        population = progress.step("loading the microdata", load_population, baseline,
                                   arguments.persons_csv, arguments.households_csv, year)
    else:
        size = parse_size(arguments.size)
        births = "january" if arguments.births_on_1_january else "spread"
        settings["population"] = {"source": "synthetic", "seed": arguments.seed, "size": size, "year": year,
                                  "birth_dates": births}
        OutputSet(arguments.output, "main", settings).check_target()
        cache_dir = None if arguments.no_cache else arguments.cache_dir
        population, path, reused = progress.step(
            f"preparing the synthetic population (seed {arguments.seed}, year {year}, size {size:g})",
            cached_population, baseline, year, arguments.seed, size, cache_dir, births)
        if path is not None:
            progress.say(("reused the cached population " if reused else "stored the population in ") + str(path))
            inputs.append(Path(path).resolve())
    progress.say(f"population: {population.n_persons:,} person records in {population.n_households:,} households")
    if small_sample_warning(population):
        print(small_sample_warning(population), file=sys.stderr)

    population, record = with_contribution_record(system, population, period)
    if record is not None:
        progress.say(record.note())
    result = progress.step(f"computing every scheme for {period}", run_population, system, population, period,
                           chunk_households=arguments.chunk_households, progress=progress.say, workers=arguments.workers,
                           reform=arguments.reform or "")
    report = progress.step("aggregating", build_report, system, result)
    report["intervals"] = run_intervals(system, result)
    if report["intervals"]:
        report["intervals"]["summary"] = progress.step("sampling precision (delete-a-group jackknife)",
                                                       summary_intervals, system, result, report)
    report["inequality_concepts"] = gini_concepts(system, result)
    if record is not None:
        report["contributory_scheme"] = {"years_after_start": record.years_after_start, "note": record.note()}
        report["fiscal_table"] = progress.step("employers' contributions", contributory_accounts, system, population,
                                               period, result, report)
    print()
    print(scheme_table(report))
    print(summary_table(report, interval_text=text))
    appendix = gini_line(report["inequality_concepts"]) + run_interval_lines(report["intervals"], report)
    if "fiscal_table" in report:
        appendix += ["", record.note(), *fund_accounts_lines(report["fiscal_table"])]
    print("\n".join(appendix))
    written = progress.step("writing the outputs", write_outputs, report, arguments.output, "main", inputs, settings,
                            text, "\n".join(appendix))
    print()
    for kind, path in written.items():
        print(f"  {kind:8} {path if path else '(matplotlib is not installed: no chart)'}")
    return 0


def register(subparsers):
    parser = subparsers.add_parser("main", help="every scheme over the AJK population: table, JSON, CSV, PNG",
                                   description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=checked.year, default=datetime.date.today().year,
                        help="year to simulate, within the modelled years (2017 to 2095 today; default %(default)s)")
    parser.add_argument("--month", help="simulate one month instead of the year, e.g. 2025-03")
    parser.add_argument("--seed", type=checked.seed, default=1, help="random seed of the synthetic population (default %(default)s)")
    parser.add_argument("--size", default=checked.DEFAULT_SIZE, type=checked.population_size, help=checked.SIZE_HELP)
    parser.add_argument("--births-on-1-january", action="store_true",
                        help="synthetic population born on 1 January (ages constant over the year: months merge, faster)")
    parser.add_argument("--persons-csv", help="persons microdata CSV (with --households-csv) instead of the synthetic population")
    parser.add_argument("--households-csv", help="households microdata CSV")
    parser.add_argument("--reform", help="reform name or YAML file (openfisca_ajk.reform_diffs)")
    parser.add_argument("--output", default="output", help="output folder (default %(default)s)")
    parser.add_argument("--cache-dir", default=".cache", help="folder of cached populations (default %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the population cache")
    parser.add_argument("--chunk-households", type=checked.positive_integer("--chunk-households"),
                        help="evaluate by blocks of this many households, 1 or more (same results)")
    parser.add_argument("--workers", type=checked.positive_integer("--workers"), default=1,
                        help="processes evaluating blocks in parallel (default %(default)s)")
    parser.add_argument("--no-malloc-tuning", action="store_true", help="keep glibc's default allocator settings")
    parser.add_argument("--quiet", action="store_true", help="no progress messages")
    parser.set_defaults(handler=run)
