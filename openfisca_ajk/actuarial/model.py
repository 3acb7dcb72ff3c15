"""The projection of the old-age, invalidity and survivors' branches (ILO-PENS / PROST steps).

State by sex x age x completed years of credited service k:
  actives A (insured, contributing with density d), deferred members D (insured who left insured
  employment and keep their credits), and pools of pensions in payment (number and monthly amount)
  for old age, invalidity and survivors. Each year t:
  1. members at or above the pensionable age retire: pension accrual x k x reference wage if k reaches
     the qualifying (or reduced) period, at least the minimum; otherwise a grant for short careers;
  2. the insured stock moves to its target, population x insured rate x compliance: entrants at k = 0 (in
     the first year of a scheme started earlier, at the service its record already holds), or the excess
     becomes deferred. Insured persons past the pensionable age (P) keep paying contributions,
     as the law sets no upper age to insurance, but accrue nothing more (their benefit was settled at that age);
  3. insurable earnings S = sum (A + P) x d x insurable wage x 12; contributions = rate x S; admin = a x S;
  4. benefits B = 12 x pensions in payment (new awards included) + grants; reserve recursion;
  5. end of year: deaths (survivors' pensions to spouses), invalidity, a year of service with
     probability d, ageing, and indexation of pensions in payment for the next year.
"""

from dataclasses import dataclass

import numpy

from openfisca_ajk.actuarial.indicators import exhaustion_year, first_deficit_year, payg_cost_rate, reserve_ratio
from openfisca_ajk.projection.mortality import MAX_AGE

MAX_SERVICE = 60
MONTHS = 12
FIELDS = ("population", "insured", "contributors", "deferred", "insurable_earnings", "contribution_rate", "contributions",
          "administration", "old_age_pensioners", "new_old_age_pensions", "old_age_benefits", "invalidity_pensioners",
          "invalidity_benefits", "survivors_pensioners", "survivors_benefits", "grants", "grant_recipients", "benefits",
          "investment_income", "reserve", "average_insurable_wage", "average_new_pension", "replacement_rate_new")


@dataclass
class ValuationResult:
    years: numpy.ndarray
    series: dict        # {field: array by year}
    indicators: dict

    def table(self):
        return [{"year": int(y), **{k: float(v[i]) for k, v in self.series.items()}} for i, y in enumerate(self.years)]


def _index_growth(inputs, i, rule):
    if i + 1 >= len(inputs.years):
        return 1.0
    if rule == "prices":
        return inputs.price_index[i + 1] / inputs.price_index[i]
    if rule == "wages":
        return inputs.wage_index[i + 1] / inputs.wage_index[i]
    return 1.0


def _shift_ages(array):
    """Everyone one year older; the open age group keeps its members."""
    shifted = numpy.zeros_like(array)
    shifted[:, 1:] = array[:, :-1]
    shifted[:, MAX_AGE] += array[:, MAX_AGE]
    return shifted


def _spouse_cells(count, amount, gap):
    """Move (count, amount) of deceased [sex, age] to their surviving spouses' [sex, age]."""
    spouse_count, spouse_amount = numpy.zeros_like(count), numpy.zeros_like(amount)
    ages = numpy.arange(MAX_AGE + 1)
    for deceased, spouse, offset in ((1, 0, -gap), (0, 1, gap)):
        target = numpy.clip(ages + offset, 0, MAX_AGE)
        numpy.add.at(spouse_count[spouse], target, count[deceased])
        numpy.add.at(spouse_amount[spouse], target, amount[deceased])
    return spouse_count, spouse_amount


def project(inputs):
    """Run the projection; returns a ``ValuationResult`` (series by year, no indicators yet beyond the basic ones)."""
    design = inputs.design
    n = len(inputs.years)
    k = numpy.arange(MAX_SERVICE + 1, dtype=float)
    shape = (2, MAX_AGE + 1, MAX_SERVICE + 1)
    active, deferred = numpy.zeros(shape), numpy.zeros(shape)
    pools = {name: [numpy.zeros((2, MAX_AGE + 1)), numpy.zeros((2, MAX_AGE + 1))] for name in ("old", "invalidity", "survivors")}
    out = {name: numpy.zeros(n) for name in FIELDS}
    reserve = float(inputs.initial_reserve)
    ages = numpy.arange(MAX_AGE + 1)
    for i in range(n):
        wage = inputs.insurable_wage * inputs.wage_index[i]
        minimum_wage = design.minimum_wage[0] * inputs.wage_index[i]
        minimum = max(design.minimum_pension[i], design.minimum_share_of_minimum_wage[i] * minimum_wage)
        retire_age = numpy.asarray(design.pensionable_age[i], dtype=int)
        grants = grant_recipients = new_count = new_amount = new_reference = 0.0
        # 1. retirement of actives and deferred members
        for sex in (0, 1):
            for age in range(retire_age[sex], MAX_AGE + 1):
                members = active[sex, age] + deferred[sex, age]
                if members.sum() <= 0:
                    continue
                reference = wage[sex, max(age - 1, 0)]
                formula = design.accrual[i] * k * reference
                full = k >= design.qualifying_years[i]
                reduced = (k >= design.reduced_years[i]) & ~full
                floor = numpy.where(full | (reduced & design.reduced_gets_minimum[i]), minimum, 0.0)
                amount = numpy.where(full | reduced, numpy.maximum(formula, floor), 0.0) * bool(design.in_force[i])
                pensioners = members * (amount > 0)
                short = (k >= design.grant_minimum_years[i]) & (k > 0) & ~(full | reduced)
                grant = short * design.grant_months_per_year[i] * k * reference * bool(design.in_force[i])
                pools["old"][0][sex, age] += pensioners.sum()
                pools["old"][1][sex, age] += (pensioners * amount).sum()
                grants += float((members * grant).sum())
                grant_recipients += float((members * (grant > 0)).sum())
                new_count += float(pensioners.sum())
                new_amount += float((pensioners * amount).sum())
                new_reference += float(pensioners.sum() * reference)
                active[sex, age], deferred[sex, age] = 0.0, 0.0
        # 2. insured stock towards its target
        target = inputs.population[i] * inputs.insured_rate * inputs.compliance[i]
        past_age = ages[None, :] >= retire_age[:, None]
        working_past_age = numpy.where(past_age, target, 0.0)     # insured, paying, accruing nothing
        target[past_age] = 0.0
        current = active.sum(axis=2)
        # entrants start with no service, but in the first year of a scheme already running (its record so far)
        entry = min(int(inputs.initial_service_years), MAX_SERVICE) if i == 0 else 0
        active[:, :, entry] += numpy.maximum(target - current, 0.0)
        leaving = numpy.divide(numpy.maximum(current - target, 0.0), current, out=numpy.zeros_like(current), where=current > 0)
        deferred += active * leaving[:, :, None]
        active *= (1 - leaving)[:, :, None]
        # 3. contributions and administration
        insured = active.sum(axis=2) + working_past_age
        earnings = float((insured * inputs.density * wage).sum()) * MONTHS
        rate = design.contribution_rate[i] if inputs.contribution_rate_override is None else inputs.contribution_rate_override
        contributions = rate * earnings
        administration = inputs.administrative_cost_rate * earnings
        # 4. benefits and reserve
        old_b, inv_b, sur_b = (float(pools[p][1].sum()) * MONTHS for p in ("old", "invalidity", "survivors"))
        benefits = old_b + inv_b + sur_b + grants
        net = contributions - benefits - administration
        income = inputs.interest[i] * (reserve + net / 2)
        reserve += net + income
        for name, value in (("population", inputs.population[i].sum()), ("insured", insured.sum()),
                            ("contributors", insured.sum() * inputs.density), ("deferred", deferred.sum()),
                            ("insurable_earnings", earnings), ("contribution_rate", rate), ("contributions", contributions),
                            ("administration", administration), ("old_age_pensioners", pools["old"][0].sum()),
                            ("new_old_age_pensions", new_count), ("old_age_benefits", old_b),
                            ("invalidity_pensioners", pools["invalidity"][0].sum()), ("invalidity_benefits", inv_b),
                            ("survivors_pensioners", pools["survivors"][0].sum()), ("survivors_benefits", sur_b),
                            ("grants", grants), ("grant_recipients", grant_recipients), ("benefits", benefits),
                            ("investment_income", income), ("reserve", reserve),
                            ("average_insurable_wage", earnings / MONTHS / max(insured.sum() * inputs.density, 1e-12)),
                            ("average_new_pension", new_amount / new_count if new_count else numpy.nan),
                            ("replacement_rate_new", new_amount / new_reference if new_reference else numpy.nan)):
            out[name][i] = value
        # 5. end of year: deaths, invalidity, service, ageing, indexation
        q = inputs.death_probability[i]
        dead = active * q[:, :, None]
        base = design.survivors_base_rate[i] + design.survivors_accrual[i] * k
        qualifies = (k >= design.survivors_qualifying_years[i]) * bool(design.survivors_in_force[i])
        dead_count = (dead * qualifies).sum(axis=2) * inputs.spouse_probability[:, None]
        dead_amount = (dead * qualifies * base).sum(axis=2) * inputs.spouse_probability[:, None] * wage * design.survivors_widow_share[i]
        active -= dead
        deferred *= (1 - q)[:, :, None]
        disabled = active * inputs.disability_incidence[None, :, None]
        eligible = (k >= design.invalidity_qualifying_years[i]) * bool(design.invalidity_in_force[i])
        invalidity_rate = design.invalidity_base_rate[i] + design.invalidity_accrual[i] * k
        inv_count = (disabled * eligible).sum(axis=2)
        inv_amount = numpy.maximum((disabled * eligible * invalidity_rate).sum(axis=2) * wage, inv_count * design.invalidity_minimum[i])
        active -= disabled
        credited = active * inputs.density
        active = active - credited
        active[:, :, 1:] += credited[:, :, :-1]
        active[:, :, -1] += credited[:, :, -1]
        survivor_share = design.survivors_widow_share[i] * bool(design.survivors_in_force[i])
        for name in ("old", "invalidity", "survivors"):
            count, amount = pools[name]
            died_count, died_amount = count * q, amount * q
            if name != "survivors":
                spouse_count, spouse_amount = _spouse_cells(died_count * inputs.spouse_probability[:, None],
                                                            died_amount * inputs.spouse_probability[:, None] * survivor_share,
                                                            inputs.spouse_age_gap)
                pools["survivors"][0] += spouse_count * (survivor_share > 0)
                pools["survivors"][1] += spouse_amount
            pools[name] = [count - died_count, amount - died_amount]
        spouse_count, spouse_amount = _spouse_cells(dead_count, dead_amount, inputs.spouse_age_gap)
        pools["survivors"][0] += spouse_count
        pools["survivors"][1] += spouse_amount
        pools["invalidity"][0] += inv_count
        pools["invalidity"][1] += inv_amount
        growth = _index_growth(inputs, i, design.indexation[i])
        for name in pools:
            pools[name] = [_shift_ages(pools[name][0]), _shift_ages(pools[name][1]) * growth]
        active = numpy.stack([_shift_ages(active[:, :, j]) for j in range(MAX_SERVICE + 1)], axis=2)
        deferred = numpy.stack([_shift_ages(deferred[:, :, j]) for j in range(MAX_SERVICE + 1)], axis=2)
    out["payg_cost_rate"] = payg_cost_rate(out["benefits"], out["administration"], out["insurable_earnings"])
    out["reserve_ratio"] = reserve_ratio(out["reserve"], out["benefits"], out["administration"], inputs.initial_reserve)
    pensioners = out["old_age_pensioners"] + out["invalidity_pensioners"] + out["survivors_pensioners"]
    out["system_dependency_ratio"] = numpy.divide(pensioners, out["contributors"], out=numpy.full(n, numpy.nan),
                                                  where=out["contributors"] > 0)
    indicators = {"reserve_exhausted_in": exhaustion_year(inputs.years, out["reserve"]),
                  "first_deficit_year": first_deficit_year(inputs.years, out["contributions"], out["benefits"], out["administration"])}
    return ValuationResult(years=inputs.years, series=out, indicators=indicators)
