"""ABND / RAP costing projection of every registered scheme under one law (methods.md section 1.2).

The microsimulation is run, on the synthetic population of each year (as ``main`` runs it), in every year up to
the current one (their law is known), and in every year a compared reform changes the law or its contributory
scheme matures ("evaluation years"). For a projection year t, with e the latest evaluation year not after t:

    benefits_k,t = benefits_k,e x F_k,e(t) x index_k(t) / index_k(e) x c_k,t
    cost_k,t     = benefits_k,t x (1 + a_k)

F_k,e(t) = sum over sex x age of the scheme's recipients (persons; for household schemes, the
members of recipient households) in evaluation e times P(t)/P(e) of the cohort-component
projection; index_k is the price or wage index of the scheme kind's indexation rule; c_k,t the take-up
phase-in of a scheme that starts during the projection (1 otherwise); a_k the administrative
loading. In an evaluation year F = index ratio = 1, so the projection equals the microsimulation (main's figures).

A reform's rows are today's law's rows plus the reform's effect (``on_baseline``): today's law is also
evaluated in the reform's years, and each figure is baseline_t + (reform_t - baseline evaluated in the
reform's years_t). A scheme the reform leaves alone keeps today's law's row exactly.
"""

from dataclasses import dataclass, field

import numpy

from openfisca_ajk.contributory import with_contribution_record
from openfisca_ajk.denominators import share_pct
from openfisca_ajk.engine import run_population
from openfisca_ajk.population.parameters import named_children
from openfisca_ajk.precision import household_sum, is_sample, total_half_width
from openfisca_ajk.projection.mortality import MAX_AGE

BAND_WIDTH = 5
CONTRIBUTIONS = "contributions_insured_persons"
HALF = "_half_width_pkr"                   # suffix of a 95 % half-width column
HALF_WIDTH = "total_cost" + HALF
RECIPIENTS_HALF_WIDTH = "recipients_half_width"


@dataclass
class Evaluation:
    """Per-scheme aggregates of one microsimulation year (values in PKR per year, weighted)."""

    year: int
    annual_cost: dict
    recipients: dict        # average monthly recipients (unit: the scheme's entity)
    persons_covered: dict   # persons receiving (or living in a receiving household) in any month
    composition: dict       # {scheme: array [2, MAX_AGE + 1] of recipient weight by sex x age}
    contributions: float
    contributor_composition: numpy.ndarray
    #: 95 % half-widths of the sample estimates (0 when the population is not a sample): each scheme's annual
    #: cost, the cash total and the contributions
    cost_half_width: dict = field(default_factory=dict)
    cash_half_width: float = 0.0
    contributions_half_width: float = 0.0
    recipients_half_width: dict = field(default_factory=dict)


def person_cells(population):
    """Flat cell index (sex x age) of each person; transgender persons use the male cell."""
    sex = numpy.asarray(population.person["sex"], dtype=int)
    sex = numpy.where(sex >= 1, 1, 0)
    age = numpy.clip(numpy.asarray(population.person["age"], dtype=int), 0, MAX_AGE)
    return sex * (MAX_AGE + 1) + age


def evaluate(tax_benefit_system, population, year, reform_label=""):
    """Run the microsimulation for ``year`` and reduce it to an ``Evaluation``."""
    population, _ = with_contribution_record(tax_benefit_system, population, int(year))
    run = run_population(tax_benefit_system, population, int(year), reform=reform_label)
    cells = person_cells(population)
    size = 2 * (MAX_AGE + 1)
    h = population.person_household
    w_household = population.household["household_weight"].astype(numpy.float64)
    w_person = w_household[h]
    months = run.n_months
    sample = is_sample(population)
    annual, recipients, covered, composition, half, recipients_half = {}, {}, {}, {}, {}, {}
    cash = numpy.zeros(population.n_households)
    for name, result in run.schemes.items():
        share = result.months_received.astype(numpy.float64) / months
        if sample:
            household_scheme = result.scheme.entity == "household"
            per_household = (result.amount if household_scheme else household_sum(population, result.amount)) * 12 / months
            half[name] = total_half_width(per_household, w_household)
            recipients_half[name] = total_half_width(share if household_scheme else household_sum(population, share),
                                                     w_household)
            if result.scheme.is_cash:
                cash += per_household
        if result.scheme.entity == "household":
            annual[name] = float((result.amount * w_household).sum()) * 12 / months
            recipients[name] = float((share * w_household).sum())
            person_share = share[h]
        else:
            annual[name] = float((result.amount * w_person).sum()) * 12 / months
            recipients[name] = float((share * w_person).sum())
            person_share = share
        covered[name] = float(((person_share > 0) * w_person).sum())
        composition[name] = numpy.bincount(cells, weights=person_share * w_person, minlength=size).reshape(2, -1)
    contributions = float((run.contributions * w_person).sum()) * 12 / months
    contributors = numpy.bincount(cells, weights=run.contributing * w_person, minlength=size).reshape(2, -1)
    cash_half = total_half_width(cash, w_household) if sample else 0.0
    contributions_half = (total_half_width(household_sum(population, run.contributions) * 12 / months, w_household)
                          if sample else 0.0)
    return Evaluation(int(year), annual, recipients, covered, composition, contributions, contributors, half,
                      cash_half, contributions_half, recipients_half)


def _relative(half_width, value):
    """A half-width as a share of its estimate (0 when the estimate is 0)."""
    return half_width / value if value else 0.0


def demographic_factor(composition, growth):
    """Weighted mean of P(t)/P(base) over the recipients' sex x age cells (1 when there are none)."""
    total = composition.sum()
    if total <= 0:
        return 1.0
    return float((composition * growth).sum() / total)


def band_growth(persons, base, width=BAND_WIDTH):
    """P(t)/P(base) by sex and five-year age band, spread back over single ages.

    Bands rather than single ages: the base age structure is known by five-year bands only, so
    single-age ratios would jump as cohorts cross band edges.
    """
    bands = numpy.arange(MAX_AGE + 1) // width
    count = bands[-1] + 1
    growth = numpy.ones_like(base)
    for sex in range(base.shape[0]):
        now = numpy.bincount(bands, weights=persons[sex], minlength=count)
        then = numpy.bincount(bands, weights=base[sex], minlength=count)
        ratio = numpy.divide(now, then, out=numpy.ones(count), where=then > 0)
        growth[sex] = ratio[bands]
    return growth


def take_up(assumptions, start_year, year):
    if start_year is None:
        return 1.0
    if int(year) < int(start_year):     # before the scheme starts (its evaluated cost is nil then)
        return 0.0
    phase = assumptions.take_up_phase_in
    return min(1.0, phase[min(int(year) - int(start_year), len(phase) - 1)] * assumptions.take_up_multiplier)


def start_years(evaluations):
    """{scheme: first evaluation year with a positive cost, if the base evaluation had none}."""
    starts = {}
    ordered = sorted(evaluations, key=lambda e: e.year)
    for name, cost in ordered[0].annual_cost.items():
        if cost > 0:
            continue
        later = [e.year for e in ordered[1:] if e.annual_cost.get(name, 0) > 0]
        if later:
            starts[name] = later[0]
    return starts


def project_costs(tax_benefit_system, law, evaluations, schemes, assumptions, demography, employed, macro):
    """Rows (dicts) of the costing table for every scheme and year, plus a cash total per year."""
    years = assumptions.years
    parameters = tax_benefit_system.parameters(f"{int(years[0])}-01-01").projection
    loading = named_children(parameters.costing.administrative_cost_rate)
    rules = named_children(parameters.indexation.by_kind)
    starts = start_years(evaluations)
    ordered = sorted(evaluations, key=lambda e: e.year)
    employment_growth = employed.sum(axis=(1, 2)) / max(employed[0].sum(), 1e-12)
    rows = []
    for i, year in enumerate(years):
        evaluation = [e for e in ordered if e.year <= year][-1]
        k = int(evaluation.year) - int(years[0])
        # each evaluation ran on the population of its own year: the demography grows from that year
        growth = band_growth(demography.persons[i], demography.at(evaluation.year))
        cash = {"benefit_cost_pkr": 0.0, "total_cost_pkr": 0.0, "recipients": 0.0, "ajk_budget_cost_pkr": 0.0}
        for scheme in schemes:
            name = scheme.name
            rule = str(rules.get(scheme.kind, "prices"))
            index = macro.index(rule)
            factor = demographic_factor(evaluation.composition[name], growth)
            uptake = take_up(assumptions, starts.get(name), year)
            benefits = evaluation.annual_cost[name] * factor * index[i] / index[k] * uptake
            total = benefits * (1 + float(loading.get(scheme.kind, 0.0)))
            row = _row(law, assumptions.scenario, year, name, scheme, evaluation.year, rule, macro, i,
                       recipients=evaluation.recipients[name] * factor * uptake,
                       persons=evaluation.persons_covered[name] * factor * uptake, benefits=benefits, total=total)
            # the sample's 95 % half-width of the evaluated cost, carried with the projection's (unsampled) factors
            row[HALF_WIDTH] = total * _relative(evaluation.cost_half_width.get(name, 0.0), evaluation.annual_cost[name])
            row[RECIPIENTS_HALF_WIDTH] = row["recipients"] * _relative(evaluation.recipients_half_width.get(name, 0.0),
                                                                       evaluation.recipients[name])
            if not scheme.is_cash:     # in kind: never costed (the output is a value ceiling)
                row.update(benefit_cost_pkr=None, total_cost_pkr=None, pct_gdp=None, pct_total_budget=None,
                           pct_social_protection_budget=None, **{HALF_WIDTH: None})
            elif not scheme.in_ajk_budget:     # federal or the contributory fund: no share of the AJK budget
                row.update(pct_total_budget=None)
            rows.append(row)
            if scheme.is_cash:
                cash["benefit_cost_pkr"] += benefits
                cash["total_cost_pkr"] += total
                cash["ajk_budget_cost_pkr"] += total if scheme.in_ajk_budget else 0.0
        contributions = evaluation.contributions * employment_growth[i] / employment_growth[k] * macro.wage_index[i] / macro.wage_index[k]
        total_row = _total_row(law, assumptions.scenario, year, evaluation.year, cash, contributions, macro, i)
        evaluated_cash = sum(evaluation.annual_cost[entry.name] for entry in schemes if entry.is_cash)
        total_row[HALF_WIDTH] = cash["total_cost_pkr"] * _relative(evaluation.cash_half_width, evaluated_cash)
        total_row[CONTRIBUTIONS + HALF] = contributions * _relative(evaluation.contributions_half_width, evaluation.contributions)
        rows.append(total_row)
    return rows


def _shares(value, macro, i):
    social = None if macro.social_protection_budget is None else macro.social_protection_budget[i]
    return {"pct_gdp": 100 * value / macro.gdp[i], "pct_total_budget": 100 * value / macro.total_budget[i],
            "pct_social_protection_budget": share_pct(value, social)}


def _row(law, scenario, year, name, scheme, evaluated, rule, macro, i, recipients, persons, benefits, total):
    return {"law": law, "scenario": scenario, "year": int(year), "scheme": name, "kind": scheme.kind,
            "status": scheme.status, "budget": scheme.budget, "periodicity": scheme.periodicity, "recipient_unit": scheme.entity,
            "evaluated_year": int(evaluated), "indexation": rule, "recipients": recipients,
            "persons_covered": persons, "benefit_cost_pkr": benefits, "total_cost_pkr": total,
            **_shares(total, macro, i)}


def _total_row(law, scenario, year, evaluated, cash, contributions, macro, i):
    return {"law": law, "scenario": scenario, "year": int(year), "scheme": "TOTAL_CASH", "kind": "total",
            "status": "", "periodicity": "", "recipient_unit": "", "evaluated_year": int(evaluated),
            "indexation": "", "recipients": None, "persons_covered": None,    # not summable across schemes
            "benefit_cost_pkr": cash["benefit_cost_pkr"], "total_cost_pkr": cash["total_cost_pkr"],
            CONTRIBUTIONS + "_pkr": contributions, **_shares(cash["total_cost_pkr"], macro, i),
            # the AJK budget's share of the part it pays (federal schemes and the fund's benefits are not in it)
            "ajk_budget_cost_pkr": cash["ajk_budget_cost_pkr"],
            "pct_total_budget": 100 * cash["ajk_budget_cost_pkr"] / macro.total_budget[i],
            "gdp_pkr": float(macro.gdp[i]), "total_budget_pkr": float(macro.total_budget[i]),
            "social_protection_budget_pkr": None if macro.social_protection_budget is None else float(macro.social_protection_budget[i])}


ADDITIVE = ("recipients", "persons_covered", "benefit_cost_pkr", "total_cost_pkr", "ajk_budget_cost_pkr",
            CONTRIBUTIONS + "_pkr")


def on_baseline(reform_rows, baseline_same_years, baseline_rows, macro):
    """A reform's rows as today's law's rows plus the reform's effect.

    ``reform_rows`` and ``baseline_same_years`` come from evaluations of the reform and of today's law in the same
    years (the reform's); ``baseline_rows`` from today's law's own evaluations (the rows printed for it). Each
    additive figure is baseline + (reform - baseline in the same years), so a scheme the reform leaves alone has
    exactly today's law's row, and the reform's effect is never mixed with the difference between evaluating a
    year and projecting it. Shares are recomputed from the amounts.
    """
    years = list(macro.years)
    out = []
    for reform, same, base in zip(reform_rows, baseline_same_years, baseline_rows, strict=True):
        if not ((reform["year"], reform["scheme"]) == (same["year"], same["scheme"]) == (base["year"], base["scheme"])):
            raise ValueError("on_baseline: the rows of the reform and of today's law are not in the same order")
        row = dict(reform)
        for key in ADDITIVE:
            if reform.get(key) is None or same.get(key) is None or base.get(key) is None:
                continue
            row[key] = base[key] + (reform[key] - same[key])
        # half-widths: the reform's relative precision (the same sample) on the figure shown
        for key, half in ((HALF_WIDTH, "total_cost_pkr"), (CONTRIBUTIONS + HALF, CONTRIBUTIONS + "_pkr"),
                          (RECIPIENTS_HALF_WIDTH, "recipients")):
            if reform.get(key) is not None and row.get(half) is not None:
                row[key] = (row[half] * _relative(reform[key], reform[half]) if reform[half]
                            else base.get(key, 0.0))
        if row.get("total_cost_pkr") is not None:
            i = years.index(row["year"])
            shares = _shares(row["total_cost_pkr"], macro, i)
            if row["scheme"] == "TOTAL_CASH":
                shares["pct_total_budget"] = 100 * row["ajk_budget_cost_pkr"] / macro.total_budget[i]
            for key, value in shares.items():
                if reform.get(key) is not None:
                    row[key] = value
        out.append(row)
    return out

