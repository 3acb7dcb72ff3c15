"""Aggregations over group members, faster than the engine's loop over member positions.

``GroupPopulation.max`` (and ``min``/``all``) loop over the positions inside the
group: each pass gathers the whole members array (a household of 15 members costs
15 passes). When the members are stored grouped (``members_entity_id``
non-decreasing, as the population builder and the YAML tests produce), one
``reduceat`` over contiguous segments gives the same values; otherwise the
engine's method is used.
"""

import numpy


def _segments(group):
    """(starts of the non-empty groups, mask of non-empty groups), or None if members are not grouped."""
    ids = numpy.asarray(group.members_entity_id)
    if ids.size == 0 or (ids.size > 1 and not bool(numpy.all(ids[1:] >= ids[:-1]))):
        return None
    counts = numpy.bincount(ids, minlength=group.count)
    starts = numpy.cumsum(counts) - counts
    nonempty = counts > 0
    return starts[nonempty], nonempty


def group_max(group, array):
    """``group.max(array)``: the largest member value (float64; -inf for a group without members)."""
    segments = _segments(group)
    if segments is None:
        return group.max(array)
    starts, nonempty = segments
    result = numpy.full(group.count, -numpy.inf)
    result[nonempty] = numpy.maximum.reduceat(numpy.asarray(array), starts)
    return result


def district_covered(household, period, covered_districts):
    """Whether each household's district is covered, from a parameter node with one yes/no child per district
    (named as the ``District`` items), looked up by each household's district."""
    names = household("district", period).decode_to_str()
    return numpy.asarray(covered_districts[names], dtype=bool)
