"""Which months of a period give provably identical results, so each is computed once.

A traced probe run (a few households, every scheme variable) records, for each
month m, every variable computed with its period and every parameter read with
its instant. Month m' is merged into month m (same calendar year) only if:

1. the two traces have the same structure once periods are written relative to
   their month (same variables, same offsets: "this month", "11 months before",
   "this year", "eternity", or the same absolute period);
2. each pair of parameter instants read (i in m, i' in m') gives the same value
   for every parameter leaf of the tax-benefit system (the whole tree);
3. each pair of variable periods selects the same dated formula (and the same
   side of the variable's ``end``);
4. each pair of variable periods sees the same population input: the same
   static array (inputs hold over the input window, see ``input_window``), or
   no input on both sides; ages computed from birth dates must be equal in the
   two months, and every date input (birth, retirement, death dates...) must
   sit on the same side of both months: each date is before the month's first
   day in both or in neither, within or after the month alike, and its
   anniversary falls before the month's first day in both or in neither.

Formulas are deterministic numpy functions of the values they request and of
the parameters they read, so under 1-4 month m' computes exactly what m does.
Otherwise the month is computed on its own.
"""

import hashlib

import numpy
from openfisca_core import periods
from openfisca_core.parameters import Parameter, ParameterNode

from openfisca_ajk.population.simulation import age_in_month, build_simulation
from openfisca_ajk.tools.dates import _tabulate, civil_from_days, day_numbers

HISTORY_MONTHS = 12
DATE_FLAG_BEFORE, DATE_FLAG_BY_END, DATE_FLAG_ANNIVERSARY = 1, 2, 4
PROBE_HOUSEHOLDS = 40


def months_of(period) -> list:
    """The months of a month or year period (``2025``, ``2025-03``)."""
    period = periods.period(period)
    if period.unit == periods.MONTH or period.unit == periods.YEAR:
        return list(period.get_subperiods(periods.MONTH))
    raise ValueError(f"period {period} must be a month (2025-03) or a year (2025)")


def input_window(months) -> list:
    """Months whose inputs are set: the period and the ``HISTORY_MONTHS`` before it (wage histories)."""
    first = periods.period(months[0])
    start = first.offset(-HISTORY_MONTHS, periods.MONTH)
    return [start.offset(i, periods.MONTH) for i in range(HISTORY_MONTHS + len(months))]


def parameter_snapshot(tax_benefit_system, instant, cache) -> str:
    """A digest of every parameter leaf's value at ``instant``."""
    key = str(instant)
    if key in cache:
        return cache[key]
    digest = hashlib.sha256()

    def walk(node, path):
        for name, child in sorted(node.children.items()):
            if isinstance(child, ParameterNode):
                walk(child, f"{path}{name}.")
            elif isinstance(child, Parameter):
                digest.update(f"{path}{name}={child(instant)!r};".encode())
            else:  # a scale
                at = child.get_at_instant(instant) if hasattr(child, "get_at_instant") else child(instant)
                parts = [repr(getattr(at, a, None)) for a in ("thresholds", "rates", "amounts")]
                digest.update(f"{path}{name}={'|'.join(parts)};".encode())

    walk(tax_benefit_system.parameters, "")
    cache[key] = digest.hexdigest()
    return cache[key]


def _months_between(a, b) -> int:
    return (b.year - a.year) * 12 + (b.month - a.month)


def relative_period(month, period):
    if period is None or period.unit == periods.ETERNITY:
        return ("eternity",)
    if period.unit == periods.YEAR and period == month.this_year:
        return ("this_year",)
    if period.unit == periods.MONTH:
        return ("month", _months_between(month.start, period.start), period.size)
    return ("absolute", str(period))


def relative_instant(month, instant):
    offset = _months_between(month.start, instant)
    if instant.day == 1:
        return ("month_start", offset)
    if instant == periods.period(f"{instant.year}-{instant.month:02d}").stop:
        return ("month_end", offset)
    return ("absolute", str(instant))


def probe_trace(tax_benefit_system, population, month, variables):
    """[(variable, period)], [(parameter, instant)] computed for ``month`` on a few households."""
    nodes, parameters, _ = probe_trace_with_edges(tax_benefit_system, population, month, variables)
    return nodes, parameters


def probe_trace_with_edges(tax_benefit_system, population, month, variables):
    """``probe_trace`` plus the dependency edges [((parent, period), (child, period))] of the traced calculations."""
    probe = population.slice_households(0, min(PROBE_HOUSEHOLDS, population.n_households))
    simulation = build_simulation(tax_benefit_system, probe, [month], input_months=input_window([month]))
    simulation.trace = True
    for variable in variables:
        simulation.calculate(variable, month)
    nodes, parameters, edges = [], [], []
    for node in simulation.tracer.browse_trace():
        nodes.append((node.name, node.period))
        parameters += [(p.name, periods.instant(str(p.period))) for p in node.parameters]
        edges += [((node.name, node.period), (child.name, child.period)) for child in node.children]
    return nodes, parameters, edges


def input_key(population, name, period, window, month=None):
    """What population input a simulation holds for ``name`` at ``period``."""
    if name == "age" and period.unit == periods.MONTH:
        if str(period) not in window:
            return "none"
        if "age" in population.person and not population.age_from_birth_date:
            return "static"
        ages = age_in_month(population, period)
        return "none" if ages is None else hashlib.sha256(ages.tobytes()).hexdigest()
    columns = population.person.keys() | population.household.keys()
    if name not in columns:
        return "none"
    table = population.person if name in population.person else population.household
    if numpy.issubdtype(numpy.asarray(table[name]).dtype, numpy.datetime64) and month is not None:
        return date_position_key(table[name], month)
    if period.unit == periods.MONTH:
        return "static" if str(period) in window else "none"
    return "static"


def date_position_key(dates, month):
    """Where each date sits relative to ``month``, the month being computed (a date input is the same array in
    every month, so only its position relative to the month can make two months differ)."""
    first = numpy.datetime64(str(month.start), "D").astype(numpy.int64)
    last = numpy.datetime64(str(month.stop), "D").astype(numpy.int64)

    def flags(days):
        _, birth_month, birth_day = civil_from_days(days)
        anniversary_passed = (birth_month < month.start.month) | ((birth_month == month.start.month) & (birth_day <= month.start.day))
        return ((days < first) * DATE_FLAG_BEFORE + (days <= last) * DATE_FLAG_BY_END
                + anniversary_passed * DATE_FLAG_ANNIVERSARY).astype(numpy.uint8)

    # one code per date (the three positions as bits), through a lookup table over the distinct days
    return hashlib.sha256(_tabulate(day_numbers(dates), flags).tobytes()).hexdigest()


def _cached_key(cache, population, name, period, window, month):
    key = ("input", name, str(period), str(month))
    if key not in cache:
        cache[key] = input_key(population, name, period, window, month)
    return cache[key]


def varies_by_household(tax_benefit_system, population, name) -> bool:
    """True for the inputs whose effect on a month is compared household by household when months are reused:
    ``age`` computed for each month from birth dates, and every date input (birth, retirement, death dates)."""
    variable = tax_benefit_system.variables.get(name)
    if variable is None:
        return False
    if name == "age":
        return variable.definition_period == periods.MONTH
    return variable.value_type.__name__ == "date"


def _coarse_key(population, name, period, window):
    """For an input compared household by household: only whether the simulation holds it at ``period``."""
    if name == "age" and period.unit == periods.MONTH and str(period) not in window:
        return "none"
    columns = population.person.keys() | population.household.keys()
    return "held" if name in columns or (name == "age" and "date_of_birth" in columns) else "none"


def equivalent(tax_benefit_system, population, first, second, window, snapshots, per_household=False):
    """(True, '') if month ``second`` provably computes what month ``first`` does, else (False, reason).

    ``per_household=True`` leaves out condition 4 for ``age`` and date inputs (``varies_by_household``): only
    whether both months hold them is compared. The months then compute the same thing for every household
    whose values of the reuse cut (``reuse_cut``) are equal in both months.
    """
    (m, (nodes_m, params_m)), (n, (nodes_n, params_n)) = first, second
    if str(m.this_year) != str(n.this_year):
        return False, "different years"
    shape_m = [(name, relative_period(m, p)) for name, p in nodes_m]
    shape_n = [(name, relative_period(n, p)) for name, p in nodes_n]
    if shape_m != shape_n or [(k, relative_instant(m, i)) for k, i in params_m] != [(k, relative_instant(n, i)) for k, i in params_n]:
        return False, "the computations differ in structure"
    for (_, i), (_, j) in zip(params_m, params_n):
        if parameter_snapshot(tax_benefit_system, i, snapshots) != parameter_snapshot(tax_benefit_system, j, snapshots):
            return False, f"parameters differ between {i} and {j}"
    for (name, p), (_, q) in zip(nodes_m, nodes_n):
        variable = tax_benefit_system.variables[name]
        if p is not None and p.unit != periods.ETERNITY:
            if variable.get_formula(p) is not variable.get_formula(q):
                return False, f"{name} uses another formula in {q}"
            if variable.end is not None and (str(p.start) > str(variable.end)) != (str(q.start) > str(variable.end)):
                return False, f"{name} ends between {p} and {q}"
        if p is not None and per_household and varies_by_household(tax_benefit_system, population, name):
            if _coarse_key(population, name, p, window) != _coarse_key(population, name, q, window):
                return False, f"input {name} is held in {p} but not in {q}, or the reverse"
            continue
        if p is not None and _cached_key(snapshots, population, name, p, window, m) != \
                _cached_key(snapshots, population, name, q, window, n):
            return False, f"input {name} differs between {p} and {q}"
    return True, ""


def plan_months(tax_benefit_system, population, months, variables) -> tuple:
    """([(representative month, [months it stands for])], explanation)."""
    groups, note, _, _ = _plan(tax_benefit_system, population, months, variables)
    return groups, note


def _plan(tax_benefit_system, population, months, variables):
    months = [periods.period(m) for m in months]
    window = {str(m) for m in input_window(months)}
    traces = {str(m): probe_trace_with_edges(tax_benefit_system, population, m, variables) for m in months}
    snapshots, groups, reasons = {}, [], []
    for month in months:
        for representative, members in groups:
            same, reason = equivalent(tax_benefit_system, population, (representative, traces[str(representative)][:2]),
                                      (month, traces[str(month)][:2]), window, snapshots)
            if same:
                members.append(month)
                break
            reasons.append(reason)
        else:
            groups.append((month, [month]))
    return groups, f"{len(groups)} distinct month(s) computed for {len(months)} month(s)", traces, (window, snapshots)
