"""``openfisca-ajk catalogue``: the browsable catalogue of the law as coded (static HTML and Markdown).

- ``catalogue [--output DIR]``            generate the site (default ``output/catalogue``)
- ``catalogue --check [--output DIR]``    generate, then check every internal link of the site
- ``catalogue --check-only [--output DIR]``  check an existing site without regenerating it

The check lists broken internal links and exits 1 if there is any; external links are counted, not fetched
(``--list-external`` prints them).
"""

import sys
from pathlib import Path

from openfisca_ajk.catalogue import build_catalogue, check_site

DEFAULT_OUTPUT = Path("output") / "catalogue"


def _check(output: Path, list_external: bool) -> int:
    if not (output / "index.html").is_file():
        raise FileNotFoundError(f"no catalogue in {output} (index.html is missing); generate it first")
    report = check_site(output)
    print(f"checked {report.internal} internal links in {report.files} HTML files; "
          f"{len(report.external)} distinct external links (not fetched)")
    if list_external:
        for href, sources in sorted(report.external.items()):
            print(f"external: {href}  ({len(sources)} page(s))")
    for broken in report.broken:
        print(f"BROKEN {broken}", file=sys.stderr)
    if report.broken:
        print(f"{len(report.broken)} broken internal link(s)", file=sys.stderr)
        return 1
    return 0


def run(arguments) -> int:
    output = Path(arguments.output)
    if not arguments.check_only:
        result = build_catalogue(output)
        print(f"catalogue: {result.pages} pages ({len(result.files)} files, HTML and Markdown) "
              f"written to {output} in {result.seconds:.2f} s; open {output / 'index.html'}")
    if arguments.check or arguments.check_only:
        return _check(output, arguments.list_external)
    return 0


def register(subparsers):
    parser = subparsers.add_parser("catalogue", help="static HTML and Markdown catalogue of parameters, "
                                                     "variables and schemes, with a link checker")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="folder of the site (default %(default)s)")
    parser.add_argument("--check", action="store_true", help="after generating, check every internal link")
    parser.add_argument("--check-only", action="store_true", help="check the links of an existing site only")
    parser.add_argument("--list-external", action="store_true", help="with a check, print the external links")
    parser.set_defaults(handler=run)
