"""The population cache's key follows the law the calibration computes through."""

from openfisca_ajk.population import cache, programmes


def test_the_calibration_law_is_part_of_the_cache_key(tax_benefit_system, tmp_path, monkeypatch):
    sources = programmes.calibration_law_sources()
    names = {path.name for path in sources}
    assert {"civil_pension.py", "family_pension.py", "guzara_allowance.py", "dates.py"} <= names
    formula = tmp_path / "civil_pension.py"
    formula.write_text("rate = 7 / 300\n")
    monkeypatch.setattr(programmes, "calibration_law_sources", lambda: [formula])
    before = cache.generator_key(tax_benefit_system, 2025, 1, 100.0)
    assert cache.generator_key(tax_benefit_system, 2025, 1, 100.0) == before
    formula.write_text("rate = 8 / 300\n")
    assert cache.generator_key(tax_benefit_system, 2025, 1, 100.0) != before
