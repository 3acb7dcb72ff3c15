"""Helpers of the AJK public-service variables: event dates and pension increases.

Pure functions on numpy arrays (no Variable here, no side effect at import).
"""

import numpy

from openfisca_ajk.tools.dates import civil_from_days


def _days(dates):
    return numpy.asarray(dates).astype("datetime64[D]")


def completed_years_between(start_dates, end_dates):
    """Whole years completed from each start date to the matching end date (e.g. age at retirement)."""
    start_year, start_month, start_day = civil_from_days(_days(start_dates).astype(numpy.int64))
    end_year, end_month, end_day = civil_from_days(_days(end_dates).astype(numpy.int64))
    before_anniversary = (start_month > end_month) | ((start_month == end_month) & (start_day > end_day))
    return (end_year - start_year - before_anniversary).astype(numpy.int32)


def happened_before(dates, instant):
    """True where the date is strictly before the instant (an OpenFisca Instant)."""
    return _days(dates) < numpy.datetime64(str(instant), "D")


def happened_within(dates, period):
    """True where the date falls in the period (first and last day included)."""
    days = _days(dates)
    return (days >= numpy.datetime64(str(period.start), "D")) & (days <= numpy.datetime64(str(period.stop), "D"))


def increase_factor(increase_rate_parameter, start_dates, instant, later_retirees_parameter=None):
    """Compound factor of the increases granted to pensions that began on ``start_dates``, as of ``instant``.

    ``increase_rate_parameter`` is the full history of a parameter whose every value is one increase,
    in force from its date (e.g. ``ajk.public_service.pension.increase_rate``). An increase dated on or
    before ``instant`` applies to a pension that began before its date; it also applies to a pension that
    began on or after its date when ``later_retirees_parameter`` (a yes/no parameter dated like the
    increases, e.g. ``ajk.public_service.pension.increase_for_later_retirees``) is true at that date, as the
    notification says "also admissible to pensioners who would retire on or after" it.
    """
    starts = _days(start_dates)
    steps = sorted((item.instant_str, item.value) for item in increase_rate_parameter.values_list
                   if item.value is not None)
    factor = numpy.ones(starts.shape, dtype=numpy.float64)
    at = numpy.datetime64(str(instant), "D")
    for date, rate in steps:
        dated = numpy.datetime64(date, "D")
        if dated > at:
            continue
        for_later_retirees = bool(later_retirees_parameter(date)) if later_retirees_parameter is not None else False
        applies = numpy.ones(starts.shape, dtype=bool) if for_later_retirees else starts < dated
        factor = numpy.where(applies, factor * (1.0 + rate), factor)
    return factor
