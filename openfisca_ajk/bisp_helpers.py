"""Calendar and roll-out helpers of the BISP conditional transfers (Taleemi Wazaif, Nashonuma).

Pure functions on numpy arrays; the calendar constants come in as arguments so
formulas pass them from the parameter tree.
"""

import numpy

from openfisca_ajk.enums import District
from openfisca_ajk.tools.dates import months_between


def completed_months(birth_dates, instant, months_per_year):
    """Whole months completed between each birth date and ``instant`` (an OpenFisca Instant).

    A child born on the 10th has completed a month on the 10th of the next
    month. A person born after the instant gets a negative number, which
    callers clip. Integer arithmetic through a lookup table over the birth days
    (``openfisca_ajk.tools.dates.months_between``).
    """
    return months_between(birth_dates, instant, months_per_year)


def district_covered(household, period, covered_districts):
    """Whether each household's district is covered, from a parameter node with one yes/no child per district.

    The coverage of each of the ten districts is read once and looked up by each household's district code.
    """
    all_districts = numpy.array([item.name for item in District])
    covered_by_code = numpy.asarray(covered_districts[all_districts], dtype=bool)
    return covered_by_code[numpy.asarray(household("district", period))]
