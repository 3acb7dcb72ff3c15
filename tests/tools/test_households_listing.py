"""``openfisca-ajk households``: cash amounts as the law gives them, in-kind cover never shown as cash, and no
silent zero for an amount the law does not publish."""

from openfisca_ajk.cli import main


def _listing(capsys, *arguments):
    assert main(["households", "--example", "widow_with_schoolchildren", *arguments]) == 0
    return capsys.readouterr().out.splitlines()


def _row(lines, scheme, member):
    return next(line for line in lines if line.split()[:2] == [scheme, member])


def test_the_widow_s_cash_benefits_in_march_2026(capsys):
    lines = _listing(capsys, "--period", "2026-03")
    # Kafaalat 13,500 a quarter; Taleemi Wazaif 3,500 and 2,500 a quarter; PBM 600 and 10,000; Zakat 3,000 a year
    assert _row(lines, "bisp_kafaalat", "nasreen_household").split()[-1] == "4,500.00"
    assert _row(lines, "bisp_taleemi_wazaif", "Hina").split()[-1] == "1,166.67"
    assert _row(lines, "zakat_guzara_allowance", "nasreen_household").split()[-1] == "250.00"
    total = next(line for line in lines if line.strip().startswith("cash benefits, all schemes"))
    assert total.split()[-1] == "17,350.00"        # 4,500 + 1,166.67 + 833.33 + 600 + 10,000 + 250


def test_in_kind_cover_is_not_cash_and_unpublished_amounts_are_not_zero(capsys):
    lines = _listing(capsys, "--period", "2026-03")
    card = _row(lines, "sehat_card", "nasreen_household")
    assert "in kind" in card and "not cash" in card and "Rs 1,000,000 a year" in card   # the card's family cover
    stipend = _row(lines, "zakat_education_stipend", "Hina")
    assert "undetermined" in stipend and "0.00" not in stipend
    assert not any(line.split()[:1] == ["ajk_civil_pension"] for line in lines)       # not eligible: hidden
    assert any(line.split()[:1] == ["ajk_civil_pension"] for line in _listing(capsys, "--period", "2026-03", "--all"))
