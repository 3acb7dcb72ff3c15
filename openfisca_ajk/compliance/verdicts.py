"""Verdicts of the compliance checks and how a Part's verdict follows from its checks.

A check is ``meets``, ``fails``, ``not_applicable`` or ``cannot_determine``, always with the reason
(``why``), the computed figure, the minimum and the article. A ``computed`` check is decided by the
rules and the population; a ``text`` check needs the text of the law (the benefit package, appeal
rights...) and is listed for the drafter to verify without deciding the Part.
"""

from dataclasses import asdict, dataclass, field

MEETS, FAILS, NOT_APPLICABLE, CANNOT_DETERMINE = "meets", "fails", "not_applicable", "cannot_determine"
VERDICTS = (MEETS, FAILS, NOT_APPLICABLE, CANNOT_DETERMINE)
COMPUTED, TEXT = "computed", "text"


@dataclass
class Check:
    id: str                 # "III.waiting_days": Part and check, stable across designs
    label: str
    article: str
    verdict: str
    why: str
    figure: object = None
    minimum: object = None
    unit: str = ""
    kind: str = COMPUTED
    parameters: tuple = ()  # design or ILO parameters the check read
    details: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.verdict not in VERDICTS:
            raise ValueError(f"check {self.id}: verdict {self.verdict!r} is not one of {VERDICTS}")

    def as_dict(self):
        data = asdict(self)
        data["parameters"] = list(self.parameters)
        return data


def at_most(check_id, label, article, figure, maximum, unit, why_pass, why_fail, **extra):
    """A check that ``figure <= maximum``."""
    ok = figure <= maximum
    return Check(check_id, label, article, MEETS if ok else FAILS, why_pass if ok else why_fail,
                 figure, maximum, unit, **extra)


def at_least(check_id, label, article, figure, minimum, unit, why_pass, why_fail, **extra):
    """A check that ``figure >= minimum``."""
    ok = figure >= minimum
    return Check(check_id, label, article, MEETS if ok else FAILS, why_pass if ok else why_fail,
                 figure, minimum, unit, **extra)


def part_verdict(checks):
    """``fails`` if a computed check fails, ``cannot_determine`` if one cannot be determined, else ``meets``."""
    computed = [c for c in checks if c.kind == COMPUTED]
    if any(c.verdict == FAILS for c in computed):
        return FAILS
    if any(c.verdict == CANNOT_DETERMINE for c in computed):
        return CANNOT_DETERMINE
    if not any(c.verdict == MEETS for c in computed):
        return CANNOT_DETERMINE
    return MEETS


@dataclass
class PartResult:
    part: str
    title: str
    verdict: str
    checks: list
    higher_standards: list = field(default_factory=list)
    schemes: list = field(default_factory=list)
    note: str = ""

    @property
    def failing(self):
        return [c for c in self.checks if c.kind == COMPUTED and c.verdict == FAILS]

    @property
    def to_verify(self):
        return [c for c in self.checks if c.kind == TEXT]

    def as_dict(self):
        return {"part": self.part, "title": self.title, "verdict": self.verdict, "note": self.note,
                "schemes": list(self.schemes), "checks": [c.as_dict() for c in self.checks],
                "higher_standards": [c.as_dict() for c in self.higher_standards]}
