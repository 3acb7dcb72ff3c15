"""The AJK tax-benefit system: entities, variables and parameters in one object."""

import json

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_ajk import entities
from openfisca_ajk.paths import law_folder


def load_situation_example(name: str) -> dict:
    """Return the bundled example situation ``situation_examples/<name>.json``."""
    path = law_folder("situation_examples") / f"{name}.json"
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


class CountryTaxBenefitSystem(TaxBenefitSystem):
    """Social protection in Azad Jammu and Kashmir as OpenFisca rules.

    Loads every variable under ``variables/`` and the parameter tree under
    ``parameters/``. Building it has no side effect beyond reading those files.
    """

    CURRENCY = "PKR"

    def __init__(self):
        super().__init__(entities.entities)
        self.add_variables_from_directory(str(law_folder("variables")))
        self.load_parameters(str(law_folder("parameters")))
        self.open_api_config = {
            "variable_example": "bisp_kafaalat",
            "parameter_example": "pakistan.bisp.kafaalat.quarterly_instalment",
            "simulation_example": load_situation_example("kafaalat_household"),
        }
