"""The valuation's sampling precision: jackknife intervals of its indicators, by hand and end to end."""

import dataclasses
import math

import numpy
import pytest

from openfisca_ajk.actuarial import value_system, write_report
from openfisca_ajk.actuarial.sampling import _series_half_widths, _year_interval, sampling_intervals
from openfisca_ajk.actuarial.valuation import ValuationTask, indicators_of, valuation_task
from openfisca_ajk.precision import T95_29

from .conftest import START


def test_series_half_width_by_hand():
    # 30 replicates: one moves the series by 0.3 in year 1 and 0.6 in year 2, the rest agree with the estimate
    central = {"insured": [10.0, 20.0]}
    replicates = [{"insured": [10.3, 20.6]}] + [{"insured": [10.0, 20.0]}] * 29
    half = _series_half_widths(central, replicates)["insured"]
    assert half[0] == pytest.approx(T95_29 * math.sqrt(29 / 30 * 0.3 ** 2))
    assert half[1] == pytest.approx(2 * half[0])


def test_a_year_some_replicates_never_reach_is_open_ended():
    entry = _year_interval(2077, [2076, 2077, None] + [2077] * 27)
    assert entry == {"estimate": 2077, "low": 2076, "high": None, "open": True}
    closed = _year_interval(2077, [2077] * 30)
    assert (closed["low"], closed["high"], closed["open"]) == (2077, 2077, False)


def test_the_indicators_carry_intervals_from_the_sample(draft, population):
    inputs, result, indicators = value_system(draft, population, START, 75)
    sampling = sampling_intervals(draft, population, START, inputs, indicators, result.series, indicators_of)
    gap = sampling["general_average_premium"]["75"]
    assert gap["estimate"] == indicators["general_average_premium"]["75"]
    assert 0 < gap["half_width"] < 0.5 * gap["estimate"] and gap["low"] < gap["estimate"] < gap["high"]
    insured = numpy.asarray(sampling["series_half_width"]["insured"])
    assert (insured > 0).all()                                   # the insured base comes from the sample
    assert sampling["series_half_width"]["population"][0] == 0   # the demography does not


def test_a_population_that_is_not_a_sample_has_no_interval(draft, population):
    weights = numpy.ones_like(population.household["household_weight"])
    whole = dataclasses.replace(population, household={**population.household, "household_weight": weights})
    inputs, result, indicators = value_system(draft, whole, START, 30)
    assert sampling_intervals(draft, whole, START, inputs, indicators, result.series, indicators_of) == {}


def test_the_report_quotes_the_intervals(tmp_path):
    result = valuation_task(ValuationTask("draft_social_security_act", 75, size=0.002, check_years=0))
    write_report([result], tmp_path)
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    summary = report.split("\n\n")[1]
    assert "general average premium) is " in summary and "(95 % interval " in summary
    indicators = report.split("## 1. Indicators")[1].split("## 2.")[0]
    row = next(line for line in indicators.splitlines() if line.startswith("| Draft"))
    assert row.count(" +- ") == 5 and "Sampling precision" in indicators       # the five general average premiums
