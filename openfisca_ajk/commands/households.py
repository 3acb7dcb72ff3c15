"""``openfisca-ajk households``: every scheme's entitlement for the bundled example households."""

import datetime

from openfisca_core.simulations import SimulationBuilder

from openfisca_ajk.paths import law_folder
from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.situation_periods import for_period
from openfisca_ajk.engine.law import law
from openfisca_ajk.system import load_situation_example
from openfisca_ajk.tools.years import check_period

DEFAULT_PERIOD = datetime.date.today().strftime("%Y-%m")


def example_names():
    return sorted(path.stem for path in law_folder("situation_examples").glob("*.json"))


def entitlements(tax_benefit_system, situation, period):
    """Return ``{scheme: [(member or household id, eligible, amount)]}`` for a situation."""
    simulation = SimulationBuilder().build_from_entities(tax_benefit_system, situation)
    rows = {}
    for scheme in load_schemes():
        population = simulation.populations[scheme.entity]
        ids = population.ids
        eligible = simulation.calculate(scheme.eligible, period)
        amount = simulation.calculate(scheme.output, period)
        rows[scheme.name] = [(ids[i], bool(eligible[i]), float(amount[i])) for i in range(len(ids))]
    return rows


def print_household(name, rows, period):
    print(f"\n{name} — {period} (PKR per month)")
    for scheme, entries in rows.items():
        for entity_id, eligible, amount in entries:
            status = "eligible" if eligible else "not eligible"
            print(f"  {scheme:32} {entity_id:16} {status:13} {amount:12,.2f}")


def run(arguments):
    tax_benefit_system = law()
    check_period(tax_benefit_system, arguments.period)
    names = arguments.example or example_names()
    for name in names:
        situation, _ = for_period(load_situation_example(name), arguments.period)
        print_household(name, entitlements(tax_benefit_system, situation, arguments.period), arguments.period)
    return 0


def register(subparsers):
    parser = subparsers.add_parser("households", help="entitlements of the bundled example households")
    parser.add_argument("--period", default=DEFAULT_PERIOD, help="month, e.g. 2025-03 (default %(default)s)")
    parser.add_argument("--example", action="append", choices=example_names(), help="one example (repeatable)")
    parser.set_defaults(handler=run)
