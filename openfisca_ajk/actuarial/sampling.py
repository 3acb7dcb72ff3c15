"""Sampling precision of a valuation: 95 % intervals of its indicators by the delete-a-group jackknife.

The valuation takes one thing from the population sample: the insured rate and average insurable wage by sex
and age band in its first year (``inputs.insured_base``). Each jackknife replicate rebuilds that base with the
replicate's household weights and projects the scheme again (the demography, the assumptions and the design
are not sampled); the spread of the replicates' indicators gives the intervals. Assumption risk (wages,
interest, mortality, registration, density) is the sensitivity runs' business, not this.
"""

import dataclasses

import numpy

from openfisca_ajk.actuarial.inputs import base_from_cells, insured_cells
from openfisca_ajk.actuarial.model import project
from openfisca_ajk.precision import T95_29, interval, is_sample, jackknife_from_replicates, replicate_weights

YEARS = ("reserve_exhausted_in", "first_deficit_year")
#: the projection's series whose yearly half-widths are kept (the report's tables round to them)
SERIES = ("population", "insured", "contributors", "deferred", "old_age_pensioners", "invalidity_pensioners",
          "survivors_pensioners", "system_dependency_ratio", "insurable_earnings", "contributions", "benefits",
          "old_age_benefits",
          "invalidity_benefits", "survivors_benefits", "grants", "administration", "investment_income", "reserve",
          "payg_cost_rate", "reserve_ratio", "replacement_rate_new")


def _series_half_widths(central, replicates):
    """{series: [95 % half-width a year]} (NaN where a year has no value)."""
    out = {}
    for key in SERIES:
        if key not in central:
            continue
        theta = numpy.asarray(central[key], dtype=float)
        values = numpy.asarray([r[key] for r in replicates], dtype=float)
        groups = len(replicates)     # JACKKNIFE_GROUPS: the t quantile of precision.jackknife_from_replicates
        spread = numpy.sqrt((groups - 1) / groups * numpy.nansum((values - theta) ** 2, axis=0))
        out[key] = numpy.where(numpy.isnan(theta), numpy.nan, T95_29 * spread).tolist()
    return out


def _year_interval(value, replicates):
    """A year (or None: not within the horizon) with its 95 % interval in whole years; the high end is None
    ("after the horizon") when a replicate does not reach it."""
    if value is None or any(r is None for r in replicates):
        found = [r for r in replicates if r is not None]
        low = min(found + ([value] if value is not None else [])) if found or value is not None else None
        return {"estimate": value, "low": low, "high": None, "open": True}
    half = jackknife_from_replicates(float(value), numpy.asarray(replicates, dtype=float))
    return {"estimate": int(value), "low": int(numpy.floor(value - half)), "high": int(numpy.ceil(value + half)),
            "half_width": half, "open": False}


def sampling_intervals(tax_benefit_system, population, first, inputs, indicators, series, indicators_of):
    """{"households_in_sample", "general_average_premium": {years: interval}, "payg_cost_rate_last_year",
    "reserve_exhausted_in", "first_deficit_year", "series_half_width": {series: [a year]}} of one valuation run;
    {} when the population is not a sample."""
    if not is_sample(population):
        return {}
    cells = insured_cells(tax_benefit_system, population, first)
    gaps, payg, years = {p: [] for p in indicators["general_average_premium"]}, [], {k: [] for k in YEARS}
    replicate_series = []
    for household_weights in replicate_weights(population.household["household_weight"]):
        rate, wage = base_from_cells(cells, household_weights[population.person_household])
        replicate_inputs = dataclasses.replace(inputs, insured_rate=rate, insurable_wage=wage)
        result = project(replicate_inputs)
        found = indicators_of(replicate_inputs, result)
        for period in gaps:
            gaps[period].append(found["general_average_premium"].get(period, numpy.nan))
        payg.append(float(result.series["payg_cost_rate"][-1]))
        replicate_series.append({key: result.series[key] for key in SERIES if key in result.series})
        for key in YEARS:
            years[key].append(found[key])
    out = {"households_in_sample": int(population.n_households),
           "general_average_premium": {p: interval(float(v), jackknife_from_replicates(float(v), gaps[p]), floor=0.0)
                                       for p, v in indicators["general_average_premium"].items()},
           "payg_cost_rate_last_year": interval(float(series["payg_cost_rate"][-1]),
                                                jackknife_from_replicates(float(series["payg_cost_rate"][-1]), payg),
                                                floor=0.0)}
    out.update({key: _year_interval(indicators[key], years[key]) for key in YEARS})
    out["series_half_width"] = _series_half_widths(series, replicate_series)
    return out
