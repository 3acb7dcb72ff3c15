"""Example Python reform (structural change): a new variable, plus a parameter diff applied the same way.

Loaded by path in the tests, the way ``reforms/<name>.py`` files are loaded by name.
"""

from openfisca_core.model_api import MONTH, Variable
from openfisca_core.reforms import Reform

from openfisca_ajk.entities import Household
from openfisca_ajk.reform_diffs import parameter_modifier, spec_from_diff
from openfisca_ajk.tools.dates import MONTHS_PER_QUARTER

DIFF = {"pakistan.bisp.kafaalat.quarterly_instalment": {"2026-01-01": 15000}}


class bisp_kafaalat_per_quarter(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    unit = "currency-PKR"
    label = "Kafaalat instalment of the quarter (test reform)"
    reference = "https://example.org/test-fixture"
    documentation = "The quarterly instalment paid to an eligible household."

    def formula(household, period, parameters):
        return household("bisp_kafaalat", period) * MONTHS_PER_QUARTER


class python_top_up(Reform):
    """Rs 15,000 a quarter from 2026 and a per-quarter output variable."""

    name = "Python top-up (test)"

    def apply(self):
        changes = spec_from_diff(DIFF, self.baseline.parameters, name="python_top_up").changes
        self.modify_parameters(modifier_function=parameter_modifier(changes))
        self.add_variable(bisp_kafaalat_per_quarter)
