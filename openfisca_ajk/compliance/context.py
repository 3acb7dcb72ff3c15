"""What a compliance assessment is computed on: a tax-benefit system, a month and a population.

``build_context`` resolves the system (today's law, a reform file by name or path, an in-memory diff
``{parameter: {period: value}}`` or a system), generates the population (or takes the one given),
and simulates the month once, with every insured person credited with a mature contribution record
(``ilo.checks.maturity``): C102 assesses a design, not the first month of a new scheme.
"""

from dataclasses import dataclass, field

import numpy
from openfisca_core import periods

from openfisca_ajk.contributory import record_spec
from openfisca_ajk.enums import EmploymentStatus
from openfisca_ajk.microsim.months import input_window
from openfisca_ajk.population import Population, build_simulation, generate_population
from openfisca_ajk.reform_diffs import apply_changes, apply_reform_file
from openfisca_ajk.system import CountryTaxBenefitSystem

DEFAULT_DATE = "2027-06"
from openfisca_ajk.default_size import DEFAULT_SIZE  # noqa: E402  (the one default of every command)
DEFAULT_SEED = 1
CONTRIBUTION_MONTHS = "ss_contribution_months"
PERSON_VARIABLES = ("ss_insured", "ss_in_scope_employee", "ss_voluntary_member", "is_public_servant",
                    "monthly_wage", "self_employment_income", "age")


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
    _simulation: object = None

    @property
    def parameters(self):
        return self.system.parameters(self.month.start)

    @property
    def year(self):
        return self.month.start.year

    def calculate(self, variable):
        """A variable at the month on the population (numpy array; enums decoded to names)."""
        values = self._simulation.calculate(variable, self.month)
        if hasattr(values, "decode_to_str"):
            return values.decode_to_str()
        return numpy.asarray(values)

    def share(self, numerator, denominator=None):
        """Weighted share of persons where ``numerator`` holds, among ``denominator`` (all residents by default)."""
        base = self.weights if denominator is None else self.weights * denominator
        total = float(base.sum())
        return float((base * numerator).sum() / total) if total > 0 else 0.0


def resolve_system(reform, baseline):
    """(system, label) for ``reform``: None, a reform name or path, a diff dict, or a system."""
    if reform is None or reform in ("", "baseline"):
        return baseline, ""
    if isinstance(reform, dict):
        return apply_changes(baseline, reform, name="compliance_diff"), "in-memory diff: " + ", ".join(sorted(reform))
    if isinstance(reform, str):
        return apply_reform_file(baseline, reform), reform
    return reform, getattr(reform, "name", None) or type(reform).__name__


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
    baseline = baseline or CountryTaxBenefitSystem()
    system, label = resolve_system(reform, baseline)
    month = month_of(date)
    if population is None:
        population = generate_population(baseline, month.start.year, seed=seed, size=size)
    window = input_window([month])
    notes = []
    if CONTRIBUTION_MONTHS not in population.person:
        first = build_simulation(system, population, [month], input_months=window)
        insured = numpy.asarray(first.calculate("ss_insured", month), dtype=bool)
        credited = int(system.parameters(month.start).ilo.checks.maturity.credited_contribution_months)
        population = with_contribution_record(population, insured * credited)
        notes.append(f"Scheme assessed at maturity: each insured person is credited with {credited} months of "
                     "contribution (parameter ilo.checks.maturity.credited_contribution_months); the population "
                     "has no contribution record.")
    notes += years_after_start_note(system, month)
    simulation = build_simulation(system, population, [month], input_months=window)
    person = {name: numpy.asarray(simulation.calculate(name, month)) for name in PERSON_VARIABLES}
    status = simulation.calculate("employment_status", month)
    person["employee"] = numpy.asarray(status == EmploymentStatus.employee)
    person["economically_active"] = numpy.asarray(status != EmploymentStatus.not_in_labour_force)
    person["role"] = numpy.asarray(population.role)
    person["household"] = numpy.asarray(population.person_household)
    person["female"] = numpy.asarray(simulation.calculate("sex", month).decode_to_str() == "female")
    return Context(system=system, baseline=baseline, reform=label, month=month, population=population,
                   person=person, weights=population.person_weight(), notes=notes, _simulation=simulation)


def years_after_start_note(system, month):
    """[note] on the scheme as it stands in ``month``, apart from the assessment at maturity; [] before its start."""
    spec = record_spec(system, str(month))
    if spec is None:
        return []
    return [f"Separately from the assessment at maturity: in {month} the scheme is {spec.note()[len('Contributory scheme '):]}"
            " Population runs (main, compare, matrix, project) use this record."]
