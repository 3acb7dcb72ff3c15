"""Calendar helpers of the BISP conditional transfers (Taleemi Wazaif, Nashonuma).

Pure functions on numpy arrays; the calendar constants come in as arguments so
formulas pass them from the parameter tree.
"""

import numpy

from openfisca_ajk.tools.dates import civil_from_days


def completed_months(birth_dates, instant, months_per_year):
    """Whole months completed between each birth date and ``instant`` (an OpenFisca Instant).

    A child born on the 10th has completed a month on the 10th of the next
    month. A person born after the instant gets a negative number, which
    callers clip.
    """
    days = numpy.asarray(birth_dates).astype("datetime64[D]").astype(numpy.int64)
    birth_year, birth_month, birth_day = civil_from_days(days)
    calendar_months = (instant.year - birth_year) * months_per_year + (instant.month - birth_month)
    before_monthday = birth_day > instant.day
    return (calendar_months - before_monthday).astype(numpy.int32)
