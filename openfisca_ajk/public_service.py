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


def increase_factor(increase_rate_parameter, start_dates, instant):
    """Compound factor of the increases dated after each start date and on or before ``instant``.

    ``increase_rate_parameter`` is the full history of a parameter whose every value is one increase,
    in force from its date (e.g. ``ajk.public_service.pension.increase_rate``). A pension that began on or
    after an increase's date does not receive that increase.
    """
    steps = sorted((item.instant_str, item.value) for item in increase_rate_parameter.values_list
                   if item.value is not None)
    if not steps:
        return numpy.ones(len(numpy.asarray(start_dates)), dtype=numpy.float64)
    dates = numpy.array([date for date, _ in steps], dtype="datetime64[D]")
    cumulative = numpy.concatenate([[1.0], numpy.cumprod([1.0 + rate for _, rate in steps])])
    at_instant = cumulative[numpy.searchsorted(dates, numpy.datetime64(str(instant), "D"), side="right")]
    at_start = cumulative[numpy.searchsorted(dates, _days(start_dates), side="right")]
    return numpy.where(at_start < at_instant, at_instant / at_start, 1.0)
