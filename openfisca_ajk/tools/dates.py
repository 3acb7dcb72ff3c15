"""Calendar arithmetic on numpy date arrays, without slow datetime64 unit conversions.

``civil_from_days`` is the classical proleptic-Gregorian conversion from a day
count (days since 1970-01-01) to (year, month, day) in integer arithmetic, so an
age over millions of persons costs a few integer passes.
"""

import numpy

# Calendar constants (the Gregorian calendar), not law: a yearly amount spread over its months, a quarterly
# instalment over its months, a duration in weeks counted in days.
MONTHS_PER_YEAR = 12
MONTHS_PER_QUARTER = 3
DAYS_PER_WEEK = 7


def civil_from_days(days):
    """Split day numbers (int64, days since 1970-01-01) into year, month, day arrays."""
    z = numpy.asarray(days, dtype=numpy.int64) + 719468
    era = numpy.floor_divide(z, 146097)
    day_of_era = z - era * 146097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted_month = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * shifted_month + 2) // 5 + 1
    month = numpy.where(shifted_month < 10, shifted_month + 3, shifted_month - 9)
    year = year_of_era + era * 400 + (month <= 2)
    return year, month, day


def completed_years(birth_dates, instant):
    """Whole years completed between each birth date and ``instant`` (an OpenFisca Instant), int32.

    A person born on the instant's day and month has just completed the year.
    A person born after the instant gets a negative number, which callers clip.
    Computed through a lookup table over the birth days (``_tabulate``); the values
    are those of ``completed_years_direct``.
    """
    target = instant_key(instant)
    return _tabulate(day_numbers(birth_dates),
                     lambda days: years_from_keys(calendar_keys(days), target).astype(numpy.int32))


def completed_years_direct(birth_dates, instant):
    """``completed_years`` by calendar arithmetic on every element (the reference the tests compare with)."""
    days = numpy.asarray(birth_dates).astype("datetime64[D]").astype(numpy.int64)
    birth_year, birth_month, birth_day = civil_from_days(days)
    year, month, day = instant.year, instant.month, instant.day
    before_birthday = (birth_month > month) | ((birth_month == month) & (birth_day > day))
    return (year - birth_year - before_birthday).astype(numpy.int32)


# Fast paths: a lookup table over the span of day numbers present in the array.
#
# Birth and retirement dates of a population span some 40,000 distinct days, while an array has millions of
# elements. ``civil_from_days`` costs about 25 integer passes over the array; splitting each day of the span
# once and gathering the result per element costs 4 (min, max, subtraction, gather), with identical values.
MAX_TABLE_SPAN_PER_ELEMENT = 4      # a table longer than this many entries per element is not worth building
MIN_TABLE_SPAN = 1 << 16            # ... unless it is this short anyway
DIRECT_BELOW = 1 << 12              # small arrays (one household, a batch chunk) are computed directly
DATE_KEY_MONTH = 100                # calendar keys: year x 10,000 + month x 100 + day (day < 100)
DATE_KEY_YEAR = 100 * DATE_KEY_MONTH


def day_numbers(dates) -> numpy.ndarray:
    """Days since 1970-01-01 (int64) of a date array, without a copy when it is already ``datetime64[D]``."""
    return numpy.asarray(dates).astype("datetime64[D]", copy=False).view(numpy.int64)


def _tabulate(days, function):
    """``function(day numbers)`` for each element of ``days``, through a lookup table over their span.

    ``function`` maps an int64 array of day numbers to an array of the same length, element by element;
    the result is exactly ``function(days)``. The table is skipped (direct call) when the span is wide
    compared with the array (e.g. a few persons); a single far-future maximum (a sentinel) is allowed.
    """
    days = numpy.asarray(days, dtype=numpy.int64)
    if days.size < DIRECT_BELOW:
        return function(days)
    low, high = int(days.min()), int(days.max())
    limit = max(MIN_TABLE_SPAN, MAX_TABLE_SPAN_PER_ELEMENT * days.size)
    if high - low < limit:
        table = function(numpy.arange(low, high + 1, dtype=numpy.int64))
        return table[days - low]
    # A far-future sentinel (e.g. 2999-12-31 for "no event") as the maximum gets its own table entry.
    at_top = days == high
    below = numpy.where(at_top, low, days)
    second = int(below.max())
    if second - low >= limit:
        return function(days)
    table = function(numpy.append(numpy.arange(low, second + 1, dtype=numpy.int64), high))
    index = below - low
    index[at_top] = second - low + 1
    return table[index]


def calendar_keys(days) -> numpy.ndarray:
    """year x 10,000 + month x 100 + day of each day number (int64), by direct arithmetic."""
    year, month, day = civil_from_days(days)
    return year * DATE_KEY_YEAR + month * DATE_KEY_MONTH + day


def instant_key(instant) -> int:
    """The calendar key of an OpenFisca Instant (see ``calendar_keys``)."""
    return instant.year * DATE_KEY_YEAR + instant.month * DATE_KEY_MONTH + instant.day


def years_from_keys(start_keys, end_keys):
    """Whole years from each start to each end, given calendar keys.

    The difference of two keys is (years) x 10,000 plus a part between -1,130 and +1,130 that is negative
    exactly when the end's (month, day) comes before the start's: floor division by 10,000 gives the years
    completed, as ``completed_years`` counts them.
    """
    return numpy.floor_divide(end_keys - start_keys, DATE_KEY_YEAR)


def months_between(birth_dates, instant):
    """Whole months completed between each date and ``instant`` (int32), through a lookup table.

    A child born on the 10th has completed a month on the 10th of the next month; a date after the
    instant gives a negative number. Same values as the direct calendar arithmetic.
    """
    def direct(days):
        year, month, day = civil_from_days(days)
        calendar_months = (instant.year - year) * MONTHS_PER_YEAR + (instant.month - month)
        return (calendar_months - (day > instant.day)).astype(numpy.int32)
    return _tabulate(day_numbers(birth_dates), direct)


def completed_years_between(start_dates, end_dates):
    """Whole years completed from each start date to the matching end date (int32), e.g. age at retirement."""
    start_keys = _tabulate(day_numbers(start_dates), calendar_keys)
    end_keys = _tabulate(day_numbers(end_dates), calendar_keys)
    return years_from_keys(start_keys, end_keys).astype(numpy.int32)



# Event dates and dated increases (public-service pensions and grants)

def _days(dates):
    return numpy.asarray(dates).astype("datetime64[D]")


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


# A person's age given as a date of birth or as an age in completed years: rules that need only the age
# read the variable ``age``; rules that need a date (months of age, age on a past date) read ``birth_dates``:
# the date of birth where it agrees with the age given, otherwise the latest date of birth compatible with that
# age (reached on the first day of the earliest month the age is given for).

class MissingAgeInputError(ValueError):
    """A rule needs a person's age, and neither the date of birth nor the age is given."""


def latest_birth_dates(ages, instant):
    """The latest dates of birth at which a person has ``ages`` completed years on ``instant``."""
    ages = numpy.asarray(ages, dtype=numpy.int64)
    years = numpy.datetime64(f"{instant.year:04d}", "Y") - ages.astype("timedelta64[Y]")
    months = years.astype("datetime64[M]") + numpy.timedelta64(instant.month - 1, "M")
    return months.astype("datetime64[D]") + numpy.timedelta64(instant.day - 1, "D")


def birth_dates(person, period):
    """Each person's date of birth, from the date of birth given or, where it disagrees, from the age given."""
    given = numpy.asarray(person("date_of_birth", period)).astype("datetime64[D]")
    holder = person.simulation.get_holder("age")
    known = sorted(holder.get_known_periods(), key=lambda known_period: known_period.start)
    if not known:
        return given
    first = known[0]
    ages = numpy.asarray(holder.get_array(first), dtype=numpy.int64)
    agrees = completed_years(given, first.start) == ages
    return numpy.where(agrees, given, latest_birth_dates(ages, first.start))
