"""Replacement rates of C102's standard beneficiaries, computed by the rules at any wage and career.

Reuses ``openfisca_ajk.standard_beneficiary`` (its cases and household builder) so the compliance
report and ``openfisca-ajk standard-beneficiary`` measure the same thing:

    replacement = (benefit + family allowances in the contingency) / (wage + family allowances at work)   (Art 65(1))
"""

from dataclasses import asdict, dataclass, replace

from openfisca_core.simulations import SimulationBuilder

from openfisca_ajk.standard_beneficiary import CASES, WORKING_TWIN, build_situation
from openfisca_ajk.tools.dates import MONTHS_PER_YEAR


@dataclass
class Replacement:
    part: str
    case: str
    wage: float
    contribution_years: int
    benefit: float
    family_allowance_in_contingency: float
    family_allowance_at_work: float
    rate: float

    def as_dict(self):
        return asdict(self)


def cases_of(part):
    return [case for case in CASES if case.part == part]


def _total(system, situation, variable, month):
    simulation = SimulationBuilder().build_from_entities(system, situation)
    return float(simulation.calculate(variable, month).astype("float64").sum())


def replacement(system, case, month, wage, years, years_after_pensionable_age=0):
    """The standard beneficiary of ``case`` earning ``wage`` with ``years`` of contribution."""
    parameters = system.parameters(month.start)
    minimum_wage = float(parameters.macro.minimum_wage.applicable)
    pensionable = parameters.ajk.social_security.old_age.pensionable_age
    ages = (int(pensionable.male) + years_after_pensionable_age, int(pensionable.female) + years_after_pensionable_age)
    months = int(years) * MONTHS_PER_YEAR
    days = int(parameters.ajk.social_security.calendar.days_per_month)
    working = replace(case, contingency=WORKING_TWIN.get(case.family, "working"))
    at_work = build_situation(working, month, wage, minimum_wage, months, ages, days)
    in_contingency = build_situation(case, month, wage, minimum_wage, months, ages, days)
    allowance_at_work = _total(system, at_work, "ss_family_benefit", month)
    allowance = _total(system, in_contingency, "ss_family_benefit", month)
    benefit = _total(system, in_contingency, case.benefit, month)
    rate = (benefit + allowance) / (wage + allowance_at_work) if wage + allowance_at_work > 0 else 0.0
    return Replacement(case.part, case.name, float(wage), int(years), benefit, allowance, allowance_at_work, rate)


def earnings_grid(low, high, points):
    """``points`` wages evenly spaced from ``low`` to ``high`` (both included; ``high`` alone if points < 2)."""
    if points < 2 or high <= low:
        return [float(high)]
    step = (high - low) / (points - 1)
    return [float(low + step * index) for index in range(points)]


def career_years(parameters, case):
    node = parameters.ilo.c102
    for key in case.career.split("."):
        node = node[key]
    return int(node)
