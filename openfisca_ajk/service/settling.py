"""Schemes closed this month: their missing inputs need no variation.

A scheme is *closed* for an application when one of its top-level conditions depends on no input
and is unmet (``SchemeAnalysis.closed_by``, typically "the branch is in force" for a draft
scheme). That condition is then unmet in every variant too (it depends on no varied input); the
conditions of a scheme must all hold (``docs/conventions.md``) and a scheme pays nothing to whom it
is not eligible (the registry's contract: ``output`` is zero where ``eligible`` is false), so every
variant would give the baseline's ``not_eligible`` and zero: the verdict is the one the variants
would have given, without simulating them.

With the per-condition reasons (``detail``) too: the conditions of a closed scheme are not assessed.
The closing condition is reported with its state, every other condition as
``not_assessed`` with the reason "the scheme is not in force / closed this month: <label of the
closing condition>" (``report.py``); no variant rows are built for the scheme and its
``inputs_needed`` is empty. (The ``variation`` entry of the details still describes the design the
verdict stands for, as for every settled scheme.)

The prediction comes from the analysis' default household; ``unconfirmed`` checks it on each
application's own row (the condition unmet and the amount zero for every instance), and the
evaluation falls back to full variation when it does not hold.
"""

import numpy


def can_settle(analysis, slots, detail=False):
    """Whether the variants of ``slots`` may be left out for this scheme (see the module docstring);
    the same with or without details, since the conditions of a closed scheme are not assessed."""
    return bool(slots) and analysis.closed_by is not None


def _baseline(values, name, count, persons, person_level):
    array = numpy.asarray(values[name])
    return array[:persons] if person_level else array[:count]


def unconfirmed(context, analyses, settled_apps, count):
    """True when an application for which a scheme is settled has an instance where the closing
    condition is met, or is eligible, or is paid (the prediction does not hold for it).

    ``analyses`` maps scheme names to ``SchemeAnalysis``; ``settled_apps`` maps scheme names to the
    indices of the applications (baseline rows) for which the scheme is settled.
    """
    if not settled_apps:
        return False
    layout, values, system, person_key = context["layout"], context["values"], context["system"], context["person_key"]
    persons = int(layout.first_person[count - 1] + layout.size[count - 1])
    person_row = numpy.repeat(numpy.arange(count), layout.size[:count])
    for name, apps in settled_apps.items():
        bad = _bad_rows(system, analyses[name], values, count, persons, person_row, person_key)
        if bad is None or bad[numpy.asarray(apps)].any():
            return True
    return False


def _bad_rows(system, analysis, values, count, persons, person_row, person_key):
    """Per application row, whether the closing prediction fails; None when it cannot be checked."""
    scheme = analysis.scheme
    condition = next(c for c in scheme.conditions if c.variable == analysis.closed_by)
    scheme_person = scheme.entity == person_key
    gate_person = system.variables[condition.variable].entity.key == person_key
    if gate_person and not scheme_person:
        return None
    met = _baseline(values, condition.variable, count, persons, gate_person).astype(bool) != condition.negate
    paid = _baseline(values, scheme.output, count, persons, scheme_person) != 0
    eligible = _baseline(values, scheme.eligible, count, persons, scheme_person).astype(bool)
    if scheme_person:
        bad = paid | eligible | (met if gate_person else met[person_row])
        return numpy.bincount(person_row, weights=bad, minlength=count) > 0
    return met | paid | eligible
