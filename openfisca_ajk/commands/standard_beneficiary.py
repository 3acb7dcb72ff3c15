"""``openfisca-ajk standard-beneficiary``: C102 replacement rates of a design, Part by Part."""

import json

from openfisca_ajk.standard_beneficiary import PARTS, evaluate

DEFAULT_PERIOD = "2027-06"


def print_results(results, reform_name):
    print(f"C102 standard beneficiaries under {reform_name or 'baseline (today’s law)'}")
    print(f"{'Part':5} {'case':52} {'benefit':>10} {'FA':>8} {'wage':>10} {'rate':>7} {'min':>6}  result")
    for result in results:
        verdict = "PASS" if result.passed else "FAIL"
        print(f"{result.part:5} {result.case:52} {result.benefit:10,.0f} {result.family_allowance_in_contingency:8,.0f} "
              f"{result.previous_earnings:10,.0f} {result.replacement_rate:7.1%} {result.schedule_minimum:6.0%}  {verdict}")
        for note in result.notes:
            print(f"      note: {note}")


def run(arguments):
    parts = PARTS if arguments.part.upper() == "ALL" else (arguments.part.upper(),)
    results = []
    for part in parts:
        results += evaluate(arguments.reform, part, arguments.period, wage=arguments.wage,
                            minimum_wage=arguments.minimum_wage)
    if arguments.json:
        print(json.dumps([result.as_dict() for result in results], indent=2))
    else:
        print_results(results, arguments.reform)
    return 0


def register(subparsers):
    parser = subparsers.add_parser(
        "standard-beneficiary",
        help="C102 standard beneficiary: benefit, replacement rate and Schedule minimum under a reform",
        description="Builds C102's standard beneficiary for a Part, computes the benefit with the rules and "
                    "compares (benefit + family allowances) / (wage + family allowances) with the Schedule to Part XI.",
    )
    parser.add_argument("--part", required=True, help=f"one of {', '.join(PARTS)}, or all")
    parser.add_argument("--reform", default=None, help="reform file name in reforms/ or a path (default: today's law)")
    parser.add_argument("--period", default=DEFAULT_PERIOD, help="month, e.g. 2027-06 (default %(default)s)")
    parser.add_argument("--wage", type=float, default=None,
                        help="reference wage, PKR a month (default: the minimum wage x the compliance multiple, 1.25)")
    parser.add_argument("--minimum-wage", type=float, default=None,
                        help="minimum wage, PKR a month (default: parameter macro.minimum_wage.applicable)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.set_defaults(handler=run)
