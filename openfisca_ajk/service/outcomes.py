"""Deciding each scheme's status from the baseline row and the variant rows of one application."""

from dataclasses import dataclass

import numpy

from openfisca_ajk.service.variants import varied_axes

ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED = "eligible", "not_eligible", "undetermined"

#: The states of a condition in the per-condition reasons (``detail``): ``met`` / ``unmet`` (the same
#: over the application and all its variants), ``unknown`` (a missing input changes it), and
#: ``not_assessed`` (the scheme is closed this month, see ``settling.py``: only its closing condition
#: is assessed, the others are not, and their entries carry a ``reason``).
MET, UNMET, UNKNOWN, NOT_ASSESSED = "met", "unmet", "unknown", "not_assessed"
CONDITION_STATES = (MET, UNMET, UNKNOWN, NOT_ASSESSED)


@dataclass(frozen=True)
class Verdict:
    status: str
    needed: tuple          # indices of the design's slots whose value changes the outcome
    reason: str | None     # why undetermined: "inputs_change_outcome" or "not_ruled_out"


def _unmet_everywhere(condition_values, block, column):
    start, stop = block
    rows = numpy.concatenate([[0], numpy.arange(1 + start, 1 + stop)])
    return not numpy.any(condition_values[rows, column])


def decide(plan, outcome, column, condition_values):
    """The verdict for one instance (household, or one person of a person-level scheme).

    ``outcome`` is rows × instances × 2 (eligible, amount in cents), row 0 the baseline;
    ``condition_values`` maps each top-level condition to rows × instances booleans.
    """
    base = outcome[0, column]
    eligible = bool(base[0])
    design = plan.design
    if not design.slots or plan.settled:
        return Verdict(ELIGIBLE if eligible else NOT_ELIGIBLE, (), None)
    variants = outcome[1:, column]
    changed = numpy.any(variants != base, axis=1)
    if design.exhaustive:
        if not changed.any():
            return Verdict(ELIGIBLE if eligible else NOT_ELIGIBLE, (), None)
        sizes = [len(slot.values) for slot in design.slots]
        codes = variants[:, 0] * 2.0 ** 40 + variants[:, 1]
        return Verdict(UNDETERMINED, tuple(varied_axes(codes, sizes)), "inputs_change_outcome")
    if changed.any():
        return Verdict(UNDETERMINED, _attribute(design, variants, changed), "inputs_change_outcome")
    if not eligible and base[1] == 0 and _some_condition_settled_unmet(plan, condition_values, column):
        return Verdict(NOT_ELIGIBLE, (), None)
    return Verdict(UNDETERMINED, tuple(range(len(design.slots))), "not_ruled_out")


def _attribute(design, variants, changed):
    matrix = design.matrix
    set_count = (matrix >= 0).sum(axis=1)
    single = (set_count == 1) & changed
    needed = set(numpy.nonzero((matrix[single] >= 0).any(axis=0))[0].tolist())
    for _, start, stop, columns in design.condition_blocks:
        block = variants[start:stop]
        codes = block[:, 0] * 2.0 ** 40 + block[:, 1]
        sizes = [len(design.slots[c].values) for c in columns]
        needed.update(columns[axis] for axis in varied_axes(codes, sizes))
    if not needed:
        needed = set(numpy.nonzero((matrix[changed] >= 0).any(axis=0))[0].tolist())
    return tuple(sorted(needed))


def _some_condition_settled_unmet(plan, condition_values, column):
    design = plan.design
    blocks = {name: (start, stop) for name, start, stop, _ in design.condition_blocks}
    for condition in plan.analysis.scheme.conditions:
        values = condition_values.get(condition.variable)
        if values is None:
            continue
        values = values != condition.negate
        inputs = plan.analysis.condition_inputs.get(condition.variable, frozenset())
        touches = any(slot.variable in inputs for slot in design.slots)
        if not touches and not values[0, column]:
            return True
        if condition.variable in blocks and _unmet_everywhere(values, blocks[condition.variable], column):
            return True
    return False


def condition_state(values, negate):
    """'met', 'unmet' or 'unknown' for one instance's values over the rows (baseline first).

    (``not_assessed`` is given by the report to the conditions of a closed scheme, never here.)
    """
    if len(values) > 1 and numpy.any(values != values[0]):
        return UNKNOWN
    return MET if bool(values[0]) != negate else UNMET
