"""Persons protected under each coverage alternative of a Part, computed on the population.

E50: protected employees / all employees (Arts 9(a), 15(a), 21(a), 27(a), 33(a), 41(a), 48(a), 55(a), 61(a));
EA20: protected economically active / all residents (option (b), absent from Parts IV and VI);
R50: protected residents / all residents (Part II only, Art 9(c)). The means-tested option concerns
non-contributory schemes and the industrial option needs an Art 3 declaration: neither is assessed.
Voluntary members count only in the Parts Art 6 lists.
"""

import numpy

from openfisca_ajk.compliance.verdicts import CANNOT_DETERMINE, FAILS, MEETS, Check
from openfisca_ajk.population.data import ROLE_CODES
from openfisca_ajk.precision_reports import person_share_interval

OPTIONS = {"II": ("E50", "EA20", "R50"), "III": ("E50", "EA20"), "IV": ("E50",), "V": ("E50", "EA20"),
           "VI": ("E50",), "VII": ("E50", "EA20"), "VIII": ("E50", "EA20"), "IX": ("E50", "EA20"),
           "X": ("E50", "EA20")}
ARTICLES = {"II": "Art 9", "III": "Art 15", "IV": "Art 21", "V": "Art 27", "VI": "Art 33", "VII": "Art 41",
            "VIII": "Art 48", "IX": "Art 55", "X": "Art 61"}
VOLUNTARY_PARTS = {"II", "III", "IV", "V", "IX", "X"}   # Art 6 (Part VIII: medical care only)
DEPENDANT_PARTS = {"II"}                                 # protected classes "plus their wives and children"
FAMILY_ROLES = [ROLE_CODES[key] for key in ("head", "spouse", "child")]
LABELS = {"E50": "protected employees / all employees", "EA20": "protected economically active / all residents",
          "R50": "protected residents (with dependants) / all residents"}


def _thresholds(parameters):
    coverage = parameters.ilo.c102.coverage
    return {"E50": float(coverage.employees_share), "EA20": float(coverage.economically_active_share_of_residents),
            "R50": float(coverage.residents_share)}


def protected_persons(context, part, contributory_in_force, public_service_in_force):
    """(protected mask, description) under the schemes in force for the Part."""
    person = context.person
    protected = numpy.zeros(len(context.weights), dtype=bool)
    described = []
    if contributory_in_force:
        insured = numpy.asarray(person["ss_insured"], dtype=bool)
        if part not in VOLUNTARY_PARTS:
            insured &= ~numpy.asarray(person["ss_voluntary_member"], dtype=bool)
        protected |= insured
        described.append("insured under the contributory scheme (ss_insured)")
    elif public_service_in_force:
        protected |= numpy.asarray(person["is_public_servant"], dtype=bool) & person["employee"]
        described.append("public servants (" + ", ".join(public_service_in_force) + ")")
    return protected, "; ".join(described) or "no one"


def with_dependants(context, protected):
    """Protected persons plus the heads, spouses and children of their households."""
    person = context.person
    household_protected = numpy.bincount(person["household"], weights=protected,
                                         minlength=context.population.n_households) > 0
    family_role = numpy.isin(person["role"], FAMILY_ROLES)   # other relatives are not dependants
    return protected | (household_protected[person["household"]] & family_role)


def coverage_intervals(context, protected, dependants_covered=True):
    """95 % intervals of the three coverage measures (empty when the population is not a sample)."""
    person = context.person
    employee, active = person["employee"], person["economically_active"]
    population, weights = context.population, context.weights
    return {"E50": person_share_interval(population, weights, protected & employee, employee),
            "EA20": person_share_interval(population, weights, protected & active),
            "R50": person_share_interval(population, weights,
                                         with_dependants(context, protected) if dependants_covered else protected)}


def _interval_text(entry):
    if not entry:
        return ""
    return f" (95 % interval {entry['low']:.1%} to {entry['high']:.1%})"


def coverage_check(context, part, protected, described, dependants_covered=True, decimals=4):
    person, thresholds = context.person, _thresholds(context.parameters)
    employee, active = person["employee"], person["economically_active"]
    figures = {
        "E50": context.share(protected & employee, employee),
        "EA20": context.share(protected & active),
        "R50": context.share(with_dependants(context, protected) if dependants_covered else protected),
    }
    intervals = coverage_intervals(context, protected, dependants_covered)
    details = {}
    for option in OPTIONS[part]:
        share = round(figures[option], decimals)
        ok = share >= thresholds[option] and (dependants_covered or part not in DEPENDANT_PARTS or option == "R50")
        details[option] = {"share": share, "minimum": thresholds[option], "meets": bool(ok), "measure": LABELS[option]}
        if intervals.get(option):
            details[option]["interval_95"] = [intervals[option]["low"], intervals[option]["high"]]
    details["protected"] = described
    details["voluntary_members_counted"] = part in VOLUNTARY_PARTS
    article = ARTICLES[part]
    options = list(OPTIONS[part])
    passing = [o for o in options if details[o]["meets"]]
    best = passing[0] if passing else max(options, key=lambda o: details[o]["share"] / thresholds[o])
    figure, minimum = details[best]["share"], thresholds[best]
    if passing:
        why = f"{best}: {LABELS[best]} = {figure:.1%}{_interval_text(intervals.get(best))} >= {minimum:.0%}"
        verdict = MEETS
    else:
        tried = "; ".join(f"{o} {details[o]['share']:.1%}{_interval_text(intervals.get(o))} < {thresholds[o]:.0%}" for o in options)
        extra = "" if dependants_covered or part not in DEPENDANT_PARTS else "; dependants are not covered"
        why = f"persons protected too few: {tried}{extra}"
        verdict = FAILS
    if float(context.weights.sum()) <= 0:
        return Check(f"{part}.coverage", "Persons protected", article, CANNOT_DETERMINE, "empty population")
    return Check(f"{part}.coverage", "Persons protected", article, verdict, why, figure, minimum, "share",
                 details=details)
