"""Reading dependencies from formula source, and the guard on the output folder."""

import pytest

from openfisca_ajk.catalogue.build import check_output_folder
from openfisca_ajk.catalogue.dependencies import Formula, formula_reads
from openfisca_ajk.paths import law_folder

SOURCE = '''
def formula_2020_01(household, period, parameters):
    kafaalat = parameters(period).pakistan.bisp.kafaalat
    cutoff = kafaalat.pmt_cutoff
    months = parameters(period.first_month).pakistan.bisp.kafaalat.quarterly_instalment
    members = household.members("has_cnic", period)
    label = "bisp_kafaalat".upper()
    return household("pmt_score", period) * members.sum() * cutoff / months + len(label)
'''


def test_formula_reads_variables_and_parameter_chains_through_aliases(tax_benefit_system):
    formula = Formula("2020-01-01", SOURCE, test_formula_reads_variables_and_parameter_chains_through_aliases)
    reads = formula_reads(formula, set(tax_benefit_system.variables), tax_benefit_system.parameters)
    assert reads.variables == {"has_cnic", "pmt_score"}
    assert reads.parameters == {"pakistan.bisp.kafaalat.pmt_cutoff", "pakistan.bisp.kafaalat.quarterly_instalment"}


def test_refuses_to_write_into_the_law(tmp_path):
    for name in ("parameters", "variables"):
        with pytest.raises(ValueError):
            check_output_folder(law_folder(name) / "catalogue")
    with pytest.raises(ValueError):
        check_output_folder(law_folder("parameters").parent)
    check_output_folder(tmp_path / "catalogue")
