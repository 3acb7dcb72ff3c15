"""Calendar arithmetic on numpy date arrays, without slow datetime64 unit conversions.

``civil_from_days`` is the classical proleptic-Gregorian conversion from a day
count (days since 1970-01-01) to (year, month, day) in integer arithmetic, so an
age over millions of persons costs a few integer passes.
"""

import numpy


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
    """Whole years completed between each birth date and ``instant`` (an OpenFisca Instant).

    A person born on the instant's day and month has just completed the year.
    A person born after the instant gets a negative number, which callers clip.
    """
    days = numpy.asarray(birth_dates).astype("datetime64[D]").astype(numpy.int64)
    birth_year, birth_month, birth_day = civil_from_days(days)
    year, month, day = instant.year, instant.month, instant.day
    before_birthday = (birth_month > month) | ((birth_month == month) & (birth_day > day))
    return (year - birth_year - before_birthday).astype(numpy.int32)
