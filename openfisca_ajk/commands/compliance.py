"""``openfisca-ajk compliance``: C102 Parts II-X and R202 guarantees of today's law or a reform.

    openfisca-ajk compliance --reform draft_social_security_act --date 2027-06 --size 0.01 --output output/compliance

Prints the plain-language summary and writes ``compliance.html`` (self-contained) and ``compliance.json``.
"""

from pathlib import Path

from openfisca_ajk.commands import arguments as checked
from openfisca_ajk.compliance.context import DEFAULT_DATE, DEFAULT_SEED
from openfisca_ajk.compliance.assessment import compliance_report, write_compliance_report

DEFAULT_OUTPUT = Path("output") / "compliance"


def run(arguments):
    say = None if arguments.quiet else (lambda message: print(f"... {message}", flush=True))
    report = compliance_report(arguments.reform, arguments.date, arguments.size, arguments.seed, progress=say)
    paths = write_compliance_report(report, arguments.output)
    print(report.summary)
    for path in paths:
        print(f"wrote {path}")
    return 0


def register(subparsers):
    parser = subparsers.add_parser(
        "compliance", help="C102 (Parts II-X, Art 2, Art 71) and R202 compliance of today's law or a reform",
        description="Computes every C102 check the design allows (coverage on the population, standard "
                    "beneficiary at the Art 65/66 reference wages, waiting days, durations, qualifying periods, "
                    "pensionable age, Art 44, Art 71(2), Art 2) and the R202 floor, and writes an HTML and a JSON "
                    "report with the plain-language summary first.")
    parser.add_argument("--reform", default=None, help="reform name in reforms/ or a path (default: today's law)")
    parser.add_argument("--date", default=DEFAULT_DATE, help="month assessed, e.g. 2027-06 (default %(default)s)")
    parser.add_argument("--size", type=checked.population_size, default=checked.DEFAULT_SIZE, help=checked.SIZE_HELP)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="population seed (default %(default)s)")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="output folder (default %(default)s)")
    parser.add_argument("--quiet", action="store_true", help="print only the summary and the files written")
    parser.set_defaults(handler=run)
