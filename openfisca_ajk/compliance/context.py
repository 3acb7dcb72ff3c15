"""What a compliance assessment is computed on: a tax-benefit system, a month and a population.

``build_context`` asks the engine for the system (``engine.law``: today's law, a reform file by name or path, an
in-memory diff ``{parameter: {period: value}}`` or a system), generates the population (or takes the one given),
and runs the month once through the engine (``run_population``), with every insured person credited with a mature contribution record
(``ilo.checks.maturity``): C102 assesses a design, not the first month of a new scheme.
"""

from dataclasses import dataclass, field

import numpy
from openfisca_core import periods

from openfisca_ajk.contributory import record_spec
from openfisca_ajk.default_size import DEFAULT_SIZE   # the one default of every command
from openfisca_ajk.enums import EmploymentStatus, Sex
from openfisca_ajk.engine.law import is_baseline, label_of, law
from openfisca_ajk.engine.run import run_population
from openfisca_ajk.population import Population, generate_population

DEFAULT_DATE = "2027-06"
DEFAULT_SEED = 1
CONTRIBUTION_MONTHS = "ss_contribution_months"
PERSON_VARIABLES = ("ss_insured", "ss_in_scope_employee", "ss_voluntary_member", "is_public_servant",
                    "monthly_wage", "self_employment_income", "age")
STATUS_VARIABLES = ("employment_status", "sex")


@dataclass
class Context:
    system: object
    baseline: object
    reform: str                 # label of the system assessed ("" for today's law)
    month: object               # openfisca period (a month)
    population: object          # the population as simulated (with the credited contribution months)
    person: dict                # person arrays at the month (numpy), from the simulation
    weights: numpy.ndarray      # person weights (float64)
    notes: list = field(default_factory=list)
    _values: dict = field(default_factory=dict)     # variable -> person values at the month (engine runs)

    @property
    def parameters(self):
        return self.system.parameters(self.month.start)

    @property
    def year(self):
        return self.month.start.year

    def calculate(self, variable):
        """A variable at the month on the population (numpy array; enums decoded to names), run by the engine."""
        if variable not in self._values:
            self._values.update(month_values(self.system, self.population, self.month, [variable]))
        return self._values[variable]

    def share(self, numerator, denominator=None):
        """Weighted share of persons where ``numerator`` holds, among ``denominator`` (all residents by default)."""
        base = self.weights if denominator is None else self.weights * denominator
        total = float(base.sum())
        return float((base * numerator).sum() / total) if total > 0 else 0.0


def resolve_system(reform, baseline=None):
    """(system, label) for ``reform``: None, a reform name or path, a diff dict, or a system (``engine.law``)."""
    if is_baseline(reform):
        return baseline if baseline is not None else law(), ""
    return law(reform), label_of(reform)


def month_values(system, population, month, variables):
    """{variable: values at ``month``} from one engine run: numbers and booleans in the variable's own type,
    enumerations as names."""
    run = run_population(system, population, str(month), schemes=(), extras=tuple(variables))
    values = {}
    for name in variables:
        found = run.extras[name]
        variable = system.variables[name]
        values[name] = found if getattr(variable, "possible_values", None) is not None else found.astype(variable.dtype)
    return values


def month_of(date):
    month = periods.period(str(date))
    if month.unit == periods.YEAR:
        month = periods.period(f"{month.start.year}-06")
    if month.unit != periods.MONTH:
        raise ValueError(f"--date {date!r} must be a month (2027-06) or a year (2027)")
    return month


def with_contribution_record(population, months):
    """A shallow copy of ``population`` with ``ss_contribution_months`` (months for insured persons only)."""
    person = dict(population.person)
    person[CONTRIBUTION_MONTHS] = numpy.asarray(months, dtype=numpy.int32)
    return Population(person=person, household=population.household, person_household=population.person_household,
                      role=population.role, year=population.year, source=population.source, notes=population.notes)


def build_context(reform=None, date=DEFAULT_DATE, population=None, size=DEFAULT_SIZE, seed=DEFAULT_SEED,
                  baseline=None):
    baseline = baseline if baseline is not None else law()
    system, label = resolve_system(reform, baseline)
    month = month_of(date)
    if population is None:
        population = generate_population(baseline, month.start.year, seed=seed, size=size)
    notes = []
    if CONTRIBUTION_MONTHS not in population.person:
        insured = month_values(system, population, month, ["ss_insured"])["ss_insured"]
        credited = int(system.parameters(month.start).ilo.checks.maturity.credited_contribution_months)
        population = with_contribution_record(population, insured * credited)
        notes.append(f"Scheme assessed at maturity: each insured person is credited with {credited} months of "
                     "contribution (parameter ilo.checks.maturity.credited_contribution_months); the population "
                     "has no contribution record.")
    notes += years_after_start_note(system, month)
    values = month_values(system, population, month, PERSON_VARIABLES + STATUS_VARIABLES)
    person = {name: values[name] for name in PERSON_VARIABLES}
    status = values["employment_status"]
    person["employee"] = status == EmploymentStatus.employee.name
    person["economically_active"] = status != EmploymentStatus.not_in_labour_force.name
    person["role"] = numpy.asarray(population.role)
    person["household"] = numpy.asarray(population.person_household)
    person["female"] = values["sex"] == Sex.female.name
    return Context(system=system, baseline=baseline, reform=label, month=month, population=population,
                   person=person, weights=population.person_weight(), notes=notes, _values=values)


def years_after_start_note(system, month):
    """[note] on the scheme as it stands in ``month``, apart from the assessment at maturity; [] before its start."""
    spec = record_spec(system, str(month))
    if spec is None:
        return []
    return [f"Separately from the assessment at maturity: in {month} the scheme is {spec.note()[len('Contributory scheme '):]}"
            " Population runs (main, compare, matrix, project) use this record."]
