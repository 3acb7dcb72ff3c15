"""The laws a projection compares: today's law (``baseline``) and the reform files of ``reforms/``."""

from openfisca_ajk.contributory.record import scheme_start
from openfisca_ajk.engine.law import BASELINE, baseline, law
from openfisca_ajk.reform_diffs import list_reforms, load_reform_file, resolve_reform_path


def baseline_system():
    """Today's law (``engine.law``: built once per process; forked workers inherit it)."""
    return baseline()


def law_system(name):
    """The tax-benefit system of a law: ``baseline`` or the name (or path) of a reform file (``engine.law``)."""
    return law(name)


def library_reforms():
    return [name for name in list_reforms()]


def change_years(name, first, last):
    """Years in (first, last] in which the reform's changes start, plus the next year when a change
    starts after 1 January (so that a full year of the new rule is evaluated)."""
    if name == BASELINE or resolve_reform_path(name).suffix == ".py":
        return set()
    years = set()
    for change in load_reform_file(name).all_changes:
        for year in (change.start.year, change.start.year + (change.start.month > 1 or change.start.day > 1)):
            if int(first) < year <= int(last):
                years.add(year)
        if change.stop and int(first) < change.stop.year + 1 <= int(last):
            years.add(change.stop.year + 1)
    return years


def maturing_years(name, first, last):
    """Years in (first, last] from the start of the law's contributory scheme: the scheme changes every year
    while it matures (its registration rises, its members' records grow), so each is evaluated, not scaled."""
    start = scheme_start(law_system(name))
    if start is None:
        return set()
    return {year for year in range(int(start[:4]), int(last) + 1) if year > int(first)}



def first_difference_year(name):
    """The first year in which the law may differ from today's law: its earliest change or the start of its
    contributory scheme; None for today's law; 0 (every year) for a Python reform, whose changes are not listed."""
    if name == BASELINE:
        return None
    if resolve_reform_path(name).suffix == ".py":
        return 0
    years = [change.start.year for change in load_reform_file(name).all_changes]
    start = scheme_start(law_system(name))
    if start is not None:
        years.append(int(start[:4]))
    return min(years) if years else None
