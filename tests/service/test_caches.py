"""The caches of the service give the results computed without them.

* Shape plans (``evaluation._PLAN_CACHE``): the missing slots, designs and variant overrides of an
  application depend on the system, the month, the analyses and which inputs are given, not on the
  values; a cold, a warm and a disabled cache give the same results, and a reform or another month
  gets its own entries.
* The application hash is written from per-key-set templates (``Application.digest`` and
  ``digests`` for a batch) and equals the ``json.dumps`` reference.
* The builder stores an input directly when ``set_input`` would only store it (``builder._direct``).
"""

import copy
import gc
import math
import random
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime

import pytest

from openfisca_ajk.service import evaluate, evaluate_batch, evaluation, builder
from openfisca_ajk.service.application import Application, Person, digests
from openfisca_ajk.service.builder import _columns
from openfisca_ajk.service.intake import load_application
from tests.service.helpers import example, without


def sparse(month="2025-03"):
    return {"date": month, "household": {"pmt_score": 20},
            "persons": [{"id": "a", "role": "head", "sex": "female", "marital_status": "widowed", "has_cnic": True,
                         "date_of_birth": "1975-05-05"},
                        {"id": "b", "role": "child", "sex": "male", "age": 9}]}


def thinned(seed, count):
    generator = random.Random(seed)
    result = []
    for _ in range(count):
        application = example()
        for _ in range(generator.randint(1, 8)):
            holder = generator.choice(application["persons"] + [application["household"]])
            keys = sorted(k for k in holder if k not in ("id", "role"))
            if keys:
                del holder[generator.choice(keys)]
        result.append(application)
    return result


def applications():
    return [example(), example("widow_missing_inputs"), sparse(), without(example(), "shazia", "has_cnic"),
            *thinned(17, 5)]


def undated(application):
    changed = copy.deepcopy(application)
    changed.pop("date", None)
    return changed


def evaluate_all(raws, month="2025-03", reform=None):
    return [evaluate(undated(raw), month, reform) for raw in raws]


@pytest.fixture
def cold_cache():
    evaluation.clear_plan_cache()
    yield
    evaluation.clear_plan_cache()


def test_cold_warm_and_disabled_caches_give_the_same_results(cold_cache, monkeypatch):
    raws = applications()
    cold = evaluate_all(raws)
    assert len(evaluation._PLAN_CACHE) > 0
    warm = evaluate_all(raws)
    batch_warm = evaluate_batch([undated(raw) for raw in raws], "2025-03", detail=True)
    monkeypatch.setattr(evaluation, "PLAN_CACHE_SIZE", 0)
    evaluation.clear_plan_cache()
    disabled = evaluate_all(raws)
    assert len(evaluation._PLAN_CACHE) == 0
    assert cold == warm == disabled == batch_warm


def test_the_cached_plans_equal_plans_built_without_the_cache(cold_cache):
    raws = [undated(raw) for raw in applications()]
    apps = [load_application(raw, "2025-03")[0] for raw in raws]
    system = load_application(raws[0], "2025-03")[1]
    analyses = [evaluation.analyse(system, "2025-03")[s.name] for s in evaluation.load_schemes()]
    start = date(2025, 3, 1)
    for detail in (False, True):
        reference = evaluation._plans(system, apps, analyses, start, detail, True, cached=False)
        for _ in range(2):                                   # cold, then warm
            found = evaluation._plans(system, apps, analyses, start, detail, True)
            assert comparable(found[0]) == comparable(reference[0])
            assert found[2] == reference[2] and found[3] == reference[3]
            assert [(o.person, o.variable, o.values, o.rows.tolist()) for o in found[1]] == \
                [(o.person, o.variable, o.values, o.rows.tolist()) for o in reference[1]]


def comparable(plans):
    def one(plan):
        if plan is None:
            return None
        design = plan.design
        return (plan.application, plan.analysis.scheme.name, plan.start, plan.stop, plan.settled, design.slots,
                design.matrix.tolist(), design.exhaustive, design.condition_blocks)
    return [None if app_plans is None else [one(plan) for plan in app_plans] for app_plans in plans]


@pytest.mark.parametrize("month, reform", [("2024-07", None), ("2027-03", "draft_social_security_act"),
                                           ("2025-03", "kafaalat_14500"), ("2025-03", "universal_old_age_pension")])
def test_a_reform_or_another_month_gets_its_own_entries(cold_cache, month, reform):
    raws = applications()
    alone = evaluate_all(raws, month, reform)                # only this system and month in the cache
    evaluation.clear_plan_cache()
    evaluate_all(raws)                                       # warm with the baseline in 2025-03 first
    before = set(evaluation._PLAN_CACHE)
    assert evaluate_all(raws, month, reform) == alone
    added = set(evaluation._PLAN_CACHE) - before
    assert added and all(key[1] == month for key in added)
    if reform is not None:
        assert {key[0] for key in added}.isdisjoint({key[0] for key in before})


def test_an_analysis_replaced_in_place_is_not_served_from_the_cache(cold_cache, monkeypatch):
    application = without(example(), "shazia", "has_cnic")
    plain = evaluate_batch([application], "2025-03")
    system, analyses = evaluation.get_system(), evaluation.analyse(evaluation.get_system(), "2025-03")
    kafaalat = analyses["bisp_kafaalat"]
    wrong = type(kafaalat)(kafaalat.scheme, kafaalat.inputs, kafaalat.parameters, kafaalat.condition_inputs,
                           "bisp_kafaalat_pmt_condition")
    monkeypatch.setitem(analyses, "bisp_kafaalat", wrong)
    settles = []
    original = evaluation._evaluate
    monkeypatch.setattr(evaluation, "_evaluate",
                        lambda *a, **k: (settles.append(k.get("settle", True)), original(*a, **k))[1])
    assert evaluate_batch([application], "2025-03") == plain
    assert settles == [True, False]                          # the replaced analysis was used (settled, then checked)
    assert system is evaluation.get_system()


def test_the_cache_is_bounded(cold_cache, monkeypatch):
    monkeypatch.setattr(evaluation, "PLAN_CACHE_SIZE", 3)
    raws = thinned(3, 8)
    expected = evaluate_all(raws)
    assert len(evaluation._PLAN_CACHE) <= 3
    assert evaluate_all(raws) == expected


def test_concurrent_callers_on_a_cold_cache_get_identical_results(cold_cache):
    raws = [undated(raw) for raw in applications() * 3]
    sequential = [evaluate(raw, "2025-03") for raw in raws]
    evaluation.clear_plan_cache()
    with ThreadPoolExecutor(max_workers=8) as pool:
        concurrent = list(pool.map(lambda raw: evaluate(raw, "2025-03"), raws))
    assert concurrent == sequential


def odd_applications():
    return [
        Application("2025-03", "r\u00e9f%", 'x"y', "h%s", "household",
                    {"b%": math.nan, "a": math.inf, "c": -0.0, "d": 1e300, "e": 5, "f": True, "g": None,
                     "h": date(2020, 1, 2), "i": datetime(2020, 1, 2, 3), "j": "\u00e9\n"},
                    (Person("p", "head", "persons[0]", {}), Person("q", "child", "persons[1]", {"z": 1.5, "y": False}))),
        Application("2025-03", None, None, "h", "household",
                    {"b%": -math.inf, "a": 0.0, "c": -0.0, "d": 1e300, "e": True, "f": 1, "g": "x",
                     "h": date(2020, 1, 2), "i": date(2021, 1, 2), "j": 1.0},
                    (Person("p", "head", "persons[0]", {"a": 1}),)),
        Application("2025-03", None, None, "h", "household",
                    {"b%": 2.0, "a": -0.0, "c": 0.0, "d": 1e-300, "e": 1, "f": True, "g": "y",
                     "h": datetime(2020, 1, 2), "i": "x", "j": 1},
                    (Person("p", "head", "persons[0]", {"a": True}),)),
    ]


def test_the_hash_written_from_templates_equals_the_json_dumps_reference():
    apps = [load_application(undated(raw), "2025-03")[0] for raw in applications()]
    apps += odd_applications() * 2
    reference = [app.reference_digest() for app in apps]
    assert [app.digest() for app in apps] == reference
    assert digests(apps) == reference
    assert digests(list(reversed(apps))) == list(reversed(reference))


def test_batch_hashes_equal_single_hashes():
    raws = [undated(raw) for raw in applications()]
    batch = evaluate_batch(copy.deepcopy(raws), "2025-03")
    assert [r["application_hash"] for r in batch] == [evaluate(raw, "2025-03")["application_hash"] for raw in raws]


def test_grouped_columns_equal_the_plain_columns():
    holders = [{"a": 1, "b": 2}, {}, {"b": 3, "a": 4}, {"a": 5}, {"a": 6, "b": 7}, {"c": None}]
    plain = {}
    for position, inputs in enumerate(holders):
        for name, value in inputs.items():
            plain.setdefault(name, ([], []))
            plain[name][0].append(position)
            plain[name][1].append(value)
    grouped = _columns(holders)
    assert grouped.keys() == plain.keys()
    for name, (positions, values) in grouped.items():
        assert sorted(zip(positions, values)) == sorted(zip(*plain[name]))


def test_inputs_stored_directly_equal_set_input(monkeypatch):
    raws = [undated(raw) for raw in applications()]
    direct = [evaluate(raw, "2025-03") for raw in raws] + [evaluate_batch(copy.deepcopy(raws), "2025-03")]
    monkeypatch.setattr(builder, "_direct", lambda variable: False)
    assert [evaluate(raw, "2025-03") for raw in raws] + [evaluate_batch(copy.deepcopy(raws), "2025-03")] == direct


def test_the_collector_runs_again_after_a_batch():
    assert gc.isenabled()
    evaluate_batch([undated(example()) for _ in range(5)], "2025-03")
    assert gc.isenabled()

    class Cycle:
        pass
    first, second = Cycle(), Cycle()
    first.other, second.other = second, first
    del first, second
    assert gc.collect() >= 2
