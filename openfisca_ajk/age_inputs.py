"""A person's age may be given as a date of birth or as an age in completed years.

Rules that need only the age in years read the variable ``age`` (given, or computed from the date of
birth). Rules that need a date (months of age, age on a past date) read ``birth_dates``: the date of birth
where it agrees with the age given, otherwise the latest date of birth compatible with that age (the
person reached it on the first day of the earliest month the age is given for). Pure helpers, no
variable here.
"""

import numpy

from openfisca_ajk.tools.dates import completed_years


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
