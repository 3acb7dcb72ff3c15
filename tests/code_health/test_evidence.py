"""Every dated value of today's schemes says what kind of evidence it rests on, and the baseline pays only
what was enacted or reported paid.

``metadata.evidence`` is keyed by the value's date, like ``metadata.reference``:

- ``enacted``: an act, ordinance, rules, notification, gazette or official programme rules;
- ``reported``: official statements or press reports of payments actually made, or of the rule applied;
- ``announced``: a decision, budget speech or order not yet shown to be paid;
- ``assumed``: the package's assumption (``metadata.assumption`` says why);
- ``unknown``: the rule or amount is not published.

Announced and assumed amounts belong in library reforms (``reforms/``), not in the baseline. The one
exception is an amount the baseline keeps but never pays: its leaf names, in ``metadata.paid_only_while``,
the yes/no parameter that keeps it unpaid, and that switch must be off on and after the amount's date.
"""

import pytest
import yaml

from openfisca_ajk.paths import law_folder

PARAMETERS = law_folder("parameters")
TODAY_SCHEMES = ("ajk/zakat", "ajk/public_service", "ajk/social_protection_programme", "ajk/health_card", "pakistan")
LEVELS = {"enacted", "reported", "announced", "assumed", "unknown"}
PAID_IN_BASELINE = {"enacted", "reported"}
NODE_KEYS = {"description", "metadata", "documentation", "reference", "unit", "label"}


def _leaves(node, path, inherited):
    metadata = {**inherited, **(node.get("metadata") or {})} if isinstance(node, dict) else inherited
    if isinstance(node, dict) and ("values" in node or "brackets" in node):
        yield path, node, metadata
        return
    if isinstance(node, dict):
        for key, child in node.items():
            if key not in NODE_KEYS:
                yield from _leaves(child, [*path, str(key)], metadata)


def _value_dates(node):
    if "values" in node:
        return {str(date): (entry.get("value") if isinstance(entry, dict) else entry)
                for date, entry in (node["values"] or {}).items()}
    dates = {}
    for bracket in node.get("brackets") or []:
        for key in ("threshold", "amount", "rate"):
            for date, entry in (bracket.get(key) or {}).items():
                dates[str(date)] = entry.get("value") if isinstance(entry, dict) else entry
    return dates


def today_leaves():
    for root in TODAY_SCHEMES:
        for file in sorted((PARAMETERS / root).rglob("*.yaml")):
            if file.name == "index.yaml":
                continue
            document = yaml.safe_load(file.read_text(encoding="utf-8"))
            for path, node, metadata in _leaves(document, [], {}):
                name = ".".join([*file.relative_to(PARAMETERS).with_suffix("").parts, *path])
                yield name, node, metadata


LEAVES = list(today_leaves())


def evidence_problems(name, node, metadata):
    evidence = metadata.get("evidence")
    if not isinstance(evidence, dict):
        return [f"{name}: no metadata.evidence keyed by date"]
    evidence = {str(date): level for date, level in evidence.items()}
    problems = [f"{name}: evidence of {date} is {level!r}, not one of {sorted(LEVELS)}"
                for date, level in evidence.items() if level not in LEVELS]
    problems += [f"{name}: the value of {date} has no evidence level" for date in _value_dates(node) if date not in evidence]
    if "assumed" in evidence.values() and not metadata.get("assumption"):
        problems.append(f"{name}: an assumed value needs metadata.assumption saying why")
    return problems


def test_there_are_leaves_of_todays_schemes():
    assert len(LEAVES) > 50


@pytest.mark.parametrize(("name", "node", "metadata"), LEAVES, ids=[leaf[0] for leaf in LEAVES])
def test_every_value_has_an_evidence_level(name, node, metadata):
    assert evidence_problems(name, node, metadata) == []


def test_a_value_without_evidence_is_caught():
    node = {"values": {"2020-01-01": {"value": 1}, "2021-01-01": {"value": 2}}}
    problems = evidence_problems("x", node, {"evidence": {"2020-01-01": "reported", "2021-01-01": "rumoured"}})
    assert problems == ["x: evidence of 2021-01-01 is 'rumoured', not one of "
                        "['announced', 'assumed', 'enacted', 'reported', 'unknown']"]
    assert evidence_problems("x", node, {}) == ["x: no metadata.evidence keyed by date"]


def _switch_is_off_from(tax_benefit_system, switch, start):
    parameter = tax_benefit_system.parameters
    for part in switch.split("."):
        parameter = parameter.children[part]
    later = [item for item in parameter.values_list if item.instant_str >= start]
    in_force_at_start = parameter(start)
    return not in_force_at_start and not any(item.value for item in later)


def unpaid_amount_problems(tax_benefit_system, name, node, metadata):
    evidence = {str(date): level for date, level in (metadata.get("evidence") or {}).items()}
    is_amount = str(metadata.get("unit", "")).startswith("currency") or str(metadata.get("amount_unit", "")).startswith("currency")
    problems = []
    for date, level in sorted(evidence.items()):
        if level in PAID_IN_BASELINE or level == "unknown":
            continue
        if level == "assumed" and not is_amount:
            continue  # an assumed structural rule (an age, a duration, a switch) is allowed, with its reason
        switch = metadata.get("paid_only_while")
        if switch and _switch_is_off_from(tax_benefit_system, switch, date):
            continue
        problems.append(f"{name}: the baseline uses a value {level} on {date}; move it to a library reform")
    return problems


def test_the_baseline_pays_only_enacted_or_reported_amounts(tax_benefit_system):
    problems = [problem for name, node, metadata in LEAVES
                for problem in unpaid_amount_problems(tax_benefit_system, name, node, metadata)]
    assert problems == []


def test_an_announced_amount_in_the_baseline_is_caught(tax_benefit_system):
    metadata = {"unit": "currency-PKR", "evidence": {"2021-12-01": "announced"}}
    assert unpaid_amount_problems(tax_benefit_system, "x", {}, metadata) == [
        "x: the baseline uses a value announced on 2021-12-01; move it to a library reform"]
    kept_unpaid = {**metadata, "paid_only_while": "ajk.social_protection_programme.payments_started"}
    assert unpaid_amount_problems(tax_benefit_system, "x", {}, kept_unpaid) == []

