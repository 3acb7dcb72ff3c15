"""No scheme pays an amount to a unit that is not eligible (the service and reports rely on it).

Checked on a small synthetic population under today's law and under the reform files that switch
dormant schemes on, in a month where every scheme can pay.
"""

import numpy
import pytest
from openfisca_core import periods

from openfisca_ajk.population import generate_population
from openfisca_ajk.population.simulation import build_simulation
from openfisca_ajk.engine.law import apply_reform_file
from openfisca_ajk.scheme_registry import load_schemes

CASES = [(None, "2025-03"), ("draft_social_security_act", "2027-03"), ("universal_old_age_pension", "2026-03"),
         ("child_benefit_0_5", "2026-03"), ("disability_benefit", "2026-03")]


@pytest.mark.parametrize(("reform", "month"), CASES, ids=[c[0] or "today" for c in CASES])
def test_amounts_only_where_eligible(tax_benefit_system, reform, month):
    system = apply_reform_file(tax_benefit_system, reform) if reform else tax_benefit_system
    year = int(month[:4])
    population = generate_population(system, year, seed=4, size=3000)
    period = periods.period(month)
    simulation = build_simulation(system, population, [period], input_months=[period.offset(-k, "month") for k in range(13)])
    paying = 0
    for scheme in load_schemes():
        amount = simulation.calculate(scheme.output, period)
        eligible = simulation.calculate(scheme.eligible, period)
        if amount.dtype.kind == "b":
            continue  # an entitlement flag (medical care), not an amount
        assert not numpy.any((amount != 0) & ~eligible), f"{scheme.name} pays where {scheme.eligible} is false"
        paying += int(numpy.any(amount != 0))
    assert paying >= 3
