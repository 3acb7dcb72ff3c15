"""The old-age, invalidity and survivors' design read from a (reformed) system's parameters, year by year.

Nothing here is a constant of the model: every rate, age and qualifying period comes from
``ajk.social_security`` at 1 January of each projection year, so any parameter diff flows through.
"""

from dataclasses import dataclass

import numpy

from openfisca_ajk.tools.dates import MONTHS_PER_YEAR

BRANCHES = ("old_age", "invalidity", "survivors")
SEX_KEYS = ("female", "male")


@dataclass
class Design:
    years: numpy.ndarray
    in_force: numpy.ndarray                 # old-age branch in force
    contribution_rate: numpy.ndarray        # employee + employer, branches in force
    accrual: numpy.ndarray
    qualifying_years: numpy.ndarray
    reduced_years: numpy.ndarray
    reduced_gets_minimum: numpy.ndarray
    grant_minimum_years: numpy.ndarray
    grant_months_per_year: numpy.ndarray
    minimum_pension: numpy.ndarray          # PKR per month (amount)
    minimum_share_of_minimum_wage: numpy.ndarray
    pensionable_age: numpy.ndarray          # [year, sex]
    indexation: tuple                       # text per year: none | prices | wages | ad_hoc
    invalidity_in_force: numpy.ndarray
    invalidity_qualifying_years: numpy.ndarray
    invalidity_base_rate: numpy.ndarray
    invalidity_accrual: numpy.ndarray
    invalidity_minimum: numpy.ndarray
    survivors_in_force: numpy.ndarray
    survivors_qualifying_years: numpy.ndarray
    survivors_base_rate: numpy.ndarray
    survivors_accrual: numpy.ndarray
    survivors_widow_share: numpy.ndarray
    minimum_wage: numpy.ndarray             # PKR per month, as legislated (the projection indexes it)

    def summary(self, i=0):
        """The design in year index ``i`` as plain values (for reports)."""
        return {name: numpy.asarray(value[i]).tolist() for name, value in vars(self).items() if name != "years"}


def first_year_in_force(tax_benefit_system, start, stop):
    """First year in [start, stop] whose 1 January has the old-age branch in force, or None."""
    for year in range(int(start), int(stop) + 1):
        if bool(tax_benefit_system.parameters(f"{year}-01-01").ajk.social_security.old_age.in_force):
            return year
    return None


def read_design(tax_benefit_system, years):
    months = float(MONTHS_PER_YEAR)
    rows = []
    for year in years:
        parameters = tax_benefit_system.parameters(f"{int(year)}-01-01")
        security = parameters.ajk.social_security
        rate = sum(float(security[b].in_force) * (float(security[b].employee_contribution_rate)
                                                  + float(security[b].employer_contribution_rate)) for b in BRANCHES)
        old_age, invalidity, survivors = security.old_age, security.invalidity, security.survivors
        rows.append(dict(
            in_force=bool(old_age.in_force), contribution_rate=rate, accrual=float(old_age.accrual_rate),
            qualifying_years=float(old_age.qualifying_months) / months,
            reduced_years=float(old_age.reduced_pension_qualifying_months) / months,
            reduced_gets_minimum=bool(old_age.reduced_pension_gets_minimum),
            grant_minimum_years=float(old_age.grant_minimum_months) / months,
            grant_months_per_year=float(old_age.grant_months_of_wage_per_year),
            minimum_pension=float(old_age.minimum_pension),
            minimum_share_of_minimum_wage=float(old_age.minimum_pension_share_of_minimum_wage),
            pensionable_age=[float(old_age.pensionable_age[s]) for s in SEX_KEYS],
            indexation=str(old_age.indexation_basis),
            invalidity_in_force=bool(invalidity.in_force),
            invalidity_qualifying_years=float(invalidity.qualifying_months) / months,
            invalidity_base_rate=float(invalidity.base_rate), invalidity_accrual=float(invalidity.accrual_rate),
            invalidity_minimum=float(invalidity.minimum_pension),
            survivors_in_force=bool(survivors.in_force),
            survivors_qualifying_years=float(survivors.qualifying_months) / months,
            survivors_base_rate=float(survivors.base_rate), survivors_accrual=float(survivors.accrual_rate),
            survivors_widow_share=float(survivors.widow_share),
            minimum_wage=float(parameters.macro.minimum_wage.applicable),
        ))
    columns = {key: [row[key] for row in rows] for key in rows[0]}
    columns = {key: (tuple(v) if key == "indexation" else numpy.asarray(v)) for key, v in columns.items()}
    return Design(years=numpy.asarray(years), **columns)
