"""``openfisca-ajk act``: the draft act as text bound to its parameters.

    openfisca-ajk act check                                   # every reform with an act document
    openfisca-ajk act render --reform draft_social_security_act [--compare OTHER] --output output/act
    openfisca-ajk act to-reform --act my_act.md --name my_draft   # writes reforms/my_draft.yaml
"""

from pathlib import Path

from openfisca_ajk.act import (
    assess, bind, build_rendering, check_binding, documents_exist, reform_from_edits, to_html, to_markdown,
)
from openfisca_ajk.commands import arguments as checked
from openfisca_ajk.compliance.context import DEFAULT_DATE, DEFAULT_SEED
from openfisca_ajk.reform_diffs import list_reforms
from openfisca_ajk.tools.files import atomic_write

DEFAULT_OUTPUT = Path("output") / "act"
DEFAULT_CATALOGUE = "../catalogue"


def _date(month):
    """The day the text's values are read: the first of the month assessed (a year means its June, as in
    the compliance report)."""
    from openfisca_ajk.compliance.context import month_of

    return str(month_of(month).start)


def check(arguments):
    names = arguments.reform or [name for name in list_reforms() if documents_exist(name)]
    failed = 0
    for name in names:
        bound = bind(name, _date(arguments.date))
        problems = check_binding(bound)
        clauses = sum(len(d.clauses) for d in bound.documents)
        if problems:
            failed += 1
            print(f"{name}: {len(problems)} problem(s)")
            for problem in problems:
                print(f"  - {problem}")
        else:
            print(f"ok: {name} ({', '.join(d.path.name for d in bound.documents)}: {clauses} clauses, "
                  f"{len(bound.clauses)} parameters each named by its clause)")
    return 1 if failed else 0


def _bound_checked(name, date, documents=None):
    bound = bind(name, date, documents=documents)
    problems = check_binding(bound)
    if problems:
        raise ValueError(f"reform {name} and its text disagree; run openfisca-ajk act check:\n"
                         + "\n".join(f"  - {p}" for p in problems))
    return bound


def render(arguments):
    date = _date(arguments.date)
    bound = _bound_checked(arguments.reform, date)
    say = None if arguments.quiet else (lambda message: print(f"... {message}", flush=True))
    say and say(f"assessing {arguments.reform} (C102 and population, size {arguments.size:g})")
    assessment = assess(bound.spec.source, arguments.date, size=arguments.size, seed=arguments.seed)
    other = other_assessment = None
    if arguments.compare:
        other = bind(arguments.compare, date, documents=[d.path for d in bound.documents])
        say and say(f"assessing {arguments.compare}")
        other_assessment = assess(other.spec.source, arguments.date, size=arguments.size, seed=arguments.seed)
    rendering = build_rendering(bound, assessment, other, other_assessment, catalogue=arguments.catalogue)
    stem = bound.reform + (f"_vs_{other.reform}" if other else "")
    output = Path(arguments.output)
    for path in (atomic_write(output / f"{stem}.md", to_markdown(rendering)),
                 atomic_write(output / f"{stem}.html", to_html(rendering))):
        print(f"wrote {path}")
    return 0


def to_reform(arguments):
    path, spec, edits = reform_from_edits(arguments.act, arguments.name, base=arguments.base, output=arguments.output,
                                          force=arguments.force)
    for parameter, (value, citation) in sorted(edits.items()):
        print(f"{citation}: {parameter} = {value}")
    print(f"wrote {path} (reform {spec.name}, extends {spec.extends.name}; validated)")
    return 0


def register(subparsers):
    parser = subparsers.add_parser(
        "act", help="the draft act as text bound to its parameters: check, render with consequences, to-reform",
        description="The act documents in reforms/<reform>/ (act.md, rules.md) name every number as a parameter "
                    "of the reform; check the binding, render each clause with what it computes, or turn values "
                    "edited in the text into a reform file.")
    commands = parser.add_subparsers(dest="act_command", metavar="act_command", required=True)

    checking = commands.add_parser("check", help="drift between the act text and its reform file (exit 1 if any)")
    checking.add_argument("--reform", action="append", help="reform to check (repeatable; default: every reform "
                                                            "with an act document)")
    checking.add_argument("--date", default=DEFAULT_DATE, help="values read at this month (default %(default)s)")
    checking.set_defaults(handler=check)

    rendering = commands.add_parser("render", help="the act with each clause's consequences (HTML and Markdown)")
    rendering.add_argument("--reform", required=True, help="reform name in reforms/ or a path")
    rendering.add_argument("--compare", default=None, help="a second reform: clause-by-clause diff of text and "
                                                           "consequences (the change goes from it to --reform)")
    rendering.add_argument("--date", default=DEFAULT_DATE, help="month assessed (default %(default)s)")
    rendering.add_argument("--size", type=checked.population_size, default=checked.DEFAULT_SIZE, help=checked.SIZE_HELP)
    rendering.add_argument("--seed", type=int, default=DEFAULT_SEED, help="population seed (default %(default)s)")
    rendering.add_argument("--catalogue", default=DEFAULT_CATALOGUE,
                           help="relative path from the output folder to the catalogue site (default %(default)s)")
    rendering.add_argument("--output", default=str(DEFAULT_OUTPUT), help="output folder (default %(default)s)")
    rendering.add_argument("--quiet", action="store_true", help="print only the files written")
    rendering.set_defaults(handler=render)

    generating = commands.add_parser("to-reform", help="a reform file from the values edited in the act text")
    generating.add_argument("--act", required=True, help="the edited act document (Markdown)")
    generating.add_argument("--name", required=True, help="name of the new reform (letters, digits, underscores)")
    generating.add_argument("--base", default=None, help="reform the text was written for (default: front matter "
                                                         "'reform', else the act's folder name)")
    generating.add_argument("--output", default=None, help="reform file to write (default reforms/<name>.yaml)")
    generating.add_argument("--force", action="store_true", help="replace an existing file")
    generating.set_defaults(handler=to_reform)
