"""Checks shared by several Parts: replacement rate, qualifying period, waiting days, duration, review.

Each function reads the design parameters (``ajk.social_security.<branch>``) and the ILO minimum
(``ilo.c102``, ``ilo.checks``), computes the figure and returns a ``Check`` whose ``why`` says, in
plain words, why it meets or fails ("waiting period 7 days > 3 allowed").
"""

from openfisca_ajk.compliance.beneficiary import earnings_grid, replacement
from openfisca_ajk.compliance.verdicts import FAILS, MEETS, TEXT, Check, at_least, at_most
from openfisca_ajk.tools.dates import DAYS_PER_WEEK

SS = "ajk.social_security"
INDEXED = ("prices", "wages")


def decimals(parameters):
    return int(parameters.ilo.checks.comparison_decimals)


def replacement_check(context, check_id, case, years, wages, minimum, label, article, cache):
    """Art 65: (benefit + FA) / (wage + FA) >= minimum at RW65 (each definition), and at every wage from RW66
    up to RW65 where the design has a ceiling (Art 65(3)). Meets if one RW65 definition passes throughout."""
    parameters = context.parameters
    places = decimals(parameters)
    ceiling = bool(parameters.ajk.social_security.insurable_wage.ceiling_applies)
    points = int(parameters.ilo.checks.reference_wage.earnings_grid_points)
    by_definition = {}
    for name, rw65 in wages.rw65_values.items():
        grid = earnings_grid(min(wages.rw66, rw65), rw65, points) if ceiling else [rw65]
        rates = {}
        for wage in grid:
            key = (case.name, round(wage, 2), years)
            if key not in cache:
                cache[key] = replacement(context.system, case, context.month, wage, years)
            rates[round(wage, 2)] = round(cache[key].rate, places)
        by_definition[name] = {"rw65": rw65, "rates_by_wage": rates, "lowest": min(rates.values()),
                               "at_rw65": cache[(case.name, round(grid[-1], 2), years)].as_dict()}
    best = max(by_definition, key=lambda name: by_definition[name]["lowest"])
    figure = by_definition[best]["lowest"]
    where = " for every wage from RW66 to RW65 (a ceiling applies, Art 65(3))" if ceiling else " at RW65"
    details = {"definitions": by_definition, "years_of_contribution": years}
    why_pass = f"replacement {figure:.1%} >= {minimum:.0%}{where} ({best})"
    why_fail = f"replacement {figure:.1%} < {minimum:.0%} required{where}"
    return at_least(check_id, label, article, figure, minimum, "rate", why_pass, why_fail, details=details)


def qualifying_check(context, part, branch, threshold_name, article):
    parameters = context.parameters
    months = float(parameters.ajk.social_security[branch].qualifying_months)
    limit = float(parameters.ilo.checks.qualifying_period[threshold_name])
    return at_most(f"{part}.qualifying_period", "Qualifying period", article, months, limit, "months",
                   f"qualifying period {months:g} months <= {limit:g} (abuse-prevention threshold)",
                   f"qualifying period {months:g} months > {limit:g} allowed (abuse-prevention threshold)",
                   parameters=(f"{SS}.{branch}.qualifying_months", f"ilo.checks.qualifying_period.{threshold_name}"))


def waiting_check(context, part, branch, maximum_name, article):
    parameters = context.parameters
    days = float(parameters.ajk.social_security[branch].waiting_days)
    limit = float(parameters.ilo.c102.max_waiting_days[maximum_name])
    return at_most(f"{part}.waiting_days", "Waiting period", article, days, limit, "days",
                   f"waiting period {days:g} days <= {limit:g} allowed",
                   f"waiting period {days:g} days > {limit:g} allowed",
                   parameters=(f"{SS}.{branch}.waiting_days", f"ilo.c102.max_waiting_days.{maximum_name}"))


def duration_check(context, part, branch, weeks_name, article):
    parameters = context.parameters
    days = float(parameters.ajk.social_security[branch].maximum_days)
    weeks = float(parameters.ilo.c102.min_duration[weeks_name])
    minimum = weeks * DAYS_PER_WEEK
    return at_least(f"{part}.duration", "Duration of the benefit", article, days, minimum, "days",
                    f"paid for up to {days:g} days >= {minimum:g} ({weeks:g} weeks)",
                    f"paid for only {days:g} days < {minimum:g} ({weeks:g} weeks) required",
                    parameters=(f"{SS}.{branch}.maximum_days", f"ilo.c102.min_duration.{weeks_name}"))


def no_qualifying_check(context, part, branch, article):
    months = float(context.parameters.ajk.social_security[branch].qualifying_months)
    return at_most(f"{part}.qualifying_period", "No qualifying period", article, months, 0, "months",
                   "no qualifying period", f"qualifying period of {months:g} months where none is allowed",
                   parameters=(f"{SS}.{branch}.qualifying_months",))


def review_check(context, part):
    basis = str(context.parameters.ajk.social_security.old_age.indexation_basis)
    ok = basis in INDEXED
    why = (f"pensions in payment are reviewed on {basis}" if ok
           else f"pensions in payment are not reviewed (indexation basis '{basis}')")
    return Check(f"{part}.review", "Review of pensions in payment", "Art 65(10) / 66(8)", MEETS if ok else FAILS,
                 why, basis, " or ".join(INDEXED), "text", parameters=(f"{SS}.old_age.indexation_basis",))


def not_means_tested(part, article, scheme):
    return Check(f"{part}.no_means_test", "Not means-tested", article, MEETS,
                 f"{scheme.name} is {scheme.kind.replace('_', ' ')}: earnings-related, no means test",
                 scheme.kind, "no means test", "text")


def periodical(part, article, scheme):
    ok = scheme.periodicity in ("monthly", "quarterly")
    return Check(f"{part}.periodical", "Periodical payment", article, MEETS if ok else FAILS,
                 f"{scheme.name} is paid {scheme.periodicity}" if ok else
                 f"{scheme.name} is paid {scheme.periodicity}, not as a periodical payment",
                 scheme.periodicity, "monthly or quarterly", "text")


def to_verify(part, key, label, article, what):
    return Check(f"{part}.{key}", label, article, "cannot_determine", f"to verify in the text of the law: {what}",
                 kind=TEXT)
