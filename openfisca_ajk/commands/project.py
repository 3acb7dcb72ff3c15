"""``openfisca-ajk project``: ABND costing of today's law and library reforms, year by year, with a chart.

    openfisca-ajk project [--reform NAME ...] [--from 2023 --to 2030] [--scenario central|low|high|all]
                          [--output DIR] [--size 0.01] [--backend serial|process|dask] [--workers N]

Writes costing.csv, costing.json, summary.txt, costing_pct_gdp.png and costing.html (the page).
"""

import time
from pathlib import Path

from openfisca_ajk.commands import arguments as checked
from openfisca_ajk.commands.main import Progress
from openfisca_ajk.projection import BACKENDS, BASELINE, SCENARIOS, costing_grid, library_reforms
from openfisca_ajk.projection.charts import cost_comparison_png
from openfisca_ajk.projection.costing import HALF_WIDTH, RECIPIENTS_HALF_WIDTH
from openfisca_ajk.projection.costing_page import csv_text, render_costing_page, sampled, share_text
from openfisca_ajk.projection.grid import DEFAULT_FIRST, DEFAULT_LAST, DEFAULT_SEED, known_until
from openfisca_ajk.tools.files import atomic_write, atomic_write_json

COLUMNS = ("law", "scenario", "year", "scheme", "kind", "budget", "status", "evaluated_year", "indexation", "recipients",
           RECIPIENTS_HALF_WIDTH, "persons_covered", "benefit_cost_pkr", "total_cost_pkr", HALF_WIDTH, "ajk_budget_cost_pkr", "pct_gdp",
           "pct_total_budget", "pct_social_protection_budget")


def _pct(value):
    return "n/a" if value is None else f"{value:.1f}"


def summary(rows):
    lines = [f"{'law':28} {'scenario':8} {'year':>4} {'cash cost (bn PKR, +- 95 %)':>27} {'% GDP':>7} "
             f"{'% AJK budget (its part)':>24} {'% SP budget':>12}"]
    for row in rows:
        if row["scheme"] == "TOTAL_CASH":
            cost, half = row["total_cost_pkr"], row.get(HALF_WIDTH)
            lines.append(f"{row['law']:28} {row['scenario']:8} {row['year']:>4} {sampled(cost, half, 1e9, 2):>27} "
                         f"{share_text(row['pct_gdp'], cost, half, 3):>7} "
                         f"{share_text(row['pct_total_budget'], cost, half, 2):>24} {_pct(row['pct_social_protection_budget']):>12}")
    if any(row.get(HALF_WIDTH) for row in rows):
        lines.append("+- : 95 % sampling interval of the evaluated year, carried with the projection's factors; "
                     "the scenarios show the assumptions' risk")
    return "\n".join(lines)


def run(arguments):
    laws = [BASELINE] + (arguments.reform or library_reforms())
    scenarios = list(SCENARIOS) if arguments.scenario == "all" else [arguments.scenario]
    started = time.perf_counter()
    if arguments.last < arguments.first:        # checked before any work or any progress line
        raise ValueError(f"the last year ({arguments.last}) is before the first ({arguments.first})")
    progress = Progress()
    progress.say(f"projecting {len(laws)} law(s) x {len(scenarios)} scenario(s), {arguments.first}-{arguments.last}, "
                 f"size {arguments.size:g}; each year up to {known_until(arguments.last)} is evaluated (the law is "
                 "known), later years projected")
    rows = costing_grid(laws=laws, scenarios=scenarios, first=arguments.first, last=arguments.last, size=arguments.size,
                        seed=arguments.seed, backend=arguments.backend, workers=arguments.workers,
                        progress=progress.say)
    progress.say("writing the outputs ...")
    elapsed = time.perf_counter() - started
    output = Path(arguments.output)
    settings = {"laws": laws, "scenarios": scenarios, "first": arguments.first, "last": arguments.last,
                "size": arguments.size, "seed": arguments.seed, "law_known_until": known_until(arguments.last)}
    text = summary(rows)
    chart = cost_comparison_png(rows)
    atomic_write(output / "costing.csv", csv_text(COLUMNS, [[row.get(c, "") for c in COLUMNS] for row in rows]))
    atomic_write_json(output / "costing.json", {**settings, "elapsed_s": round(elapsed, 2), "rows": rows})
    atomic_write(output / "summary.txt", text + "\n")
    atomic_write(output / "costing_pct_gdp.png", chart)
    atomic_write(output / "costing.html", render_costing_page(rows, settings, chart))
    print(text)
    print(f"\n{len(rows)} rows in {elapsed:.1f} s; written to {output}/ (costing.csv, costing.json, summary.txt, "
          "costing_pct_gdp.png, costing.html)")
    return 0


def register(subparsers):
    parser = subparsers.add_parser("project", help="ABND costing projection of today's law and library reforms")
    parser.add_argument("--reform", action="append", help="reform name or file (repeatable; default: every library reform)")
    parser.add_argument("--from", dest="first", type=int, default=DEFAULT_FIRST, help="first year (default %(default)s)")
    parser.add_argument("--to", dest="last", type=int, default=DEFAULT_LAST, help="last year (default %(default)s)")
    parser.add_argument("--scenario", choices=[*SCENARIOS, "all"], default="all", help="default %(default)s")
    parser.add_argument("--output", default="output/projection", help="folder (default %(default)s)")
    parser.add_argument("--size", type=checked.population_size, default=checked.DEFAULT_SIZE, help=checked.SIZE_HELP)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--backend", choices=BACKENDS, default="serial", help="default %(default)s")
    parser.add_argument("--workers", type=int, default=None)
    parser.set_defaults(handler=run)
