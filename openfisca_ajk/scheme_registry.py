"""The registry of schemes: what each scheme is, in law and in code.

Each scheme is described by one YAML file in ``openfisca_ajk/schemes/``. The
registry is read by the one-window service (conditions and deciding inputs),
the compliance checks (C102 Parts, R202 guarantees) and the population reports
(outputs, entities). ``load_schemes`` validates every file and names the file
and field of any problem.

What a scheme is for the tools is answered here, once: ``Scheme.is_cash`` (a cash
benefit, costed as cash), ``Scheme.is_in_kind``, ``Scheme.targets`` (the variables a
population run computes for it) and ``Scheme.decision_variables`` (the variables that
explain an application's decision). No tool tests ``periodicity`` or ``kind`` strings
itself. Which outputs enter the household totals is law, not registry metadata: the
lists ``parameters/household/totals/*`` name them.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from openfisca_ajk.paths import PACKAGE_DIR

SCHEMES_DIR = PACKAGE_DIR / "schemes"

KINDS = {"social_assistance", "social_insurance", "public_service", "health_insurance"}
STATUSES = {"in_force", "draft"}
ENTITIES = {"person", "household"}
IN_KIND = "in_kind"
PERIODICITIES = {"monthly", "quarterly", "annual", "one_off", IN_KIND}
# A health insurance entitlement is cover, not cash, whatever its periodicity.
NON_CASH_KINDS = frozenset({"health_insurance"})
# Financed by contributions or by the employer (the public servants' pensions): not social assistance.
CONTRIBUTORY_KINDS = frozenset({"social_insurance", "public_service"})
C102_PARTS = {"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
R202_GUARANTEES = {"health_care", "children", "active_age", "older_persons"}
EVIDENCE_LEVELS = ("enacted", "reported", "announced", "assumed", "unknown")
#: ``evidence.amount`` may also be ``not_applicable``: an eligibility-only entry (a service that admits people).
AMOUNT_EVIDENCE_LEVELS = (*EVIDENCE_LEVELS, "not_applicable")
AJK_BUDGET, FEDERAL_BUDGET, CONTRIBUTORY_FUND = "ajk", "federal", "contributory_fund"
BUDGETS = (AJK_BUDGET, FEDERAL_BUDGET, CONTRIBUTORY_FUND)
#: what a table prints instead of a share of the AJK budget for a scheme the AJK budget does not pay
NOT_IN_AJK_BUDGET = {FEDERAL_BUDGET: "federal", CONTRIBUTORY_FUND: "fund"}
REQUIRED = ("name", "label", "kind", "provider", "legal_instrument", "status", "entity", "output",
            "eligible", "periodicity", "contingencies", "c102_parts", "r202_guarantees", "conditions",
            "deciding_inputs")


class SchemeRegistryError(ValueError):
    """A scheme file is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Condition:
    variable: str
    negate: bool = False
    person_conditions: tuple = ()


@dataclass(frozen=True)
class Scheme:
    name: str
    label: str
    kind: str
    provider: str
    legal_instrument: dict
    status: str
    entity: str
    output: str
    eligible: str
    periodicity: str
    contingencies: tuple
    c102_parts: tuple
    r202_guarantees: tuple
    conditions: tuple
    deciding_inputs: tuple
    instalment: str | None = None
    notes: str = ""
    #: the kind of evidence the scheme's rules rest on: {"eligibility": level, "amount": level}. An amount
    #: ``unknown`` (not published) or ``announced`` (not shown paid) is not an amount the applicant can be told:
    #: the service answers "undetermined: rule not published". Default: both from the dated parameters.
    evidence: tuple = (("eligibility", "reported"), ("amount", "reported"))
    #: the first month the package models the scheme (``YYYY-MM-DD``); before it the answer is "not modelled".
    modelled_from: str | None = None
    #: who pays the scheme: ``ajk`` (the AJK budget), ``federal`` (the federal budget: BISP, Pakistan Bait-ul-Mal)
    #: or ``contributory_fund`` (the draft scheme's fund). Only ``ajk`` schemes are shown as a share of the AJK budget.
    budget: str = "ajk"
    source_file: str = field(default="", compare=False)

    @property
    def is_in_kind(self) -> bool:
        """Provided in kind (a service or a cover): its output is a value, not a payment."""
        return self.periodicity == IN_KIND

    @property
    def is_cash(self) -> bool:
        """A cash benefit: neither in kind nor health insurance. Only cash is costed and counted as income."""
        return not self.is_in_kind and self.kind not in NON_CASH_KINDS

    @property
    def in_ajk_budget(self) -> bool:
        """Paid from the AJK budget (not the federal budget, not a contributory fund)."""
        return self.budget == AJK_BUDGET

    @property
    def is_social_assistance(self) -> bool:
        """Tax-financed assistance (BISP, Bait-ul-Mal, Zakat, AJK programmes, the proposals)."""
        return self.kind == "social_assistance"

    @property
    def is_contributory(self) -> bool:
        """A contributory scheme or a public servants' scheme (social insurance and public service)."""
        return self.kind in CONTRIBUTORY_KINDS

    @property
    def targets(self) -> tuple:
        """The variables a population run computes for the scheme: its output, and its eligibility when in
        kind (an in-kind entitlement is received by the eligible even when its value is zero)."""
        return (self.output, self.eligible) if self.is_in_kind else (self.output,)

    @property
    def decision_variables(self) -> tuple:
        """The variables that explain an application's decision: output, eligibility, instalment and every
        condition (nested person conditions included), in that order."""
        names = [self.output, self.eligible, *([self.instalment] if self.instalment else [])]
        stack = list(reversed(self.conditions))
        while stack:
            condition = stack.pop()
            names.append(condition.variable)
            stack.extend(reversed(condition.person_conditions))
        return tuple(names)


def _fail(path, field_name, problem):
    raise SchemeRegistryError(f"{path.name}: field '{field_name}': {problem}")


def _condition(path, raw, where):
    if isinstance(raw, str):
        raw = {"variable": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("variable"), str):
        _fail(path, where, "each condition needs a 'variable' name")
    unknown = set(raw) - {"variable", "negate", "person_conditions"}
    if unknown:
        _fail(path, where, f"unknown keys {sorted(unknown)}")
    nested = tuple(_condition(path, item, f"{where}.person_conditions") for item in raw.get("person_conditions", []))
    return Condition(raw["variable"], bool(raw.get("negate", False)), nested)


def parse_scheme(path: Path) -> Scheme:
    try:
        with path.open(encoding="utf-8") as handle:
            raw = yaml.safe_load(handle)
    except yaml.YAMLError as error:
        raise SchemeRegistryError(f"{path.name}: not valid YAML: {error}") from error
    if not isinstance(raw, dict):
        _fail(path, "(file)", "must be a mapping")
    for key in REQUIRED:
        if key not in raw:
            _fail(path, key, "is missing")
    unknown = set(raw) - set(REQUIRED) - {"instalment", "notes", "evidence", "modelled_from", "budget"}
    if unknown:
        _fail(path, sorted(unknown)[0], "is not a scheme field")
    checks = (("kind", KINDS), ("status", STATUSES), ("entity", ENTITIES), ("periodicity", PERIODICITIES))
    for key, allowed in checks:
        if raw[key] not in allowed:
            _fail(path, key, f"{raw[key]!r} is not one of {sorted(allowed)}")
    for key, allowed in (("c102_parts", C102_PARTS), ("r202_guarantees", R202_GUARANTEES)):
        values = raw[key] or []
        bad = [v for v in values if v not in allowed]
        if bad:
            _fail(path, key, f"{bad} not in {sorted(allowed)}")
    instrument = raw["legal_instrument"]
    if not isinstance(instrument, dict) or not instrument.get("title") or not instrument.get("href"):
        _fail(path, "legal_instrument", "needs a title and an href")
    evidence = raw.get("evidence", {"eligibility": "reported", "amount": "reported"})
    if not isinstance(evidence, dict) or set(evidence) != {"eligibility", "amount"}:
        _fail(path, "evidence", "must give 'eligibility' and 'amount' levels")
    if evidence["eligibility"] not in EVIDENCE_LEVELS:
        _fail(path, "evidence", f"eligibility {evidence['eligibility']!r} is not one of {list(EVIDENCE_LEVELS)}")
    if evidence["amount"] not in AMOUNT_EVIDENCE_LEVELS:
        _fail(path, "evidence", f"amount {evidence['amount']!r} is not one of {list(AMOUNT_EVIDENCE_LEVELS)}")
    budget = raw.get("budget", CONTRIBUTORY_FUND if raw["kind"] == "social_insurance" else AJK_BUDGET)
    if budget not in BUDGETS:
        _fail(path, "budget", f"{budget!r} is not one of {list(BUDGETS)}")
    modelled_from = raw.get("modelled_from")
    if modelled_from is not None:
        modelled_from = str(modelled_from)
    if raw["name"] != path.stem:
        _fail(path, "name", f"must equal the file name '{path.stem}'")
    return Scheme(
        name=raw["name"], label=raw["label"], kind=raw["kind"], provider=raw["provider"],
        legal_instrument=dict(instrument), status=raw["status"], entity=raw["entity"],
        output=raw["output"], eligible=raw["eligible"], periodicity=raw["periodicity"],
        contingencies=tuple(raw["contingencies"] or ()), c102_parts=tuple(raw["c102_parts"] or ()),
        r202_guarantees=tuple(raw["r202_guarantees"] or ()),
        conditions=tuple(_condition(path, c, "conditions") for c in raw["conditions"] or ()),
        deciding_inputs=tuple(raw["deciding_inputs"] or ()), instalment=raw.get("instalment"),
        notes=raw.get("notes", ""), source_file=str(path),
        evidence=(("eligibility", evidence["eligibility"]), ("amount", evidence["amount"])),
        modelled_from=modelled_from, budget=budget,
    )


@lru_cache(maxsize=1)
def load_schemes() -> tuple:
    """All schemes, sorted by name."""
    return tuple(parse_scheme(path) for path in sorted(SCHEMES_DIR.glob("*.yaml")))


def amount_published(scheme: Scheme) -> bool:
    """Whether the applicant can be told an amount: its rule is enacted or reported (or it has none to tell)."""
    return dict(scheme.evidence)["amount"] in {"enacted", "reported", "not_applicable"}


def get_scheme(name: str) -> Scheme:
    for scheme in load_schemes():
        if scheme.name == name:
            return scheme
    known = ", ".join(s.name for s in load_schemes())
    raise KeyError(f"unknown scheme '{name}'; known schemes: {known}")
