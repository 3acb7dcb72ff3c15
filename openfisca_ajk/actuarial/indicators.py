"""Financial indicators of a pension projection (methods.md section 2.3), as pure functions of arrays.

Timing: contributions C_t, benefits B_t and administrative costs A_t flow evenly over year t, so
    I_t = i_t (R_{t-1} + (C_t - B_t - A_t) / 2),   R_t = R_{t-1} + C_t + I_t - B_t - A_t,
i.e. R_t = R_{t-1}(1 + i_t) + (C_t - B_t - A_t)(1 + i_t / 2). Discounting consistently,
    v_t = prod_{s<=t} 1 / (1 + i_s),  flow factor f_t = v_t (1 + i_t / 2),
    R_n v_n = R_0 + sum_t f_t (C_t - B_t - A_t),
so the general average premium over (0, n] that leaves the target reserve R*_n is
    GAP_n = [ sum_t f_t (B_t + A_t) - R_0 + v_n R*_n ] / sum_t f_t S_t.
"""

import numpy


def payg_cost_rate(benefits, administration, insurable_earnings):
    """(B_t + A_t) / S_t; NaN where there are no insurable earnings."""
    benefits, administration, earnings = (numpy.asarray(a, dtype=float) for a in (benefits, administration, insurable_earnings))
    return numpy.divide(benefits + administration, earnings, out=numpy.full(earnings.shape, numpy.nan), where=earnings > 0)


def discount_factors(interest):
    interest = numpy.asarray(interest, dtype=float)
    v = numpy.cumprod(1 / (1 + interest))
    return v, v * (1 + interest / 2)


def general_average_premium(benefits, administration, insurable_earnings, interest, n=None, initial_reserve=0.0,
                            target_reserve=0.0):
    """GAP over the first ``n`` years (all when None); ``target_reserve`` is R*_n in PKR."""
    n = len(interest) if n is None else int(n)
    v, f = discount_factors(numpy.asarray(interest, dtype=float)[:n])
    outgo = numpy.asarray(benefits, dtype=float)[:n] + numpy.asarray(administration, dtype=float)[:n]
    earnings = numpy.asarray(insurable_earnings, dtype=float)[:n]
    denominator = float((f * earnings).sum())
    if denominator <= 0:
        return float("nan")
    return float(((f * outgo).sum() - initial_reserve + v[-1] * target_reserve) / denominator)


def reserve_path(contributions, benefits, administration, interest, initial_reserve=0.0):
    """(reserve at the end of each year, investment income of each year)."""
    reserve, previous = [], float(initial_reserve)
    income = []
    for c, b, a, i in zip(contributions, benefits, administration, interest):
        net = float(c) - float(b) - float(a)
        earned = float(i) * (previous + net / 2)
        previous = previous + net + earned
        reserve.append(previous)
        income.append(earned)
    return numpy.array(reserve), numpy.array(income)


def reserve_ratio(reserve, benefits, administration, initial_reserve=0.0):
    """R_{t-1} / (B_t + A_t): years of expenditure held at the start of the year."""
    start = numpy.concatenate([[initial_reserve], numpy.asarray(reserve, dtype=float)[:-1]])
    outgo = numpy.asarray(benefits, dtype=float) + numpy.asarray(administration, dtype=float)
    return numpy.divide(start, outgo, out=numpy.full(outgo.shape, numpy.nan), where=outgo > 0)


def exhaustion_year(years, reserve):
    """First year whose end-of-year reserve is negative, or None."""
    negative = numpy.nonzero(numpy.asarray(reserve) < 0)[0]
    return int(years[negative[0]]) if len(negative) else None


def first_deficit_year(years, contributions, benefits, administration):
    """First year in which contributions no longer cover benefits and administration, or None."""
    deficit = numpy.nonzero(numpy.asarray(contributions) < numpy.asarray(benefits) + numpy.asarray(administration))[0]
    return int(years[deficit[0]]) if len(deficit) else None
