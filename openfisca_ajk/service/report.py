"""The result of one scheme for one application: status, amounts, reasons and references.

With the per-condition reasons (``detail``) each condition has a state per instance (the household, or
each person for a person-level condition): ``met``, ``unmet``, ``unknown`` (a missing input changes
it) or ``not_assessed``. A scheme *closed* this month for the application (``settling.py``: its
closing condition, which depends on no input, is unmet for every instance, and it is neither eligible
nor paid) reports its closing condition with its state and every other condition, with their
per-person conditions, as ``not_assessed`` with a ``reason`` ("the scheme is not in force / closed
this month: <closing condition's label>"); its status is ``not_eligible``, its amount 0 and its
``inputs_needed`` empty.
"""

import numpy

from openfisca_ajk.service.outcomes import (
    ELIGIBLE, NOT_ASSESSED, NOT_ELIGIBLE, UNDETERMINED, condition_state, decide,
)
from openfisca_ajk.service.references import parameter_info, variable_info


def _rows(plan):
    return numpy.concatenate([[plan.application], numpy.arange(plan.start, plan.stop)]).astype(numpy.int64)


def _at(context, name, rows, person_level, size):
    array = context["values"][name]
    if not person_level:
        return array[rows][:, None]
    index = context["layout"].first_person[rows][:, None] + numpy.arange(size)
    return array[index]


def _is_person(context, name):
    return context["system"].variables[name].entity.key == context["person_key"]


def _money(value):
    return round(float(value), 2)


def scheme_result(context, application, plan):
    scheme = plan.analysis.scheme
    rows = _rows(plan)
    person_level = scheme.entity == context["person_key"]
    size = len(application.persons) if person_level else 1
    eligible = _at(context, scheme.eligible, rows, person_level, size)
    amount = numpy.round(_at(context, scheme.output, rows, person_level, size).astype(numpy.float64) * 100)
    outcome = numpy.stack([eligible.astype(numpy.float64), amount], axis=2)
    instalment = _at(context, scheme.instalment, rows[:1], person_level, size)[0] if scheme.instalment else None
    condition_values = {}
    if plan.design.slots and not plan.settled and not plan.design.exhaustive:   # else ``decide`` reads none
        for condition in scheme.conditions:
            condition_person = _is_person(context, condition.variable)
            if condition_person and not person_level:
                continue
            values = _at(context, condition.variable, rows, condition_person, size)
            condition_values[condition.variable] = numpy.broadcast_to(values, (len(rows), size))
    verdicts = [decide(plan, outcome, column, condition_values) for column in range(size)]
    ids = [p.id for p in application.persons] if person_level else [application.household_id]
    beneficiaries = []
    for column, verdict in enumerate(verdicts):
        determined = verdict.status != UNDETERMINED
        entry = {"id": ids[column], "status": verdict.status,
                 "monthly_amount": _money(outcome[0, column, 1] / 100) if determined else None}
        if instalment is not None:
            entry["instalment"] = _money(instalment[column]) if determined else None
        beneficiaries.append(entry)
    statuses = {v.status for v in verdicts}
    status = UNDETERMINED if UNDETERMINED in statuses else ELIGIBLE if ELIGIBLE in statuses else NOT_ELIGIBLE
    needed = sorted({index for v in verdicts for index in v.needed})
    result = {
        "scheme": scheme.name, "label": scheme.label, "status": status,
        "monthly_amount": None if status == UNDETERMINED else _money(sum(b["monthly_amount"] for b in beneficiaries)),
    }
    if scheme.instalment:
        result["instalment"] = None if status == UNDETERMINED else _money(sum(b["instalment"] for b in beneficiaries))
        result["instalment_periodicity"] = scheme.periodicity
    if person_level:
        result["beneficiaries"] = [b for b in beneficiaries if b["status"] != NOT_ELIGIBLE]
    result["inputs_needed"] = [_needed(context, plan.design.slots[i], application) for i in needed]
    reasons = sorted({v.reason for v in verdicts if v.reason})
    if reasons:
        result["undetermined_because"] = reasons
    if context["detail"]:
        closed = _closed(context, application, plan, rows, outcome)
        result.update(_details(context, application, plan, rows, person_level, size, closed))
    return result


def closed_reason(system, variable):
    """The ``reason`` of the conditions not assessed because the condition ``variable`` closes the scheme."""
    return f"the scheme is not in force / closed this month: {system.variables[variable].label}"


def _closed(context, application, plan, rows, outcome):
    """The closing condition when the scheme is closed this month for this application, else None.

    Closed: the analysis names a closing condition (it depends on no input), it is unmet for every
    instance on the application's own row, and no instance is eligible or paid there. Read from the
    baseline row only, so the fast (settled) and the reference paths agree.
    """
    gate = plan.analysis.closed_by
    if gate is None or outcome[0].any():
        return None
    condition = next(c for c in plan.analysis.scheme.conditions if c.variable == gate)
    gate_person = _is_person(context, gate)
    values = _at(context, gate, rows[:1], gate_person, len(application.persons) if gate_person else 1)
    return None if numpy.any(values.astype(bool) != condition.negate) else condition


class BaselineColumns:
    """Each scheme's baseline eligibility, amount and instalment for every application, as Python lists.

    Baseline rows come first in the simulation, so their persons are contiguous; a scheme result for
    an application without missing deciding inputs is then read from these lists (no numpy per call).
    The roundings are done with numpy where they are exact: an amount rounded to cents is unchanged by
    ``round(value, 2)``, and so is a whole number; other instalments go through ``round`` itself.
    """

    def __init__(self, context, schemes, applications):
        count = len(applications)
        layout = context["layout"]
        persons = int(layout.first_person[count - 1] + layout.size[count - 1])
        self.first_person = layout.first_person[:count].tolist()
        self.person_row = numpy.repeat(numpy.arange(count), layout.size[:count])
        self.count = count
        self.columns = {}
        for scheme in schemes:
            person_level = scheme.entity == context["person_key"]
            length = persons if person_level else count
            eligible = context["values"][scheme.eligible][:length].tolist()
            cents = numpy.round(context["values"][scheme.output][:length].astype(numpy.float64) * 100) / 100
            amounts = cents.tolist()                                 # == [round(value, 2) for value in ...]
            instalments = instalment_array = None
            if scheme.instalment:
                instalment_array = _rounded(context["values"][scheme.instalment][:length].astype(numpy.float64))
                instalments = instalment_array.tolist()
            if person_level:
                totals = (self._household_totals(cents), None if instalment_array is None
                          else self._household_totals(instalment_array))
            else:                       # ``_money(sum([value]))``: 0 + value turns -0.0 into 0.0, the rest is exact
                totals = ((cents + 0.0).tolist(), None if instalment_array is None else (instalment_array + 0.0).tolist())
            self.columns[scheme.name] = (eligible, amounts, instalments, totals)

    def _household_totals(self, values):
        """Per application: None where a person has a non-zero value (summed in Python as before), else 0.0."""
        nonzero = numpy.bincount(self.person_row, weights=(values != 0), minlength=self.count) > 0
        return [None if flag else 0.0 for flag in nonzero.tolist()]


def _rounded(array):
    """``[round(value, 2) for value in array]`` as a float64 array (whole numbers are left as they are)."""
    values = array.tolist()
    for index in numpy.flatnonzero(array != numpy.floor(array)).tolist():
        values[index] = round(values[index], 2)
    return numpy.array(values, dtype=numpy.float64)


def quick_results(context, scheme, baseline, applications):
    """The result of ``scheme`` for every application, read from the baseline rows only.

    The same as ``scheme_result`` for an application whose scheme has no variants, without details:
    the same fields, and amounts summed with ``sum`` in the same order. Built column by column for
    speed (a batch needs one result per application and scheme).
    """
    eligible, amounts, instalments, (amount_totals, instalment_totals) = baseline.columns[scheme.name]
    name, label, periodicity = scheme.name, scheme.label, scheme.periodicity
    if scheme.entity != context["person_key"]:
        statuses = [ELIGIBLE if value else NOT_ELIGIBLE for value in eligible]
        if instalments is None:
            return [{"scheme": name, "label": label, "status": status, "monthly_amount": amount,
                     "inputs_needed": []} for status, amount in zip(statuses, amount_totals)]
        return [{"scheme": name, "label": label, "status": status, "monthly_amount": amount,
                 "instalment": instalment, "instalment_periodicity": periodicity, "inputs_needed": []}
                for status, amount, instalment in zip(statuses, amount_totals, instalment_totals)]
    results = []
    for index, (first, application) in enumerate(zip(baseline.first_person, applications)):
        stop = first + len(application.persons)
        beneficiaries = []
        if True in eligible[first:stop]:
            for position, person in enumerate(application.persons, start=first):
                if eligible[position]:
                    entry = {"id": person.id, "status": ELIGIBLE, "monthly_amount": amounts[position]}
                    if instalments is not None:
                        entry["instalment"] = instalments[position]
                    beneficiaries.append(entry)
        total = amount_totals[index]
        result = {"scheme": name, "label": label, "status": ELIGIBLE if beneficiaries else NOT_ELIGIBLE,
                  "monthly_amount": _money(sum(amounts[first:stop])) if total is None else total}
        if instalments is not None:
            total = instalment_totals[index]
            result["instalment"] = _money(sum(instalments[first:stop])) if total is None else total
            result["instalment_periodicity"] = periodicity
        result["beneficiaries"] = beneficiaries
        result["inputs_needed"] = []
        results.append(result)
    return results


def _needed(context, slot, application):
    person = None if slot.person is None else application.persons[slot.person].id
    label = context["system"].variables[slot.variable].label
    return {"field": slot.field, "variable": slot.variable, "person": person, "label": label}


def _details(context, application, plan, rows, person_level, size, closed=None):
    scheme = plan.analysis.scheme
    system = context["system"]
    ids = [p.id for p in application.persons]
    conditions = []
    if closed is None:
        for condition in scheme.conditions:
            conditions.append(_condition(context, condition, rows, ids))
    else:
        reason = closed_reason(system, closed.variable)
        for condition in scheme.conditions:
            if condition is closed:
                conditions.append(_condition(context, condition, rows[:1], ids))
            else:
                conditions.append(_not_assessed(context, condition, ids, reason))
    parameters = list(_parameters(system, plan.analysis))
    return {
        "kind": scheme.kind, "provider": scheme.provider, "entity": scheme.entity,
        "status_in_law": scheme.status, "periodicity": scheme.periodicity,
        # what monthly_amount is: cash paid, or the value ceiling of cover in kind (never cash, never in the total)
        "amount_kind": AMOUNT_CASH if scheme.is_cash else AMOUNT_VALUE_CEILING,
        "legal_instrument": dict(scheme.legal_instrument),
        "output_variable": scheme.output, "eligible_variable": scheme.eligible,
        "instalment_variable": scheme.instalment,
        "conditions": conditions, "parameters": parameters,
        "variation": {"inputs_varied": [slot.field for slot in plan.design.slots],
                      "rows": int(len(plan.design.matrix)) if plan.design.slots else 0,
                      "exhaustive": bool(plan.design.exhaustive)},
    }


_PARAMETERS = {}


def _parameters(system, analysis):
    """The ``parameter_info`` of every parameter a scheme reads (cached per system and analysis)."""
    key = (id(system), id(analysis))
    found = _PARAMETERS.get(key)
    if found is None or found[0] is not analysis:
        if len(_PARAMETERS) > 4096:             # analyses are cached per month; keep this cache bounded too
            _PARAMETERS.clear()
        found = _PARAMETERS[key] = (analysis, tuple(parameter_info(system, name, instant)
                                                    for name, instant in analysis.parameters))
    return found[1]


def _condition(context, condition, rows, ids):
    entry = {**variable_info(context["system"], condition.variable), "negate": condition.negate}
    if _is_person(context, condition.variable):
        values = _at(context, condition.variable, rows, True, len(ids))
        entry["persons"] = {pid: condition_state(values[:, i], condition.negate) for i, pid in enumerate(ids)}
    else:
        values = _at(context, condition.variable, rows, False, 1)
        entry["status"] = condition_state(values[:, 0], condition.negate)
    if condition.person_conditions:
        entry["person_conditions"] = [_condition(context, sub, rows, ids) for sub in condition.person_conditions]
    return entry


def _not_assessed(context, condition, ids, reason):
    entry = {**variable_info(context["system"], condition.variable), "negate": condition.negate}
    if _is_person(context, condition.variable):
        entry["persons"] = {pid: NOT_ASSESSED for pid in ids}
    else:
        entry["status"] = NOT_ASSESSED
    entry["reason"] = reason
    if condition.person_conditions:
        entry["person_conditions"] = [_not_assessed(context, sub, ids, reason) for sub in condition.person_conditions]
    return entry


AMOUNT_CASH = "cash"
AMOUNT_VALUE_CEILING = "value_ceiling_in_kind"


def summary(scheme_results, cash):
    """Schemes by status and the monthly cash of the eligible ones (``cash``: scheme name -> ``Scheme.is_cash``;
    in-kind schemes, e.g. health cover, left out)."""
    by_status = {ELIGIBLE: [], NOT_ELIGIBLE: [], UNDETERMINED: []}
    for result in scheme_results:
        by_status[result["status"]].append(result["scheme"])
    total = sum(r["monthly_amount"] for r in scheme_results
                if r["status"] == ELIGIBLE and cash.get(r["scheme"], False))
    return {**by_status, "monthly_cash_total": _money(total)}
