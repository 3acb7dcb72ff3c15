"""Entities of the AJK system: persons living in households.

Household roles follow household surveys (relationship to the head).
"""

import numpy
from openfisca_core.entities import build_entity

Household = build_entity(
    key="household",
    plural="households",
    label="Household",
    doc="""
    A household as the NSER and household surveys record it: persons who live
    together and share meals. Social assistance is targeted at this unit.
    """,
    roles=[
        {"key": "head", "plural": "heads", "label": "Head of household", "max": 1,
         "doc": "The person the household names as its head."},
        {"key": "spouse", "plural": "spouses", "label": "Spouse of the head",
         "doc": "Wife or husband of the head."},
        {"key": "child", "plural": "children", "label": "Child of the head",
         "doc": "Son or daughter of the head (of any age)."},
        {"key": "other", "plural": "others", "label": "Other member",
         "doc": "Any other relative or member living in the household."},
    ],
)

Person = build_entity(
    key="person",
    plural="persons",
    label="Person",
    doc="A natural person.",
    is_person=True,
)

entities = [Household, Person]

# Aggregations over a household's members, faster than the engine's loop over member positions.
# ``GroupPopulation.max`` loops over the positions inside the group (a household of 15 members costs 15 passes);
# when the members are stored grouped (``members_entity_id`` non-decreasing, as the population builder and the
# YAML tests produce), one ``reduceat`` over contiguous segments gives the same values.

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
