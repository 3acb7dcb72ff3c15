"""Provisions common to every accepted Part: Art 71 financing, Arts 68-70 and 71(3), and Art 2's acceptance rule."""

from openfisca_ajk.compliance.design_checks import SS, decimals, to_verify
from openfisca_ajk.compliance.parts import BRANCHES
from openfisca_ajk.compliance.verdicts import FAILS, MEETS, NOT_APPLICABLE, Check, at_most

ART_71_EXCLUDED = ("family", "employment_injury")   # Art 71(2): family benefit, a separate employment-injury branch
ART_2_KEY_PARTS = ("IV", "V", "VI", "IX", "X")


def financing_check(context):
    design = context.parameters.ajk.social_security
    branches = [b for b in BRANCHES.values() if b not in ART_71_EXCLUDED and bool(design[b].in_force)]
    if not branches:
        return Check("XIII.financing", "Employees' share of contributions", "Art 71(2)", NOT_APPLICABLE,
                     "no contributory branch counted by Art 71(2) is in force")
    employee = sum(float(design[b].employee_contribution_rate) for b in branches)
    employer = sum(float(design[b].employer_contribution_rate) for b in branches)
    share = round(employee / (employee + employer), decimals(context.parameters)) if employee + employer else 0.0
    cap = float(context.parameters.ilo.c102.financing.employee_contribution_share_cap)
    return at_most("XIII.financing", "Employees' share of contributions", "Art 71(2)", share, cap, "share",
                   f"insured persons pay {share:.1%} of contributions <= {cap:.0%}",
                   f"insured persons pay {share:.1%} of contributions > {cap:.0%} allowed",
                   details={"branches": branches, "employee_rate": employee, "employer_rate": employer,
                            "excluded": list(ART_71_EXCLUDED)},
                   parameters=tuple(f"{SS}.{b}.employee_contribution_rate" for b in branches))


def common_checks(context):
    return [financing_check(context),
            to_verify("XIII", "actuarial_valuation", "Actuarial valuation before enactment and periodically",
                      "Art 71(3)", "the act must require actuarial studies before any change of benefits or rates"),
            to_verify("XIII", "appeal", "Right of appeal", "Art 70", "appeal against refusal, quality or quantity"),
            to_verify("XII", "equality", "Equality of treatment of non-nationals", "Art 68",
                      "no nationality condition on contributory benefits"),
            to_verify("XIII", "suspension", "Suspension only on Art 69 grounds", "Art 69", "every suspension rule")]


def acceptance_check(context, parts, common):
    """Art 2(a)(ii): at least 3 Parts met, one of them IV, V, VI, IX or X; common provisions not failing."""
    minimum = int(context.parameters.ilo.c102.minimum_parts_accepted)
    met = [p.part for p in parts if p.verdict == MEETS]
    key = [p for p in met if p in ART_2_KEY_PARTS]
    common_failing = [c for c in common if c.verdict == FAILS]
    ok = len(met) >= minimum and bool(key) and not common_failing
    if ok:
        why = f"{len(met)} Parts met ({', '.join(met)}), including {', '.join(key)}"
    elif common_failing:
        why = "; ".join(f"{c.why} ({c.article})" for c in common_failing)
    elif len(met) < minimum:
        why = f"only {len(met)} Part(s) met ({', '.join(met) or 'none'}) < {minimum} required"
    else:
        why = f"{len(met)} Parts met but none of Parts {', '.join(ART_2_KEY_PARTS)}"
    return Check("I.acceptance", "Parts that could be accepted", "Art 2(a)(ii)", MEETS if ok else FAILS, why,
                 len(met), minimum, "Parts", details={"parts_met": met, "key_parts_met": key},
                 parameters=("ilo.c102.minimum_parts_accepted",))
