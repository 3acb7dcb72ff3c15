"""``openfisca-ajk valuation``: actuarial valuation of the old-age branch under one or more designs.

    openfisca-ajk valuation --reform draft_social_security_act [--reform eobi_pattern] [--horizon 75]
                            [--output DIR] [--no-sensitivity] [--backend serial|process|dask] [--workers N]
"""

import time

from openfisca_ajk.actuarial import valuation_grid, write_report
from openfisca_ajk.actuarial.valuation import DEFAULT_BASE_YEAR, DEFAULT_SEED
from openfisca_ajk.actuarial.valuation_report import exhausted_text, rate_text
from openfisca_ajk.commands import arguments as checked
from openfisca_ajk.commands.main import Progress
from openfisca_ajk.projection import BACKENDS

DEFAULT_REFORM = "draft_social_security_act"


def run(arguments):
    laws = arguments.reform or [DEFAULT_REFORM]
    started = time.perf_counter()
    progress = Progress()
    progress.say(f"valuing {', '.join(laws)} over {arguments.horizon} years, size {arguments.size:g}"
                 + ("" if arguments.no_sensitivity else ", with the sensitivity runs"))
    results = valuation_grid(laws, horizon=arguments.horizon, sensitivities=not arguments.no_sensitivity,
                             backend=arguments.backend, workers=arguments.workers, base_year=arguments.base_year,
                             size=arguments.size, seed=arguments.seed, progress=progress.say)
    progress.say("writing the report ...")
    files = write_report(results, arguments.output)
    for result in results:
        if result["variant"] == "central":
            indicators, sampling = result["indicators"], result.get("sampling") or {}
            gaps = ", ".join(f"{p} y {rate_text(v, sampling.get('general_average_premium', {}).get(p), compact=True)}"
                             for p, v in indicators["general_average_premium"].items())
            print(f"{result['law']}: from {result['first_year']}, contribution rate "
                  f"{100 * indicators['contribution_rate_first_year']:.2f} %; GAP {gaps}; PAYG in the last year "
                  f"{rate_text(result['series']['payg_cost_rate'][-1], sampling.get('payg_cost_rate_last_year'), compact=True)}; "
                  f"reserve exhausted: {exhausted_text(indicators, sampling.get('reserve_exhausted_in'))}"
                  + (" (+- : 95 % sampling intervals)" if sampling else ""))
    print(f"{len(results)} valuation run(s) in {time.perf_counter() - started:.1f} s; "
          f"written: {', '.join(str(f) for f in files)}")
    return 0


def register(subparsers):
    parser = subparsers.add_parser("valuation", help="actuarial valuation of the old-age, invalidity and survivors' branches")
    parser.add_argument("--reform", action="append", help=f"reform name or file (repeatable; default {DEFAULT_REFORM})")
    parser.add_argument("--horizon", type=int, default=75, help="years (default %(default)s)")
    parser.add_argument("--output", default="output/valuation", help="folder (default %(default)s)")
    parser.add_argument("--no-sensitivity", action="store_true", help="the central run only")
    parser.add_argument("--base-year", type=int, default=DEFAULT_BASE_YEAR, help="first year searched (default %(default)s)")
    parser.add_argument("--size", type=checked.population_size, default=checked.DEFAULT_SIZE, help=checked.SIZE_HELP)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--backend", choices=BACKENDS, default="serial")
    parser.add_argument("--workers", type=int, default=None)
    parser.set_defaults(handler=run)
