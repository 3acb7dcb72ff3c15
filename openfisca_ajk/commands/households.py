"""``openfisca-ajk households``: every scheme's entitlement for the bundled example households."""

import datetime

from openfisca_core.simulations import SimulationBuilder

from openfisca_ajk.paths import law_folder
from openfisca_ajk.scheme_registry import amount_published, load_schemes
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


def household_lines(name, rows, period, show_all=False):
    """The listing of one example: cash schemes with their amount a month, in-kind schemes with their cover
    (a value ceiling, never a cash amount). Only the eligible rows unless ``show_all``."""
    schemes = {scheme.name: scheme for scheme in load_schemes()}
    lines = [f"\n{name} — {period}", f"  {'scheme':36} {'member or household':20} {'status':13} {'cash PKR a month':>16}"]
    hidden = 0
    for scheme, entries in rows.items():
        for entity_id, eligible, amount in entries:
            if not eligible and not show_all:
                hidden += 1
                continue
            status = "eligible" if eligible else "not eligible"
            entry = schemes[scheme]
            if entry.modelled_from and period[:7] < entry.modelled_from[:7]:
                value = f"{'undetermined':>16}  (not modelled before {entry.modelled_from})"
            elif not entry.is_cash:
                value = f"{'in kind':>16}" + (f"  (cover valued up to Rs {amount:,.0f} a month, Rs {12 * amount:,.0f} a "
                                               "year; a value ceiling, not cash)" if amount > 0 else "")
            elif eligible and not amount_published(entry):
                value = f"{'undetermined':>16}  (amount {dict(entry.evidence)['amount']}: rule not published)"
            else:
                value = f"{amount:16,.2f}"
            lines.append(f"  {scheme:36} {entity_id:20} {status:13} {value}")
    total = sum(amount for scheme, entries in rows.items() if schemes[scheme].is_cash for _, _, amount in entries)
    lines.append(f"  {'cash benefits, all schemes':36} {'':20} {'':13} {total:16,.2f}")
    if hidden:
        lines.append(f"  ({hidden} scheme x member rows not eligible; --all lists them)")
    return lines


def run(arguments):
    tax_benefit_system = law()
    check_period(tax_benefit_system, arguments.period)
    names = arguments.example or example_names()
    for name in names:
        situation, _ = for_period(load_situation_example(name), arguments.period)
        print("\n".join(household_lines(name, entitlements(tax_benefit_system, situation, arguments.period),
                                        arguments.period, arguments.all)))
    return 0


def register(subparsers):
    parser = subparsers.add_parser("households", help="entitlements of the bundled example households")
    parser.add_argument("--period", default=DEFAULT_PERIOD, help="month, e.g. 2025-03 (default %(default)s)")
    parser.add_argument("--example", action="append", choices=example_names(), help="one example (repeatable)")
    parser.add_argument("--all", action="store_true", help="list the schemes a member is not eligible for too")
    parser.set_defaults(handler=run)
