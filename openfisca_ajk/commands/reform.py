"""``openfisca-ajk reform``: list, show, check and compute reform files (parameter diffs).

- ``reform list``                       names and labels of the files in ``reforms/``
- ``reform show NAME_OR_PATH``          the validated changes beside the baseline values
- ``reform check PATH``                 validate only; exit 1 with the list of problems
- ``reform compute NAME_OR_PATH --situation FILE.json --period 2026-03 [--variables a,b]``
                                        baseline and reform values for a situation
"""

import json
import sys
from datetime import timedelta
from difflib import get_close_matches
from pathlib import Path

from openfisca_core.errors import SituationParsingError
from openfisca_core.simulations import SimulationBuilder

from openfisca_ajk.reform_diffs import (
    ReformFileError,
    list_reforms,
    load_reform_class,
    load_reform_file,
    resolve_reform_path,
)
from openfisca_ajk.reform_diffs.tree import index_parameters
from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.situation_periods import for_period
from openfisca_ajk.engine.law import law
from openfisca_ajk.tools.years import check_period


def _summary(name):
    try:
        reform = load_reform_class(name)
    except (ReformFileError, ValueError, FileNotFoundError) as error:
        return f"INVALID ({str(error).splitlines()[0]})"
    spec = getattr(reform, "spec", None)
    if spec is not None:
        return f"{spec.label}  [{len(spec.all_changes)} change(s)]"
    return f"{(reform.__doc__ or reform.__name__).strip().splitlines()[0]}  [Python reform]"


def run_list(arguments):
    names = list_reforms()
    if not names:
        print("no reform files in reforms/")
    for name in names:
        print(f"{name:32} {_summary(name)}")
    return 0


def _value_text(value):
    if isinstance(value, (list, tuple)):
        return f"{len(value)} names"
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1 else f"{value:,.2f}"
    return str(value).lower() if isinstance(value, bool) else f"{value:,}" if isinstance(value, int) else str(value)


def _show_spec(spec, baseline, reformed):
    print(f"{spec.name}: {spec.label}")
    print(f"file: {spec.source}")
    if spec.extends:
        print(f"extends: {' -> '.join(spec.chain)}")
    print(f"\n{spec.description}\n\nLegal basis:")
    for entry in spec.legal_basis:
        print(f"  - {entry['title']}\n    {entry['href']}")
    base_leaves, _ = index_parameters(baseline.parameters)
    new_leaves, _ = index_parameters(reformed.parameters)
    print(f"\n{'parameter':52} {'period':23} {'baseline':>14} {'reform':>14} {'after period':>14}")
    for change in spec.all_changes:
        start = change.start.isoformat()
        before = base_leaves[change.path].parameter(start)
        after = "(onward)"
        if change.stop:
            after = _value_text(new_leaves[change.path].parameter(_next_day(change.stop)))
        print(f"{change.path:52} {change.period_key:23} {_value_text(before):>14} "
              f"{_value_text(change.value):>14} {after:>14}")
        if isinstance(change.value, (list, tuple)) and isinstance(before, list):
            removed = [name for name in before if name not in change.value]
            added = [name for name in change.value if name not in before]
            print(f"{'':52} removes: {', '.join(removed) or 'none'}; adds: {', '.join(added) or 'none'}")


def _next_day(day):
    return (day + timedelta(days=1)).isoformat()


def _show_python(reform_class, baseline, reformed):
    print(f"{reform_class.__name__}: Python reform")
    print(f"\n{(reform_class.__doc__ or '').strip()}\n")
    added = sorted(set(reformed.variables) - set(baseline.variables))
    replaced = sorted(name for name in baseline.variables
                      if name in reformed.variables and reformed.variables[name] is not baseline.variables[name])
    print(f"variables added: {', '.join(added) or 'none'}")
    print(f"variables replaced: {', '.join(replaced) or 'none'}")


def run_show(arguments):
    baseline = law()
    reform_class = load_reform_class(arguments.reform, baseline)
    reformed = law(reform_class)
    spec = getattr(reform_class, "spec", None)
    if spec is None:
        _show_python(reform_class, baseline, reformed)
    else:
        _show_spec(spec, baseline, reformed)
    return 0


def run_check(arguments):
    path = resolve_reform_path(arguments.reform)
    if path.suffix == ".py":
        reform_class = load_reform_class(path)
        law(reform_class)
        print(f"ok: {path} (Python reform {reform_class.__name__} applies)")
        return 0
    spec = load_reform_file(path, law())
    print(f"ok: {path} ({spec.name}: {len(spec.changes)} change(s)"
          + (f", extends {' -> '.join(spec.chain[:-1])})" if spec.extends else ")"))
    return 0


def _variables(arguments, system):
    names = [n.strip() for n in arguments.variables.split(",") if n.strip()] if arguments.variables else None
    names = names or [scheme.output for scheme in load_schemes()]
    unknown = [name for name in names if name not in system.variables]
    if unknown:
        hints = [f"{name} (did you mean {' or '.join(close)}?)" if (close := get_close_matches(name, system.variables))
                 else name for name in unknown]
        raise ValueError(f"--variables: unknown variable(s) {', '.join(hints)}")
    return names


def _values(system, situation, names, period):
    simulation = SimulationBuilder().build_from_entities(system, situation)
    values = {}
    for name in names:
        population = simulation.get_variable_population(name)
        result = simulation.calculate(name, period)
        values[name] = {str(i): result[k].item() for k, i in enumerate(population.ids)}
    return values


def run_compute(arguments):
    situation_path = Path(arguments.situation)
    if not situation_path.is_file():
        raise FileNotFoundError(f"--situation: {situation_path} does not exist")
    situation, moved = for_period(json.loads(situation_path.read_text(encoding="utf-8")), arguments.period)
    if moved and not getattr(arguments, "json", False):
        print(f"(inputs given for one other month taken to hold in {arguments.period}: {', '.join(moved)})")
    baseline = law()
    check_period(baseline, arguments.period)
    reformed = law(arguments.reform)
    names = _variables(arguments, baseline)
    try:
        before = _values(baseline, situation, names, arguments.period)
        after = _values(reformed, situation, names, arguments.period)
    except SituationParsingError as error:
        raise ValueError(f"--situation {situation_path}: {error.error}") from None
    rows = [{"variable": name, "id": entity_id, "baseline": value, "reform": after[name][entity_id]}
            for name in names for entity_id, value in before[name].items()]
    if arguments.json:
        print(json.dumps({"reform": arguments.reform, "period": arguments.period, "rows": rows}, indent=2))
        return 0
    print(f"{arguments.reform} — {arguments.period}")
    print(f"{'variable':36} {'id':16} {'baseline':>14} {'reform':>14} {'change':>14}")
    for row in rows:
        change = row["reform"] - row["baseline"] if isinstance(row["baseline"], (int, float)) else ""
        change = "" if isinstance(row["baseline"], bool) else change
        print(f"{row['variable']:36} {row['id']:16} {_value_text(row['baseline']):>14} "
              f"{_value_text(row['reform']):>14} {_value_text(change):>14}")
    return 0


def _guarded(handler):
    def run(arguments):
        try:
            return handler(arguments)
        except (ReformFileError, ValueError, KeyError, FileNotFoundError) as error:
            print(f"openfisca-ajk reform {arguments.reform_command}: error: {error}", file=sys.stderr)
            return 1

    return run


def register(subparsers):
    parser = subparsers.add_parser("reform", help="list, show, check and compute reform files")
    commands = parser.add_subparsers(dest="reform_command", metavar="subcommand", required=True)
    commands.add_parser("list", help="reform files in reforms/").set_defaults(handler=_guarded(run_list))
    show = commands.add_parser("show", help="a reform's changes beside the baseline values")
    show.add_argument("reform", help="reform name (reforms/<name>.yaml or .py) or file path")
    show.set_defaults(handler=_guarded(run_show))
    check = commands.add_parser("check", help="validate a reform file; exit 1 listing every problem")
    check.add_argument("reform", help="reform file path or name")
    check.set_defaults(handler=_guarded(run_check))
    compute = commands.add_parser("compute", help="baseline and reform values for a situation")
    compute.add_argument("reform", help="reform name or file path")
    compute.add_argument("--situation", required=True, help="situation JSON file (OpenFisca format)")
    compute.add_argument("--period", required=True, help="period to compute, e.g. 2026-03")
    compute.add_argument("--variables", help="comma-separated variables (default: every scheme output)")
    compute.add_argument("--json", action="store_true", help="print JSON instead of a table")
    compute.set_defaults(handler=_guarded(run_compute))
