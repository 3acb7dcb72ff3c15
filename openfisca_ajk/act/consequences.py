"""What each clause computes: the C102 checks it answers, the standard beneficiary, the population figure.

One assessment per reform (``assess``) reuses the compliance machinery: ``compliance.build_context``
(the reformed system, a month, a synthetic population credited with a mature contribution record) and
``compliance.assess_c102``. Population figures are computed on the same month and population:

- persons: weighted count in the month (insured persons, recipients of a branch);
- a year's cost or contributions: the month's amount times ``MONTHS_PER_YEAR`` (the date tools' calendar constant), an estimate
  for a scheme at maturity, with its 95 % interval from the sampling of households (the synthetic
  population is a random draw; a small ``size`` gives a wide interval);
- in-kind benefits (medical care) are counted in persons entitled, never costed as cash;
- the general average premium of the long-term branches (old age, invalidity, survivors) over the
  actuarial valuation's longest horizon (``actuarial.valuation_grid``, central scenario, no sensitivity).

``clause_consequences(clause, assessment)`` relates a clause to its checks through the parameters it
names: a check that reads a parameter (``Check.parameters``) answers every clause naming it; the rules
of ``related_check_ids`` add the checks a parameter drives without reading it directly (a benefit
formula drives the Part's replacement rates, a contribution rate the Art 71(2) financing share...).
"""

import math
from dataclasses import dataclass, field

import numpy

from openfisca_ajk.actuarial import valuation_grid
from openfisca_ajk.compliance import FAILS, MEETS, NOT_APPLICABLE, assess_c102, build_context
from openfisca_ajk.compliance.parts import BRANCHES, TITLES
from openfisca_ajk.compliance.verdicts import TEXT
from openfisca_ajk.scheme_registry import load_schemes
from openfisca_ajk.tools.dates import MONTHS_PER_YEAR

SS = "ajk.social_security"
PART_OF = {branch: part for part, branch in BRANCHES.items()}
Z_95 = 1.96
WAGE_NODES = ("insurable_wage", "reference_wage")
ADMINISTRATION_CHECKS = {
    "appeal_days": "XIII.appeal", "appeal_decision_days": "XIII.appeal", "decision_days": "XIII.appeal",
    "claim_time_limit_months": "XIII.suspension", "actuarial_valuation_interval_years": "XIII.actuarial_valuation",
}
CONTRIBUTIONS = ("ss_employee_contribution", "ss_employer_contribution")
LONG_TERM = ("old_age", "invalidity", "survivors")
GAP = "gap"


@dataclass
class Figure:
    key: str
    label: str
    value: float
    unit: str                  # "persons", "PKR a year"
    low: float | None = None   # 95 % interval
    high: float | None = None
    variable: str = ""         # the variable computed (for a catalogue link)

    def as_dict(self):
        return {"key": self.key, "label": self.label, "value": self.value, "unit": self.unit,
                "interval_95": [self.low, self.high] if self.low is not None else None, "variable": self.variable}


@dataclass
class Assessment:
    reform: str
    date: str
    c102: object
    figures: dict
    persons: float
    records: int
    size: float
    months_per_year: int
    notes: list = field(default_factory=list)

    @property
    def checks(self):
        return self.c102.checks()

    @property
    def estimate_note(self):
        return (f"Population figures are estimates on a synthetic population of {self.records:,} persons "
                f"(size {self.size:g}) weighted to {self.persons:,.0f} residents, in {self.date} with the scheme at "
                f"maturity (every insured person credited with a full contribution record, as in the compliance "
                f"report); a year is that month times {self.months_per_year}; intervals are 95 % over the "
                "sampling of households.")


def _household_total(context, values, entity):
    """(total, low, high): the weighted total and its 95 % interval over households."""
    population = context.population
    weights = numpy.asarray(population.household["household_weight"], dtype=numpy.float64)
    if entity == "person":
        per_household = numpy.bincount(population.person_household, weights=numpy.asarray(values, dtype=numpy.float64),
                                       minlength=population.n_households)
    else:
        per_household = numpy.asarray(values, dtype=numpy.float64)
    contributions = weights * per_household
    total = float(contributions.sum())
    count = len(contributions)
    if count < 2:
        return total, None, None
    spread = float(((contributions - total / count) ** 2).sum()) * count / (count - 1)
    half = Z_95 * math.sqrt(spread)
    return total, max(total - half, 0.0), total + half


def _scheme_figures(context, months):
    figures = {}
    for scheme in load_schemes():
        if scheme.kind != "social_insurance" or not scheme.c102_parts:
            continue
        part = scheme.c102_parts[0]
        amounts = context.calculate(scheme.output).astype(numpy.float64)
        receiving = amounts > 0
        unit_label = "households" if scheme.entity == "household" else "persons"
        total, low, high = _household_total(context, receiving, scheme.entity)
        figures[f"{part}.recipients"] = Figure(
            f"{part}.recipients", f"{TITLES[part]}: {unit_label} "
            f"{'entitled (in kind)' if scheme.is_in_kind else 'receiving in the month'}",
            total, unit_label, low, high, scheme.output)
        if scheme.is_cash:
            total, low, high = _household_total(context, amounts * months, scheme.entity)
            figures[f"{part}.cost"] = Figure(f"{part}.cost", f"{TITLES[part]}: cost in a year", total, "PKR a year",
                                             low, high, scheme.output)
    return figures


def _population_figures(context):
    months = MONTHS_PER_YEAR
    figures = _scheme_figures(context, months)
    insured = numpy.asarray(context.person["ss_insured"], dtype=numpy.float64)
    total, low, high = _household_total(context, insured, "person")
    figures["insured"] = Figure("insured", "Persons insured", total, "persons", low, high, "ss_insured")
    voluntary = numpy.asarray(context.person["ss_voluntary_member"], dtype=numpy.float64)
    total, low, high = _household_total(context, voluntary, "person")
    figures["voluntary"] = Figure("voluntary", "Voluntary members", total, "persons", low, high, "ss_voluntary_member")
    for name, who in zip(CONTRIBUTIONS, ("insured persons", "employers")):
        values = context.calculate(name).astype(numpy.float64) * months
        total, low, high = _household_total(context, values, "person")
        figures[name] = Figure(name, f"Contributions of {who} in a year", total, "PKR a year", low, high, name)
    return figures


def _premium_figure(reform, size, seed):
    """The general average premium over the valuation's longest horizon (None if the valuation cannot run)."""
    try:
        # only the premium is read: no population years beside the projection
        (result,) = valuation_grid([str(reform)], sensitivities=False, size=size, seed=seed, check_years=0)
    except (ValueError, KeyError) as error:
        return None, f"No actuarial valuation: {error}"
    premiums = result["indicators"]["general_average_premium"]
    horizon = max(premiums, key=int)
    sampled = ((result.get("sampling") or {}).get("general_average_premium") or {}).get(horizon)
    return Figure(GAP, f"General average premium of the old-age, invalidity and survivors' branches over "
                       f"{horizon} years (actuarial valuation from {result['first_year']}, central scenario)",
                  float(premiums[horizon]), "share of insurable wages",
                  sampled["low"] if sampled else None, sampled["high"] if sampled else None), None


def assess(reform, date, population=None, size=0.01, seed=1, baseline=None, valuation=True):
    """The C102 result and the population figures of ``reform`` (a name or path) at ``date``."""
    context = build_context(str(reform), date, population, size, seed, baseline=baseline)
    c102 = assess_c102(context=context)
    figures = _population_figures(context)
    notes = list(context.notes)
    if valuation:
        premium, note = _premium_figure(reform, size, seed)
        if premium is not None:
            figures[GAP] = premium
        if note:
            notes.append(note)
    return Assessment(str(reform), str(context.month), c102, figures,
                      float(context.weights.sum()), int(context.population.n_persons), size,
                      MONTHS_PER_YEAR, notes)


def _branch(path):
    parts = path.split(".")
    if len(parts) < 4 or ".".join(parts[:2]) != SS:
        return None, None
    return parts[2], ".".join(parts[3:])


def related_check_ids(path, checks):
    """Ids of the checks answering a clause that names parameter ``path``, in a stable order."""
    ids = [c.id for c in checks.values()
           if any(path == p or path.startswith(p + ".") or p.startswith(path + ".") for p in c.parameters)]
    node, leaf = _branch(path)
    part = PART_OF.get(node)
    if node == "administration" and leaf in ADMINISTRATION_CHECKS:
        ids.append(ADMINISTRATION_CHECKS[leaf])
    elif node == "scope":
        ids += [c for c in checks if c.endswith(".coverage")]
    elif node in WAGE_NODES:
        ids += [c for c in checks if ".replacement" in c]
    elif node == "dependants":
        ids += [c for c in checks if c.startswith("VII.")]
    elif part and leaf == "in_force":
        ids += [f"{part}.in_force", f"{part}.coverage"]
    elif part and leaf.endswith("contribution_rate"):
        ids.append("XIII.financing")
    elif part and not ids:
        ids += [c for c in checks if c.startswith(f"{part}.") and (".replacement" in c or c.endswith(".reduced_benefit")
                                                                  or c == "VII.aggregate")]
    return [i for i in dict.fromkeys(ids) if i in checks]


def related_figure_keys(path, figures):
    node, leaf = _branch(path)
    part = PART_OF.get(node)
    if node == "scope":
        keys = ["insured", "voluntary"] if leaf == "own_account_workers_voluntary" else ["insured"]
    elif node == "insurable_wage":
        keys = list(CONTRIBUTIONS)
    elif node == "reference_wage":
        keys = [k for k in figures if k.endswith(".cost")]
    elif node == "dependants":
        keys = ["VII.recipients", "VII.cost"]
    elif part and leaf.endswith("contribution_rate"):
        keys = [CONTRIBUTIONS[0] if leaf.startswith("employee") else CONTRIBUTIONS[1]]
        if node in LONG_TERM:
            return [k for k in (*keys, GAP) if k in figures]
    elif part:
        keys = [f"{part}.recipients", f"{part}.cost"]
    else:
        keys = []
    if node in LONG_TERM or node in WAGE_NODES:
        keys.append(GAP)
    return [k for k in keys if k in figures]


@dataclass
class Beneficiary:
    part: str
    case: str
    wage: float
    benefit: float
    rate: float
    variable: str
    wage_interval: dict | None = None   # 95 % interval of the reference wage (a sample estimate)


def beneficiaries(check_ids, checks, wages=None):
    """The standard beneficiary of each replacement check: wage, benefit and rate at RW65 (``wages``: the
    ``ReferenceWages`` whose intervals the wage carries)."""
    found = []
    for check_id in check_ids:
        check = checks[check_id]
        if ".replacement" not in check_id or "definitions" not in check.details:
            continue
        definitions = check.details["definitions"]
        best = min(definitions, key=lambda name: abs(definitions[name]["lowest"] - (check.figure or 0)))
        at = definitions[best]["at_rw65"]
        variable = next((s.output for s in load_schemes() if check.id.split(".")[0] in s.c102_parts
                         and s.kind == "social_insurance"), "")
        interval = None
        if wages is not None and best in wages.rw65_values:
            interval = (wages.intervals or {}).get(wages.rw65_keys[list(wages.rw65_values).index(best)])
        found.append(Beneficiary(check_id.split(".")[0], at["case"], at["wage"], at["benefit"], at["rate"], variable,
                                 interval))
    return found


def shortfall(check):
    """'meets', 'falls short by ...', 'to verify in the text', ... in plain words."""
    if check.kind == TEXT:
        return "to verify in the text"
    if check.verdict == MEETS:
        return "meets"
    if check.verdict == NOT_APPLICABLE:
        return "not applicable"
    if check.verdict != FAILS:
        return "cannot be determined"
    figure, minimum = check.figure, check.minimum
    if isinstance(figure, bool) or isinstance(minimum, bool) or not isinstance(figure, (int, float)) \
            or not isinstance(minimum, (int, float)):
        return "falls short"
    gap = abs(float(figure) - float(minimum))
    if check.unit in ("rate", "share"):
        return f"falls short by {gap * 100:.1f} percentage points"
    if check.unit.startswith("ratio"):
        return f"falls short by {gap:.2f} of the minimum"
    return f"falls short by {gap:g} {check.unit}".rstrip()


@dataclass
class ClauseConsequence:
    check_ids: list
    beneficiaries: list
    figure_keys: list
    parameters: list

    @property
    def empty(self):
        return not (self.check_ids or self.beneficiaries or self.figure_keys)


def clause_consequences(clause, assessment):
    checks = assessment.checks
    check_ids, figure_keys = [], []
    for path in clause.parameters:
        check_ids += related_check_ids(path, checks)
        figure_keys += related_figure_keys(path, assessment.figures)
    check_ids = list(dict.fromkeys(check_ids))
    return ClauseConsequence(check_ids, beneficiaries(check_ids, checks, getattr(assessment.c102, "wages", None)),
                             list(dict.fromkeys(figure_keys)),
                             list(clause.parameters))
