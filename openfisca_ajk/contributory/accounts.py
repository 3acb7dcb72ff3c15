"""The fiscal table of a population run with the contributory scheme: budget cost, fund benefits, contributions."""

from openfisca_ajk.engine.run import run_population
from openfisca_ajk.fiscal_split import fund_accounts
from openfisca_ajk.precision_reports import fund_account_intervals
from openfisca_ajk.tools.dates import MONTHS_PER_YEAR

EMPLOYEE, EMPLOYER = "ss_employee_contribution", "ss_employer_contribution"


def contributory_accounts(tax_benefit_system, population, period, run, report):
    """``fiscal_split.fund_accounts`` of ``run``: the insured persons' contributions come from the run, the
    employers' from one more pass over the population (they are not a household's income). On a sample, each
    figure carries its 95 % interval (``intervals``)."""
    weights = population.person_weight()
    scale = MONTHS_PER_YEAR / run.n_months
    employee = float((run.contributions * weights).sum()) * scale
    employer, employer_person = None, None
    if EMPLOYER in tax_benefit_system.variables:
        employer_person = run_population(tax_benefit_system, population, period, schemes=(), extras=(EMPLOYER,)).extras[EMPLOYER]
        employer = float((employer_person * weights).sum()) * scale
    accounts = fund_accounts(report, employee, employer)
    intervals = fund_account_intervals(run, employer_person)
    if intervals:
        accounts["intervals"] = intervals
    return accounts
