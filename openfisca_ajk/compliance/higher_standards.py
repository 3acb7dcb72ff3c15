"""Higher standards reported beside C102: C121 (VI), C128 (V, IX, X), C130 (III), C168 (IV), C183 (VIII).

Each is measured with the same standard beneficiaries and reference wages as C102; they never change
a C102 verdict.
"""

from openfisca_ajk.compliance.beneficiary import career_years, cases_of
from openfisca_ajk.compliance.design_checks import SS, replacement_check
from openfisca_ajk.compliance.verdicts import at_least, at_most
from openfisca_ajk.tools.dates import DAYS_PER_WEEK

RATES = {  # part: [(instrument, schedule case, parameter leaf of ilo.<instrument>)]
    "III": [("C130", "sickness", "sickness_rate")],
    "IV": [("C168", "unemployment", "unemployment_rate")],
    "V": [("C128", "old_age", "old_age_rate")],
    "VI": [("C121", "employment_injury_incapacity", "incapacity_rate"),
           ("C121", "employment_injury_invalidity", "total_loss_rate"),
           ("C121", "employment_injury_survivors", "survivors_rate")],
    "VIII": [("C183", "maternity", "cash_benefit_rate")],
    "IX": [("C128", "invalidity", "invalidity_rate")],
    "X": [("C128", "survivors", "survivors_rate")],
}


def _rate_checks(context, part, wages, cache):
    parameters = context.parameters
    checks = []
    for instrument, schedule, leaf in RATES.get(part, ()):
        case = next(c for c in cases_of(part) if c.schedule == schedule)
        node = parameters.ilo[instrument.lower()]
        minimum = float(node[leaf])
        article = getattr(getattr(context.system.parameters.ilo, instrument.lower()), leaf).metadata.get("article", "")
        checks.append(replacement_check(context, f"{instrument}.{part}.{schedule}", case,
                                        career_years(parameters, case), wages, minimum,
                                        f"{instrument}: replacement rate, {case.name}",
                                        f"{instrument} {article or 'Schedule'}".strip(), cache))
    return checks


def higher_standards(context, part, wages, cache):
    """Checks of the higher-standard Conventions for ``part`` (empty when the branch is not in force)."""
    parameters = context.parameters
    design = parameters.ajk.social_security
    checks = _rate_checks(context, part, wages, cache)
    if part == "III":
        c130 = parameters.ilo.c130
        days = float(design.sickness.waiting_days)
        checks.append(at_most("C130.III.waiting_days", "C130: waiting period", "C130 Art 26", days,
                              float(c130.sickness_max_waiting_days), "days", f"{days:g} days",
                              f"waiting period {days:g} days > {float(c130.sickness_max_waiting_days):g} allowed",
                              parameters=(f"{SS}.sickness.waiting_days",)))
        weeks = float(c130.sickness_min_duration_weeks)
        paid = float(design.sickness.maximum_days)
        checks.append(at_least("C130.III.duration", "C130: duration", "C130 Art 26", paid, weeks * DAYS_PER_WEEK,
                               "days", f"{paid:g} days", f"paid {paid:g} days < {weeks:g} weeks required"))
    if part == "IV":
        c168 = parameters.ilo.c168
        days = float(design.unemployment.waiting_days)
        checks.append(at_most("C168.IV.waiting_days", "C168: waiting period", "C168 Art 18", days,
                              float(c168.max_waiting_days), "days", f"{days:g} days",
                              f"waiting period {days:g} days > {float(c168.max_waiting_days):g} allowed"))
        paid, weeks = float(design.unemployment.maximum_days), float(c168.min_duration_weeks)
        checks.append(at_least("C168.IV.duration", "C168: duration", "C168 Art 19", paid, weeks * DAYS_PER_WEEK,
                               "days", f"{paid:g} days", f"paid {paid:g} days < {weeks:g} weeks required"))
        share = context.share(context.person["ss_insured"] & context.person["employee"], context.person["employee"])
        share = round(share, 4)
        minimum = float(c168.employees_coverage_share)
        checks.append(at_least("C168.IV.coverage", "C168: employees protected (public employees included)",
                               "C168 Art 10", share, minimum, "share", f"{share:.1%} of all employees",
                               f"{share:.1%} of all employees < {minimum:.0%}"))
    if part == "V":
        c128 = parameters.ilo.c128
        oldest = max(float(design.old_age.pensionable_age[s]) for s in ("male", "female", "transgender"))
        checks.append(at_most("C128.V.pensionable_age", "C128: pensionable age", "C128 Art 15", oldest,
                              float(c128.max_pensionable_age), "years", f"{oldest:g}",
                              f"pensionable age {oldest:g} > {float(c128.max_pensionable_age):g}"))
    if part == "VIII":
        c183 = parameters.ilo.c183
        paid, weeks = float(design.maternity.maximum_days), float(c183.leave_weeks)
        checks.append(at_least("C183.VIII.duration", "C183: maternity benefit duration", "C183 Art 4(1)", paid,
                               weeks * DAYS_PER_WEEK, "days", f"{paid:g} days",
                               f"paid {paid:g} days < {weeks:g} weeks"))
    return checks
