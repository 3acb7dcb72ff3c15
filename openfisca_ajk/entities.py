"""Entities of the AJK system: persons living in households.

Household roles follow household surveys (relationship to the head).
"""

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
