"""The act page quotes its sample figures rounded to their 95 % intervals."""

from openfisca_ajk.act.consequences import Beneficiary, Figure
from openfisca_ajk.act.render import beneficiary_text, figure_text


def test_a_count_and_a_cost_rounded_to_their_intervals():
    households = Figure("VII.recipients", "family benefit", 227_800.0, "households", 219_877.0, 235_723.0)
    assert figure_text(households) == "228,000 households (95 % interval 220,000 to 236,000)"   # half-width 7,923: step 1,000
    cost = Figure("VII.cost", "family benefit: cost", 14.26e9, "PKR a year", 13.64e9, 14.87e9)
    assert figure_text(cost) == "Rs 14.3 bn a year (95 % interval Rs 13.6 bn to Rs 14.9 bn)"  # half-width 0.615 bn


def test_the_premium_quotes_the_valuation_s_sampling_interval():
    premium = Figure("gap", "GAP", 0.09504, "share of insurable wages", 0.09106, 0.09902)
    assert figure_text(premium).startswith("9.5 % of insurable wages (95 % interval 9.1 % to 9.9 %")
    assert figure_text(Figure("gap", "GAP", 0.09504, "share of insurable wages")) == "9.50 % of insurable wages (a projection)"


def test_the_standard_beneficiary_on_an_estimated_reference_wage():
    interval = {"low": 47_000.0, "high": 49_372.0}        # half-width 1,186: the wage is known to the thousand
    item = Beneficiary("V", "man with a wife of pensionable age", 48_186.0, 21_684.0, 0.45, "ss_old_age_pension", interval)
    # the benefit moves with the wage: half-width 21,684 x 1,186 / 48,186 = 534, so to the hundred
    assert beneficiary_text(item) == ("Part V, man with a wife of pensionable age: Rs 21,700 a month on a wage of Rs 48,000 "
                                      "(the reference wage, 95 % interval Rs 47,000 to Rs 49,000), replacement rate 45.0 %")
    exact = Beneficiary("V", "man", 48_186.0, 21_684.0, 0.45, "ss_old_age_pension")
    assert "Rs 21,684 a month on a wage of Rs 48,186" in beneficiary_text(exact)     # the full population: no rounding
