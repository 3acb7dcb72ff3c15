"""openfisca-ajk: the rules-as-code engine for social protection in Azad Jammu and Kashmir.

``CountryTaxBenefitSystem`` is the name the OpenFisca tools look for
(``openfisca test -c openfisca_ajk``, ``openfisca serve -c openfisca_ajk``).
"""

from openfisca_ajk.system import CountryTaxBenefitSystem

__all__ = ["CountryTaxBenefitSystem"]
__version__ = "0.1.0"
