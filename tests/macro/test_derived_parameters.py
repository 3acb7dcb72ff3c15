"""Derived macro parameters agree with the series they are derived from (each check can fail)."""

import pytest

FISCAL_YEARS = [f"{year}-07-01" for year in range(2014, 2025)]


def test_price_index_is_chained_from_annual_inflation(tax_benefit_system):
    parameters = tax_benefit_system.parameters
    for start in FISCAL_YEARS:
        previous = f"{int(start[:4]) - 1}-07-01"
        rate = parameters(start).macro.cpi.annual_average_inflation
        chained = parameters(previous).macro.cpi.price_index * (1 + rate)
        assert parameters(start).macro.cpi.price_index == pytest.approx(chained, abs=0.0002), start


def test_price_index_base_year_is_100(tax_benefit_system):
    assert tax_benefit_system.parameters("2015-07-01").macro.cpi.price_index == 100


@pytest.mark.parametrize("line_start", ["2013-07-01", "2024-07-01"])
def test_poverty_line_price_index_is_the_index_of_its_survey_year(tax_benefit_system, line_start):
    macro = tax_benefit_system.parameters(line_start).macro
    assert macro.poverty_line.cbn_official_price_index == macro.cpi.price_index


@pytest.mark.parametrize("month", [f"{year}-{month:02d}-01" for year in range(2013, 2026) for month in (1, 7)
                                   if f"{year}-{month:02d}" >= "2013-07"])
def test_applicable_minimum_wage_is_ajk_while_the_ajk_act_applies_else_federal(tax_benefit_system, month):
    wage = tax_benefit_system.parameters(month).macro.minimum_wage
    expected = wage.ajk if "2016-07-01" <= month < "2017-07-01" else wage.federal
    assert wage.applicable == expected
