"""A design diff flows through the valuation; parallel and Dask runs equal the serial run."""

import json

import pytest

from openfisca_ajk.actuarial import value_system
from openfisca_ajk.actuarial.valuation import ValuationTask, valuation_task
from openfisca_ajk.projection import run_tasks
from openfisca_ajk.engine.law import apply_changes

from .conftest import START

HORIZON = 45


def test_higher_accrual_raises_the_payg_cost_rate(draft, population):
    higher = apply_changes(draft, {"ajk.social_security.old_age.accrual_rate": {"2027-01-01": 0.02}})
    _, base, _ = value_system(draft, population, START, HORIZON)
    _, more, _ = value_system(higher, population, START, HORIZON)
    assert base.series["payg_cost_rate"][-1] > 0
    assert more.series["payg_cost_rate"][-1] > base.series["payg_cost_rate"][-1] * 1.05
    assert more.series["contributions"][-1] == pytest.approx(base.series["contributions"][-1])


def test_higher_contribution_rate_is_read_from_the_design(draft, population):
    higher = apply_changes(draft, {"ajk.social_security.old_age.employer_contribution_rate": {"2027-01-01": 0.05}})
    inputs, _, _ = value_system(higher, population, START, 5)
    assert inputs.design.contribution_rate[0] == pytest.approx(0.015 + 0.05 + 0.005 + 0.005)


TASKS = [ValuationTask("draft_social_security_act", 30, "central", (), size=0.001),
         ValuationTask("draft_social_security_act", 30, "interest_plus", (("interest_shift", 0.01),), size=0.001)]


def test_process_pool_equals_serial():
    serial = run_tasks(valuation_task, TASKS, backend="serial")
    parallel = run_tasks(valuation_task, TASKS, backend="process", workers=2)
    assert same(parallel, serial)


def test_dask_local_cluster_equals_serial():
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed (optional: pip install 'dask[distributed]>=2024.1')")
    serial = run_tasks(valuation_task, TASKS, backend="serial")
    distributed = run_tasks(valuation_task, TASKS, backend="dask", workers=2)
    assert same(distributed, serial)


def same(first, second):
    """Equal results, NaN included (JSON text of both, exact floats)."""
    return json.dumps(first, sort_keys=True, default=float) == json.dumps(second, sort_keys=True, default=float)
