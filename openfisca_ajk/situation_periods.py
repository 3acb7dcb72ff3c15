"""Example situations for any month: inputs stated for one month stand for the household as it is.

The bundled examples state each input for one month (``"2025-03"``). Asked about another month, a
simulation would find no input there and take defaults (no CNIC, not registered, no school), so every
benefit would drop. ``for_period`` re-dates each input given for a single month (or a single year) to the
asked month (or its year), when the situation says nothing for that period; inputs dated for several
periods are kept as they are. Dates of birth (``ETERNITY``) are kept, so ages follow the calendar.
"""

import copy
import re

from openfisca_core import periods

MONTH_KEY = re.compile(r"^\d{4}-\d{2}$")
YEAR_KEY = re.compile(r"^\d{4}$")


def for_period(situation, period):
    """(situation, re-dated input names): a copy with single-period inputs moved to ``period`` (a month)."""
    month = periods.period(str(period))
    if month.unit != periods.MONTH:
        return situation, []
    situation = copy.deepcopy(situation)
    moved = []
    for entities in situation.values():
        if not isinstance(entities, dict):
            continue
        for entity in entities.values():
            if not isinstance(entity, dict):
                continue
            for name, values in entity.items():
                if not isinstance(values, dict) or len(values) != 1:
                    continue
                (key, value), = values.items()
                if MONTH_KEY.match(key) and key != str(month):
                    entity[name] = {str(month): value}
                    moved.append(name)
                elif YEAR_KEY.match(key) and key != str(month.start.year):
                    entity[name] = {str(month.start.year): value}
                    moved.append(name)
    return situation, sorted(set(moved))
