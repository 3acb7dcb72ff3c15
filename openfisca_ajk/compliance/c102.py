"""C102 compliance of a system (today's law, a reform file or an in-memory diff) at a date, on a population.

    result = assess_c102("draft_social_security_act", date="2027-06", size=20_000)
    result.summary        # "Meets Parts II, III, ...; Part V fails: pensionable age 67 > 65 allowed (Art 26(2))"
    result.as_dict()      # every check: verdict, why, figure, minimum, article
"""

from dataclasses import dataclass, field

from openfisca_ajk.compliance.common import acceptance_check, common_checks
from openfisca_ajk.compliance.context import DEFAULT_DATE, DEFAULT_SEED, DEFAULT_SIZE, build_context
from openfisca_ajk.compliance.higher_standards import higher_standards
from openfisca_ajk.compliance.parts import BRANCHES, assess_part
from openfisca_ajk.compliance.reference_wages import reference_wages
from openfisca_ajk.compliance.verdicts import FAILS, MEETS

PARTS = tuple(BRANCHES)


@dataclass
class C102Result:
    reform: str
    date: str
    parts: list
    common: list
    acceptance: object
    wages: object
    notes: list = field(default_factory=list)

    def part(self, name):
        return next(p for p in self.parts if p.part == name)

    def checks(self):
        """Every C102 check by id (Parts, common provisions, Art 2), higher standards excluded."""
        found = {c.id: c for p in self.parts for c in p.checks}
        found.update({c.id: c for c in self.common})
        found[self.acceptance.id] = self.acceptance
        return found

    @property
    def parts_met(self):
        return [p.part for p in self.parts if p.verdict == MEETS]

    @property
    def summary(self):
        return plain_summary(self)

    def as_dict(self):
        return {"reform": self.reform or None, "date": self.date, "summary": self.summary,
                "parts_met": self.parts_met, "acceptance": self.acceptance.as_dict(),
                "reference_wages": self.wages.as_dict(), "parts": [p.as_dict() for p in self.parts],
                "common_provisions": [c.as_dict() for c in self.common], "notes": list(self.notes)}


def plain_summary(result):
    met = result.parts_met
    sentences = [f"Meets Parts {', '.join(met)}" if met else "Meets no Part of C102"]
    absent = [p.part for p in result.parts if [c.id for c in p.failing] == [f"{p.part}.in_force"]]
    if absent:
        sentences.append(f"Part{'s' if len(absent) > 1 else ''} {', '.join(absent)} "
                         f"fail{'' if len(absent) > 1 else 's'}: no benefit in force (the contributory "
                         f"branch{'es are' if len(absent) > 1 else ' is'} off)")
    for part in result.parts:
        if part.verdict == FAILS and part.part not in absent:
            reasons = "; ".join(f"{c.why} ({c.article})" for c in part.failing)
            sentences.append(f"Part {part.part} fails: {reasons}")
        elif part.verdict not in (FAILS, MEETS):
            sentences.append(f"Part {part.part} cannot be determined")
    failing_common = [c for c in result.common if c.verdict == FAILS]
    for check in failing_common:
        sentences.append(f"{check.label} fails: {check.why} ({check.article})")
    acceptance = result.acceptance
    sentences.append(("Article 2 acceptance rule met: " if acceptance.verdict == MEETS
                      else "Article 2 acceptance rule not met: ") + acceptance.why)
    return ". ".join(sentences) + "."


def assess_c102(reform=None, date=DEFAULT_DATE, population=None, size=DEFAULT_SIZE, seed=DEFAULT_SEED,
                context=None):
    context = context or build_context(reform, date, population, size, seed)
    wages = reference_wages(context)
    cache = {}
    parts = []
    for name in PARTS:
        result = assess_part(context, name, wages, cache)
        in_force = bool(context.parameters.ajk.social_security[BRANCHES[name]].in_force)
        if in_force:
            result.higher_standards = higher_standards(context, name, wages, cache)
        parts.append(result)
    common = common_checks(context)
    acceptance = acceptance_check(context, parts, common)
    return C102Result(context.reform, str(context.month), parts, common, acceptance, wages, list(context.notes))
