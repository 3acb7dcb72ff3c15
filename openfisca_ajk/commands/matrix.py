"""``openfisca-ajk matrix``: the life-cycle legal and implementation matrix (HTML, Markdown, JSON).

    openfisca-ajk matrix --reform draft_social_security_act --year 2027 --output output/matrix

Generated from the scheme registry and a population run; the scheme names link to the catalogue
(``openfisca-ajk catalogue``, by default in ``output/catalogue``).
"""

from pathlib import Path

from openfisca_ajk.commands import arguments as checked
from openfisca_ajk.compliance.context import DEFAULT_SEED
from openfisca_ajk.compliance.matrix import build_matrix, write_matrix

DEFAULT_OUTPUT = Path("output") / "matrix"
DEFAULT_YEAR = 2027


def run(arguments):
    matrix = build_matrix(arguments.reform, arguments.year, arguments.size, arguments.seed,
                          catalogue=arguments.catalogue or None)
    for path in write_matrix(matrix, arguments.output):
        print(f"wrote {path}")
    print(f"{len(matrix['rows'])} rows (contingency x scheme) for {matrix['reform']}, {matrix['year']}")
    return 0


def register(subparsers):
    parser = subparsers.add_parser(
        "matrix", help="life-cycle legal and implementation matrix: contingencies x schemes, with coverage and cost",
        description="Contingencies through the life cycle x schemes (today's and drafted), with status, legal "
                    "instrument, C102 Part, R202 guarantee, computed coverage and cost, from the registry and a "
                    "population run.")
    parser.add_argument("--reform", default=None, help="reform name in reforms/ or a path (default: today's law)")
    parser.add_argument("--year", type=int, default=DEFAULT_YEAR, help="year simulated (default %(default)s)")
    parser.add_argument("--size", type=checked.population_size, default=checked.DEFAULT_SIZE, help=checked.SIZE_HELP)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="population seed (default %(default)s)")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="output folder (default %(default)s)")
    parser.add_argument("--catalogue", default="../catalogue",
                        help="catalogue site relative to the output folder, for links ('' for none; "
                             "default %(default)s)")
    parser.set_defaults(handler=run)
