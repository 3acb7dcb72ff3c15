"""A one-line reason in words for each scheme's result, read from the application's own row.

- ``eligible``: "every condition is met";
- ``undetermined``: the inputs still needed, by label ("depends on inputs not given: ...");
- a scheme not in force this month: "not in force this month: <its closing condition>";
- ``not_eligible``: the first of the scheme's conditions unmet for the whole application — preferring
  one that depends on no input the application leaves out —, by its label, with the household's values and the parameters that condition reads, e.g. "not met: Kafaalat:
  the household's PMT score is within the cut-off (PMT score 40; Kafaalat PMT cut-off 32)"; an
  exclusion (a negated condition) reads "excluded: <label>"; for a scheme paid to persons where each
  person fails a different condition, "no member meets every condition at once".
"""

import numpy

from openfisca_ajk.service.constants import NOT_ASKED
from openfisca_ajk.service.outcomes import ELIGIBLE, UNDETERMINED
from openfisca_ajk.service.references import parameter_info

MAX_SHOWN = 3


def _number(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    return str(getattr(value, "isoformat", lambda: value)())


def _unmet_masks(context, scheme, count):
    """Per application (baseline rows), a bit mask of the top-level conditions unmet for every instance
    (bit i for the scheme's condition i)."""
    system, values, layout, person_key = context["system"], context["values"], context["layout"], context["person_key"]
    persons = int(layout.first_person[count - 1] + layout.size[count - 1])
    person_row = numpy.repeat(numpy.arange(count), layout.size[:count])
    masks = numpy.zeros(count, dtype=numpy.int64)
    for bit, condition in enumerate(scheme.conditions):
        person_level = system.variables[condition.variable].entity.key == person_key
        array = numpy.asarray(values[condition.variable])
        met = (array[:persons] if person_level else array[:count]).astype(bool) != condition.negate
        if person_level:
            met = numpy.bincount(person_row, weights=met, minlength=count) > 0
        masks |= (~met).astype(numpy.int64) << bit
    return masks


def _known(application, cache):
    """The inputs the application gives for the household or for every person (an age given through the date
    of birth counts), and those it settles without asking (``NOT_ASKED``)."""
    key = (frozenset(application.household_inputs), tuple(frozenset(p.inputs) for p in application.persons))
    found = cache.get(key)
    if found is None:
        everyone = frozenset.intersection(*key[1]) if key[1] else frozenset()
        found = set(key[0]) | set(everyone) | set(NOT_ASKED)
        if "date_of_birth" in found:
            found.add("age")
        found = cache[key] = frozenset(found)
    return found


def _chosen(scheme, analysis, mask, known, cache):
    """The index of the condition that explains a ``not_eligible``: the first unmet one that depends on no
    missing input, else the first unmet one; -1 when none is unmet for every instance."""
    key = (scheme.name, mask, known)
    found = cache.get(key)
    if found is None:
        unmet = [i for i in range(len(scheme.conditions)) if mask >> i & 1]
        settled = [i for i in unmet if analysis.condition_inputs.get(scheme.conditions[i].variable, frozenset()) <= known]
        found = cache[key] = (settled or unmet or [-1])[0]
    return found


def _not_met(context, analysis, condition, household_inputs, cache):
    system, month = context["system"], context["month"]
    names_key = (analysis.scheme.name, condition.variable, tuple(household_inputs))
    names = cache.get(names_key)
    if names is None:
        names = cache[names_key] = tuple(sorted(name for name in analysis.condition_inputs.get(condition.variable, ())
                                                if name in household_inputs)[:MAX_SHOWN])
    key = (analysis.scheme.name, condition.variable, names, tuple(household_inputs[name] for name in names))
    text = cache.get(key)
    if text is None:
        details = [f"{system.variables[name].label} {_number(value)}" for name, value in zip(names, key[3])]
        for name, instant in analysis.condition_parameters.get(condition.variable, ())[:MAX_SHOWN]:
            info = parameter_info(system, name, instant if len(instant) > 7 else f"{month}-01")
            if isinstance(info["value"], int | float) and not isinstance(info["value"], bool):
                details.append(f"{info['label'] or name} {_number(info['value'])}")
        label = system.variables[condition.variable].label
        text = f"{'excluded' if condition.negate else 'not met'}: {label}" + (f" ({'; '.join(details)})" if details else "")
        cache[key] = text
    return text


def _needed(result):
    labels = []
    for item in result["inputs_needed"]:
        where = item["person"] or "household"
        labels.append(f"{item['label']} ({where})")
    shown = ", ".join(labels[:MAX_SHOWN])
    more = len(labels) - MAX_SHOWN
    return "depends on inputs not given: " + shown + (f" and {more} more" if more > 0 else "")


def add_reasons(context, schemes, analyses, applications, results):
    """Set ``reason`` on every scheme result of ``results`` (one list of scheme results per application)."""
    count = len(applications)
    cache, known_cache, plans = {}, {}, {}
    system, person_key = context["system"], context["person_key"]
    known = [_known(application, known_cache) for application in applications]
    keys = [tuple(application.household_inputs) for application in applications]
    for k, (scheme, analysis) in enumerate(zip(schemes, analyses)):
        masks = _unmet_masks(context, scheme, count).tolist()
        closed = None
        if analysis.closed_by is not None:
            closed = f"not in force this month: {system.variables[analysis.closed_by].label}"
        for index, application in enumerate(applications):
            result = results[index][k]
            status = result["status"]
            if status == ELIGIBLE:
                result["reason"] = "every condition is met"
                continue
            if status == UNDETERMINED:
                result["reason"] = _needed(result)
                continue
            plan_key = (k, masks[index], known[index], keys[index])
            plan = plans.get(plan_key)
            if plan is None:
                chosen = _chosen(scheme, analysis, masks[index], known[index], cache)
                if chosen < 0:
                    plan = ("no member meets every condition at once" if scheme.entity == person_key
                            else "the amount is zero this month", None)
                elif closed is not None and scheme.conditions[chosen].variable == analysis.closed_by:
                    plan = (closed, None)
                else:
                    condition = scheme.conditions[chosen]
                    text = _not_met(context, analysis, condition, application.household_inputs, cache)
                    shows_values = bool(cache[(scheme.name, condition.variable, keys[index])])
                    plan = (None, condition) if shows_values else (text, None)
                plans[plan_key] = plan
            text, condition = plan
            result["reason"] = text if condition is None else \
                _not_met(context, analysis, condition, application.household_inputs, cache)
