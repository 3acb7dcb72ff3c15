"""C102 Parts II-X, one function per Part: the checks of legal_standards.md section 15 the design allows.

A Part is assessed against the contributory branch when it is in force; otherwise against the schemes
of the registry that count towards it and are in force today (public servants' schemes, for example),
whose persons protected decide the verdict; with no scheme at all the Part fails.
"""

import numpy

from openfisca_ajk.compliance.beneficiary import career_years, cases_of, replacement
from openfisca_ajk.compliance.coverage import coverage_check, protected_persons
from openfisca_ajk.compliance.design_checks import (
    SS, decimals, duration_check, no_qualifying_check, not_means_tested, periodical, qualifying_check,
    replacement_check, review_check, to_verify, waiting_check,
)
from openfisca_ajk.compliance.verdicts import FAILS, MEETS, NOT_APPLICABLE, Check, PartResult, at_least, part_verdict
from openfisca_ajk.precision import interval, is_sample, ratio_half_width, text, total_half_width
from openfisca_ajk.scheme_registry import load_schemes

BRANCHES = {"II": "medical_care", "III": "sickness", "IV": "unemployment", "V": "old_age",
            "VI": "employment_injury", "VII": "family", "VIII": "maternity", "IX": "invalidity", "X": "survivors"}
TITLES = {"II": "Medical care", "III": "Sickness benefit", "IV": "Unemployment benefit", "V": "Old-age benefit",
          "VI": "Employment injury benefit", "VII": "Family benefit", "VIII": "Maternity benefit",
          "IX": "Invalidity benefit", "X": "Survivors' benefit"}
PART_ARTICLES = {"II": "Arts 7-12", "III": "Arts 13-18", "IV": "Arts 19-24", "V": "Arts 25-30", "VI": "Arts 31-38",
                 "VII": "Arts 39-45", "VIII": "Arts 46-52", "IX": "Arts 53-58", "X": "Arts 59-64"}
SCHEDULE_ARTICLES = {"III": "Art 16, Schedule", "IV": "Art 22, Schedule", "V": "Arts 28-29(1), Schedule",
                     "VI": "Art 36, Schedule", "VIII": "Art 50, Schedule", "IX": "Arts 56-57(1), Schedule",
                     "X": "Arts 62-63(1), Schedule"}


def _replacements(context, part, wages, cache, years=None):
    checks = []
    parameters = context.parameters
    for index, case in enumerate(cases_of(part)):
        minimum = float(parameters.ilo.c102.schedule[case.schedule])
        suffix = "" if len(cases_of(part)) == 1 else f".{case.schedule}"
        checks.append(replacement_check(context, f"{part}.replacement{suffix}", case,
                                        years if years is not None else career_years(parameters, case), wages,
                                        minimum, f"Replacement rate: {case.name}", SCHEDULE_ARTICLES[part], cache))
    return checks


def _benefit_at(context, case, wage, years, cache, years_after_pensionable_age=0):
    key = (case.name, round(wage, 2), years, years_after_pensionable_age)
    if key not in cache:
        cache[key] = replacement(context.system, case, context.month, wage, years, years_after_pensionable_age)
    return cache[key]


def _reduced_benefit(context, part, wages, cache, reduced_years, lower_years, article):
    """A reduced benefit after ``reduced_years``, or Schedule - 10 points guaranteed after ``lower_years``."""
    parameters = context.parameters
    case = cases_of(part)[0]
    minimum = float(parameters.ilo.c102.schedule[case.schedule]) - float(parameters.ilo.c102.old_age.points_lower)
    reduced = _benefit_at(context, case, wages.rw65_percentile, reduced_years, cache)
    lower = replacement_check(context, f"{part}.reduced_benefit", case, lower_years, wages, minimum, "", article, cache)
    label = "Reduced benefit after a shorter career"
    details = {"reduced": reduced.as_dict(), "ten_points_lower": lower.details}
    if reduced.benefit > 0:
        return Check(f"{part}.reduced_benefit", label, article, MEETS,
                     f"a reduced benefit ({reduced.benefit:,.0f} PKR a month) is paid after {reduced_years} years",
                     round(reduced.benefit, 2), 0.0, "PKR per month", details=details)
    verdict = MEETS if lower.figure >= minimum else FAILS
    why = (f"no benefit after {reduced_years} years, but {lower.figure:.1%} >= {minimum:.0%} after {lower_years} years"
           if verdict == MEETS else
           f"no benefit after {reduced_years} years and {lower.figure:.1%} < {minimum:.0%} after {lower_years} years")
    return Check(f"{part}.reduced_benefit", label, article, verdict, why, lower.figure, minimum, "rate",
                 details=details)


def part_ii(context, scheme, wages, cache):
    dependants = bool(context.parameters.ajk.social_security.medical_care.dependants_covered)
    return [qualifying_check(context, "II", "medical_care", "medical_care", "Art 11"),
            Check("II.dependants", "Wives and children covered", "Art 9(a)-(b)", MEETS if dependants else FAILS,
                  "dependants of insured persons are covered" if dependants else "dependants are not covered",
                  dependants, True, "bool", parameters=(f"{SS}.medical_care.dependants_covered",)),
            to_verify("II", "package", "Benefit package", "Art 10(1)",
                      "GP and specialist care, essential medicines, hospitalisation, pre-natal, confinement and "
                      "post-natal care"),
            to_verify("II", "cost_sharing", "No cost-sharing on maternity care", "Art 10(2)",
                      "cost-sharing only for morbid conditions, designed to avoid hardship"),
            to_verify("II", "duration", "Care for 26 weeks per case at least", "Art 12",
                      "the design has no limit on the duration of care (no parameter)")]


def part_iii(context, scheme, wages, cache):
    return [periodical("III", "Art 16", scheme), *_replacements(context, "III", wages, cache),
            waiting_check(context, "III", "sickness", "sickness", "Art 18(1)"),
            duration_check(context, "III", "sickness", "sickness_weeks", "Art 18(1)"),
            qualifying_check(context, "III", "sickness", "sickness", "Art 17")]


def part_iv(context, scheme, wages, cache):
    return [periodical("IV", "Art 22", scheme), *_replacements(context, "IV", wages, cache),
            waiting_check(context, "IV", "unemployment", "unemployment", "Art 24(3)"),
            duration_check(context, "IV", "unemployment", "unemployment_weeks", "Art 24(1)(a)"),
            qualifying_check(context, "IV", "unemployment", "unemployment", "Art 23"),
            to_verify("IV", "disqualification", "Disqualifications only on Art 69(h)-(i) grounds", "Art 69",
                      "suspension only for failure to use employment services, trade disputes or voluntary leaving")]


def part_v(context, scheme, wages, cache):
    parameters = context.parameters
    ilo, design = parameters.ilo.c102.old_age, parameters.ajk.social_security.old_age
    ages = {sex: float(design.pensionable_age[sex]) for sex in ("male", "female", "transgender")}
    oldest = max(ages.values())
    ceiling = float(ilo.max_pensionable_age)
    ok = oldest <= ceiling
    age_check = Check("V.pensionable_age", "Pensionable age", "Art 26(2)", MEETS if ok else FAILS,
                      f"pensionable age {oldest:g} <= {ceiling:g}" if ok else
                      f"pensionable age {oldest:g} > {ceiling:g} allowed (a higher age requires justification "
                      "by the working ability of older persons)",
                      oldest, ceiling, "years", details=ages,
                      parameters=(f"{SS}.old_age.pensionable_age", "ilo.c102.old_age.max_pensionable_age"))
    case = cases_of("V")[0]
    later = int(parameters.ilo.checks.old_age.lifetime_test_years)
    still_paid = _benefit_at(context, case, wages.rw65_percentile, int(ilo.full_qualifying_years), cache,
                             years_after_pensionable_age=later).benefit
    lifetime = at_least("V.for_life", "Paid for life", "Art 30", round(still_paid, 2), 0.01, "PKR per month",
                        f"still paid {later} years after the pensionable age ({still_paid:,.0f} PKR a month)",
                        f"no pension {later} years after the pensionable age",
                        parameters=("ilo.checks.old_age.lifetime_test_years",))
    return [periodical("V", "Art 28", scheme), age_check, *_replacements(context, "V", wages, cache),
            _reduced_benefit(context, "V", wages, cache, int(ilo.reduced_qualifying_years),
                             int(ilo.ten_points_lower_years), "Art 29(2)-(3)"),
            lifetime, review_check(context, "V"),
            Check("V.means_test", "Means test (Art 67)", "Art 67", NOT_APPLICABLE,
                  "the benefit is contributory and earnings-related, not means-tested")]


def part_vi(context, scheme, wages, cache):
    return [periodical("VI", "Art 36(1)", scheme), *_replacements(context, "VI", wages, cache),
            waiting_check(context, "VI", "employment_injury", "employment_injury", "Art 38"),
            no_qualifying_check(context, "VI", "employment_injury", "Art 37"),
            not_means_tested("VI", "Art 36(1)", scheme), review_check(context, "VI"),
            to_verify("VI", "medical_care", "Medical care incl. dental care, prostheses, eyeglasses", "Art 34",
                      "the medical care of work injury"),
            to_verify("VI", "duration", "Paid for the whole contingency", "Art 38",
                      "the temporary benefit stops after ajk.social_security.employment_injury.maximum_days; the "
                      "permanent benefit must take over"),
            to_verify("VI", "lump_sums", "Lump sums only for slight incapacity", "Art 36(3)", "commutation rules"),
            to_verify("VI", "fault", "Suspension only for wilful misconduct", "Art 69(f)", "suspension grounds")]


def art_44_check(context, wages):
    parameters = context.parameters
    family = parameters.ilo.c102.family
    person = context.person
    children = person["age"] < int(family.child_age_limit)
    protected = numpy.asarray(person["ss_insured"], dtype=bool)
    household_protected = numpy.bincount(person["household"], weights=protected,
                                         minlength=context.population.n_households) > 0
    w = context.weights
    children_protected = float((w * (children & household_protected[person["household"]])).sum())
    children_all = float((w * children).sum())
    paid = float((context.calculate("ss_family_benefit").astype(numpy.float64)
                  * context.population.household["household_weight"].astype(numpy.float64)).sum())
    needed_a = float(family.aggregate_factor_protected) * wages.rw66 * children_protected
    needed_b = float(family.aggregate_factor_residents) * wages.rw66 * children_all
    ratio_a = paid / needed_a if needed_a else 0.0
    ratio_b = paid / needed_b if needed_b else 0.0
    ratio = round(max(ratio_a, ratio_b), decimals(parameters))
    details = {"family_benefits_pkr_per_month": paid, "children_of_protected_persons": children_protected,
               "children_of_all_residents": children_all, "required_a_pkr": needed_a, "required_b_pkr": needed_b,
               "ratio_a": ratio_a, "ratio_b": ratio_b, "rw66": wages.rw66}
    paid_text, ratio_text, needed_text = f"{paid:,.0f}", f"{ratio:.2f}", f"{needed_a:,.0f}"
    if is_sample(context.population):     # sample estimates: rounded to their 95 % intervals, given with them
        h, n = person["household"], context.population.n_households
        weights = context.population.household["household_weight"].astype(numpy.float64)
        benefit = numpy.asarray(context.calculate("ss_family_benefit"), dtype=numpy.float64)
        required_a = float(family.aggregate_factor_protected) * wages.rw66 * numpy.bincount(
            h, weights=children & household_protected[h], minlength=n)
        required = required_a if ratio_a >= ratio_b else \
            float(family.aggregate_factor_residents) * wages.rw66 * numpy.bincount(h, weights=children, minlength=n)
        paid_entry = interval(paid, total_half_width(benefit, weights), floor=0.0)
        ratio_entry = interval(max(ratio_a, ratio_b), ratio_half_width(benefit, required, weights), floor=0.0)
        needed_entry = interval(needed_a, total_half_width(required_a, weights), floor=0.0)
        details["intervals"] = {"family_benefits_pkr_per_month": paid_entry, "ratio": ratio_entry,
                                "required_a_pkr": needed_entry}
        paid_text, ratio_text, needed_text = text(paid_entry), text(ratio_entry), text(needed_entry)
    return at_least("VII.aggregate", "Total value of family benefits", "Art 44", ratio, 1.0,
                    "ratio to the Art 44 minimum",
                    f"family benefits {paid_text} PKR a month = {ratio_text} x the Art 44 minimum",
                    f"family benefits {paid_text} PKR a month reach only {ratio_text} x the Art 44 minimum "
                    f"(3 % of RW66 per child of protected persons: {needed_text} PKR)",
                    details=details, parameters=("ilo.c102.family.aggregate_factor_protected",
                                                 "ilo.c102.family.aggregate_factor_residents"))


def part_vii(context, scheme, wages, cache):
    parameters = context.parameters
    months = float(parameters.ajk.social_security.family.qualifying_months)
    limit = float(parameters.ilo.c102.family.max_qualifying_months)
    qualifying = Check("VII.qualifying_period", "Qualifying period", "Art 43", MEETS if months <= limit else FAILS,
                       f"qualifying period {months:g} months <= {limit:g}" if months <= limit
                       else f"qualifying period {months:g} months > {limit:g} allowed",
                       months, limit, "months", parameters=(f"{SS}.family.qualifying_months",
                                                              "ilo.c102.family.max_qualifying_months"))
    return [qualifying, art_44_check(context, wages)]


def part_viii(context, scheme, wages, cache):
    parameters = context.parameters
    care = bool(parameters.ajk.social_security.medical_care.in_force) and \
        bool(parameters.ajk.social_security.medical_care.dependants_covered)
    return [periodical("VIII", "Art 50", scheme), *_replacements(context, "VIII", wages, cache),
            duration_check(context, "VIII", "maternity", "maternity_weeks", "Art 52"),
            qualifying_check(context, "VIII", "maternity", "maternity", "Art 51"),
            not_means_tested("VIII", "Art 50", scheme),
            Check("VIII.medical_care", "Maternity medical care, also for wives", "Art 49", MEETS if care else FAILS,
                  "medical care (with dependants) is in force" if care else
                  "no medical care for protected women and wives of protected men", care, True, "bool",
                  parameters=(f"{SS}.medical_care.in_force", f"{SS}.medical_care.dependants_covered"))]


def part_ix(context, scheme, wages, cache):
    ilo = context.parameters.ilo.c102.invalidity
    return [periodical("IX", "Art 56", scheme), *_replacements(context, "IX", wages, cache),
            _reduced_benefit(context, "IX", wages, cache, int(ilo.reduced_qualifying_years),
                             int(ilo.ten_points_lower_years), "Art 57(2)-(3)"),
            review_check(context, "IX"),
            to_verify("IX", "duration", "Paid for the whole contingency or until old age", "Art 58", "duration")]


def part_x(context, scheme, wages, cache):
    ilo = context.parameters.ilo.c102.survivors
    return [periodical("X", "Art 62", scheme), *_replacements(context, "X", wages, cache),
            _reduced_benefit(context, "X", wages, cache, int(ilo.reduced_qualifying_years),
                             int(ilo.reduced_qualifying_years), "Art 63(2)-(3)"),
            review_check(context, "X"),
            to_verify("X", "childless_widow", "Childless widow's conditions", "Art 63(5)", "marriage duration rule")]


ASSESS = {"II": part_ii, "III": part_iii, "IV": part_iv, "V": part_v, "VI": part_vi, "VII": part_vii,
          "VIII": part_viii, "IX": part_ix, "X": part_x}


def assess_part(context, part, wages, cache):
    branch = BRANCHES[part]
    schemes = [s for s in load_schemes() if part in s.c102_parts]
    contributory = next((s for s in schemes if s.kind == "social_insurance"), None)
    in_force = bool(context.parameters.ajk.social_security[branch].in_force) and contributory is not None
    others = [s.name for s in schemes if s.kind != "social_insurance" and s.status == "in_force"]
    names = [s.name for s in schemes]
    if in_force:
        protected, described = protected_persons(context, part, True, ())
        dependants = part != "II" or bool(context.parameters.ajk.social_security.medical_care.dependants_covered)
        checks = [Check(f"{part}.in_force", "A benefit in force", PART_ARTICLES[part], MEETS,
                        f"{contributory.name} is in force ({SS}.{branch}.in_force)", True, True, "bool"),
                  coverage_check(context, part, protected, described, dependants),
                  *ASSESS[part](context, contributory, wages, cache)]
        return PartResult(part, TITLES[part], part_verdict(checks), checks, schemes=names)
    if not others:
        checks = [Check(f"{part}.in_force", "A benefit in force", PART_ARTICLES[part], FAILS,
                        f"no scheme in force provides {TITLES[part].lower()} (the contributory branch is off: "
                        f"{SS}.{branch}.in_force = false)", False, True, "bool")]
        return PartResult(part, TITLES[part], FAILS, checks, schemes=names)
    protected, described = protected_persons(context, part, False, others)
    checks = [Check(f"{part}.in_force", "A benefit in force", PART_ARTICLES[part], MEETS,
                    f"in force for a class of persons: {', '.join(others)} (the contributory branch is off)",
                    True, True, "bool"),
              coverage_check(context, part, protected, described),
              to_verify(part, "benefit_level", "Benefit level of the schemes in force",
                        SCHEDULE_ARTICLES.get(part, PART_ARTICLES[part]),
                        f"{', '.join(others)}: the standard-beneficiary rate is computed for the contributory "
                        "scheme only")]
    return PartResult(part, TITLES[part], part_verdict(checks), checks, schemes=names)
