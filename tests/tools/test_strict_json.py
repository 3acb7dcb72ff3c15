"""Strict JSON: NaN and infinities are refused with their place."""

import json

import numpy
import pytest

from openfisca_ajk.tools.strict_json import NonFiniteValueError, dumps


def test_finite_data_is_written_as_json_does():
    data = {"a": [1, 2.5, None, "x"], "b": {"c": True}}
    assert dumps(data, indent=1) == json.dumps(data, indent=1)


@pytest.mark.parametrize(("value", "text"), [(float("nan"), "NaN"), (float("inf"), "inf"), (-float("inf"), "-inf")])
def test_a_non_finite_number_is_refused_with_its_place(value, text):
    data = {"schemes": [{"annual_cost_pkr": 1.0}, {"scheme": "x", "annual_cost_pkr": value}]}
    with pytest.raises(NonFiniteValueError, match=r"main.json: schemes\[1\].annual_cost_pkr is not a finite number"):
        dumps(data, what="main.json")


def test_numpy_values_through_default_are_checked_too():
    with pytest.raises(NonFiniteValueError, match=r"totals.cost is not a finite"):
        dumps({"totals": {"cost": numpy.float32("nan")}}, default=float)
    assert dumps({"totals": {"cost": numpy.float32(2.5)}}, default=float) == '{"totals": {"cost": 2.5}}'
