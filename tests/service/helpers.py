"""Shared helpers of the service tests: the documented example application and scheme look-up."""

import copy
import json

from openfisca_ajk.paths import law_folder

EXAMPLES = law_folder("situation_examples") / "applications"


def example(name="kafaalat_household"):
    with (EXAMPLES / f"{name}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def scheme(result, name):
    return next(item for item in result["schemes"] if item["scheme"] == name)


def without(application, where, field):
    """A copy of ``application`` without ``field`` in ``household`` or in the person with id ``where``."""
    changed = copy.deepcopy(application)
    holder = changed["household"] if where == "household" else next(p for p in changed["persons"] if p["id"] == where)
    del holder[field]
    return changed
