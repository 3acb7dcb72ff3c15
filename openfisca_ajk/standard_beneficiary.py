"""C102's standard beneficiaries: the replacement rate a design gives, measured by its own rules.

For each Part of ILO Convention No. 102 with a percentage in the Schedule to Part XI, this module
builds the standard beneficiary's household (Part III/IV/VI/IX: a man with his wife and two
children; Part V: a man with a wife of pensionable age; Part VIII: a woman; Part X and Part VI
survivors: a widow with two children), gives the breadwinner the reference wage and a qualifying
career, puts the household in the contingency, and computes with the tax-benefit system (today's
law or a reform):

    replacement = (benefit + family allowances paid during the contingency)
                  / (previous earnings + family allowances of the same family at work)     (Art 65(1))

and compares it with the Schedule minimum. Part VII has no Schedule percentage: the family benefit
per child is compared with 3 % of the ordinary labourer's wage (Art 44(a)), the minimum wage standing
in for that wage.

The contingency month is a steady month: the second month of a case of sickness, unemployment or
work-injury incapacity (so the waiting days have passed), the first month of maternity leave, a
month in which the old-age pensioner, the invalid or the widow is entitled. Children are 8 and 5,
the wife is 38 and not working, the breadwinner 40; these ages only place the family in the rules.
"""

from dataclasses import dataclass, field

from openfisca_core.simulations import SimulationBuilder

from openfisca_ajk.engine.law import law
from openfisca_ajk.tools.dates import MONTHS_PER_YEAR

PARTS = ("III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
BREADWINNER_AGE = 40
WIFE_AGE = 38
WOMAN_AGE = 28
CHILD_AGES = (8, 5)
ESTABLISHMENT_SIZE = 50
# A career long enough for any short-term branch's qualifying period (C102 Part IX's full period).
SHORT_TERM_CAREER_PARAMETER = "invalidity.full_qualifying_years"


@dataclass(frozen=True)
class Case:
    part: str
    name: str
    schedule: str            # leaf of ilo.c102.schedule (or "" for Part VII)
    family: str              # leaf of ilo.c102.standard_beneficiary
    benefit: str             # variable summed over the household
    career: str              # leaf of ilo.c102 giving the years of contribution
    contingency: str         # how build_situation places the household


CASES = (
    Case("III", "sickness", "sickness", "sickness", "ss_sickness_benefit", SHORT_TERM_CAREER_PARAMETER, "sick"),
    Case("IV", "unemployment", "unemployment", "unemployment", "ss_unemployment_benefit",
         SHORT_TERM_CAREER_PARAMETER, "unemployed"),
    Case("V", "old age", "old_age", "old_age", "ss_old_age_pension", "old_age.full_qualifying_years", "retired"),
    Case("VI", "employment injury: incapacity for work", "employment_injury_incapacity", "employment_injury",
         "ss_employment_injury_benefit", SHORT_TERM_CAREER_PARAMETER, "injured"),
    Case("VI", "employment injury: total loss of earning capacity", "employment_injury_invalidity",
         "employment_injury", "ss_employment_injury_benefit", SHORT_TERM_CAREER_PARAMETER, "injured_permanently"),
    Case("VI", "employment injury: survivors", "employment_injury_survivors", "employment_injury_survivors",
         "ss_employment_injury_benefit", SHORT_TERM_CAREER_PARAMETER, "widowed_by_work_injury"),
    Case("VII", "family benefit (per child, Art 44)", "", "sickness", "ss_family_benefit",
         SHORT_TERM_CAREER_PARAMETER, "working"),
    Case("VIII", "maternity", "maternity", "maternity", "ss_maternity_benefit", SHORT_TERM_CAREER_PARAMETER,
         "confined"),
    Case("IX", "invalidity", "invalidity", "invalidity", "ss_invalidity_pension", "invalidity.full_qualifying_years",
         "invalid"),
    Case("X", "survivors", "survivors", "survivors", "ss_survivors_pension", "survivors.full_qualifying_years",
         "widowed"),
)


# The same family at work, for the family allowances of the denominator (Art 65(1)).
WORKING_TWIN = {"old_age": "working_couple", "maternity": "working_woman"}


@dataclass
class Result:
    part: str
    case: str
    standard_beneficiary: str
    period: str
    previous_earnings: float
    contribution_years: int
    benefit: float
    family_allowance_in_contingency: float
    family_allowance_at_work: float
    replacement_rate: float
    schedule_minimum: float
    passed: bool
    notes: list = field(default_factory=list)

    def as_dict(self):
        return dict(self.__dict__)


def _minimum_wage(system, period, minimum_wage):
    if minimum_wage is not None:
        return float(minimum_wage)
    try:
        return float(system.parameters(period.start).macro.minimum_wage.applicable)
    except Exception as error:  # the parameter is written by another part of the package
        raise ValueError(f"no minimum wage for {period}: give minimum_wage (--minimum-wage) ({error})") from None


def _birth(period, age):
    return f"{period.start.year - age}-01-01"


def _person(period, month, **inputs):
    person = {}
    for name, value in inputs.items():
        if name in ("date_of_birth", "sex"):
            person[name] = {"ETERNITY": value}
        else:
            person[name] = {month: value}
    return person


def build_situation(case, period, wage, minimum_wage, months, pensionable_ages, days):
    """The standard beneficiary's household in ``case.contingency`` (``working``: the same family at work)."""
    month = str(period)
    common = {"ss_minimum_wage": minimum_wage}
    contingency = case.contingency
    children = {
        f"child_{index}": _person(period, month, date_of_birth=_birth(period, age), sex="male", **common)
        for index, age in enumerate(CHILD_AGES, start=1)
    }
    if contingency in ("widowed", "widowed_by_work_injury"):
        widow = _person(period, month, date_of_birth=_birth(period, WIFE_AGE), sex="female",
                        marital_status="widowed", employment_status="not_in_labour_force", **common)
        household = {
            "heads": ["widow"], "children": list(children),
            "ss_deceased_insured_person": {month: True},
            "ss_deceased_reference_wage": {month: wage},
            "ss_deceased_contribution_months": {month: months},
            "ss_deceased_death_from_work_injury": {month: contingency == "widowed_by_work_injury"},
        }
        return {"persons": {"widow": widow, **children}, "households": {"household": household}}
    if contingency in ("confined", "working_woman"):
        confined = contingency == "confined"
        woman = _person(period, month, date_of_birth=_birth(period, WOMAN_AGE), sex="female",
                        marital_status="never_married", employment_status="employee",
                        establishment_size=ESTABLISHMENT_SIZE, monthly_wage=0 if confined else wage,
                        ss_reference_wage=wage, ss_contribution_months=months,
                        maternity_leave_days=days if confined else 0, maternity_leave_days_before=0, **common)
        return {"persons": {"woman": woman}, "households": {"household": {"heads": ["woman"]}}}
    if contingency == "retired":
        man_age, wife_age = pensionable_ages
        man = _person(period, month, date_of_birth=_birth(period, man_age), sex="male", marital_status="married",
                      employment_status="not_in_labour_force", is_retired=True, monthly_wage=0,
                      ss_reference_wage=wage, ss_contribution_months=months, **common)
        wife = _person(period, month, date_of_birth=_birth(period, wife_age), sex="female", marital_status="married",
                       employment_status="not_in_labour_force", **common)
        return {"persons": {"man": man, "wife": wife},
                "households": {"household": {"heads": ["man"], "spouses": ["wife"]}}}
    man_inputs = dict(date_of_birth=_birth(period, BREADWINNER_AGE), sex="male", marital_status="married",
                      employment_status="employee", establishment_size=ESTABLISHMENT_SIZE, monthly_wage=wage,
                      ss_reference_wage=wage, ss_contribution_months=months, **common)
    if contingency == "sick":
        man_inputs.update(monthly_wage=0, sickness_days=days, sickness_days_before=days)
    elif contingency == "unemployed":
        man_inputs.update(monthly_wage=0, employment_status="unemployed", is_involuntarily_unemployed=True,
                          unemployment_months_so_far=1)
    elif contingency == "injured":
        man_inputs.update(monthly_wage=0, work_injury_incapacity_days=days, work_injury_incapacity_days_before=days)
    elif contingency == "injured_permanently":
        man_inputs.update(monthly_wage=0, employment_status="not_in_labour_force",
                          work_injury_occurred_in_insured_employment=True, work_injury_degree_of_incapacity=1.0)
    elif contingency == "invalid":
        man_inputs.update(monthly_wage=0, employment_status="not_in_labour_force", invalidity_degree=1.0)
    man = _person(period, month, **man_inputs)
    wife = _person(period, month, date_of_birth=_birth(period, WIFE_AGE), sex="female", marital_status="married",
                   employment_status="not_in_labour_force", **common)
    if contingency == "working_couple":
        return {"persons": {"man": man, "wife": wife},
                "households": {"household": {"heads": ["man"], "spouses": ["wife"]}}}
    household = {"heads": ["man"], "spouses": ["wife"], "children": list(children)}
    return {"persons": {"man": man, "wife": wife, **children}, "households": {"household": household}}


def _household_total(system, situation, variable, period):
    simulation = SimulationBuilder().build_from_entities(system, situation)
    values = simulation.calculate(variable, period)
    return float(values.astype("float64").sum())


def _parameter(node, dotted):
    for key in dotted.split("."):
        node = node[key]
    return node


def evaluate(reform=None, part="V", period="2027-06", wage=None, minimum_wage=None):
    """Results (one per case of the Part; Part VI has three) under ``reform`` in the month ``period``."""
    from openfisca_core import periods

    part = part.upper()
    if part not in PARTS:
        raise ValueError(f"Part {part!r} has no standard beneficiary; choose one of {', '.join(PARTS)}")
    system = law(reform)
    month = periods.period(period)
    if month.unit != "month":
        raise ValueError(f"period {period!r} must be a month, e.g. 2027-06")
    parameters = system.parameters(month.start)
    ilo = parameters.ilo.c102
    minimum = _minimum_wage(system, month, minimum_wage)
    wage = float(wage) if wage is not None else minimum * parameters.ajk.social_security.compliance.standard_beneficiary_wage_multiple
    pensionable = parameters.ajk.social_security.old_age.pensionable_age
    pensionable_ages = (int(pensionable.male), int(pensionable.female))
    days = int(parameters.ajk.social_security.calendar.days_per_month)
    results = []
    for case in (c for c in CASES if c.part == part):
        years = int(_parameter(ilo, case.career))
        working = WORKING_TWIN.get(case.family, "working")
        working_case = Case(case.part, case.name, case.schedule, case.family, case.benefit, case.career, working)
        months = years * MONTHS_PER_YEAR
        at_work = build_situation(working_case, month, wage, minimum, months, pensionable_ages, days)
        in_contingency = build_situation(case, month, wage, minimum, months, pensionable_ages, days)
        family_at_work = _household_total(system, at_work, "ss_family_benefit", month)
        family_in_contingency = _household_total(system, in_contingency, "ss_family_benefit", month)
        benefit = _household_total(system, in_contingency, case.benefit, month)
        notes = []
        if case.part == "VII":
            per_child = benefit / len(CHILD_AGES)
            rate = per_child / minimum
            minimum_rate = float(ilo.family.aggregate_factor_protected)
            notes.append("Per-child value against 3 % of the ordinary labourer's wage (the minimum wage as proxy); "
                         "Art 44 is an aggregate test over all protected children.")
            results.append(Result(case.part, case.name, str(ilo.standard_beneficiary[case.family]), str(month), wage,
                                  years, benefit, family_at_work, family_at_work, rate, minimum_rate,
                                  rate >= minimum_rate, notes))
            continue
        rate = (benefit + family_in_contingency) / (wage + family_at_work)
        minimum_rate = float(ilo.schedule[case.schedule])
        if case.part == "V" and pensionable_ages[0] > ilo.old_age.max_pensionable_age:
            notes.append("The pensionable age is above 65 (Art 26(2)).")
        results.append(Result(case.part, case.name, str(ilo.standard_beneficiary[case.family]), str(month), wage, years,
                              benefit, family_in_contingency, family_at_work, rate, minimum_rate,
                              bool(rate >= minimum_rate), notes))
    return results
