"""Command line of openfisca-ajk: ``openfisca-ajk <command> ...`` (or ``python -m openfisca_ajk.cli``).

Each command lives in its own module under ``openfisca_ajk.commands`` and
exposes ``register(subparsers)``, which adds its parser and sets ``handler``.
"""

import argparse
import importlib
import sys

from openfisca_core.errors import ParameterNotFoundError

COMMAND_MODULES = (
    "openfisca_ajk.commands.households",
    "openfisca_ajk.commands.catalogue",
    "openfisca_ajk.commands.main",
    "openfisca_ajk.commands.compare",
    "openfisca_ajk.commands.reform",
    "openfisca_ajk.commands.standard_beneficiary",
    "openfisca_ajk.commands.serve",
    "openfisca_ajk.commands.project",
    "openfisca_ajk.commands.valuation",
    "openfisca_ajk.commands.compliance",
    "openfisca_ajk.commands.matrix",
    "openfisca_ajk.commands.act",
)


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("openfisca-ajk")
    except PackageNotFoundError:
        return "unknown (not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="openfisca-ajk", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="command")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if not getattr(arguments, "handler", None):
        parser.print_help()
        return 2
    try:
        return arguments.handler(arguments) or 0
    except (ValueError, KeyError, OSError) as error:
        print(f"openfisca-ajk {arguments.command}: error: {error}", file=sys.stderr)
        return 1
    except ParameterNotFoundError as error:
        print(f"openfisca-ajk {arguments.command}: error: {error} Is the date outside the years the model "
              "covers?", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
