"""What a monthly amount is: cash, or the value ceiling of cover in kind (never cash, never in the cash total)."""

import json

from openfisca_ajk.paths import law_folder
from openfisca_ajk.service import evaluate


def test_the_health_card_s_amount_is_a_value_ceiling_not_cash():
    application = json.loads((law_folder("situation_examples") / "applications" / "kafaalat_household.json")
                             .read_text(encoding="utf-8"))
    application["date"] = "2026-03"            # the card restored in January 2026 (inactive in 2025)
    result = evaluate(application)
    by_name = {s["scheme"]: s for s in result["schemes"]}
    card, kafaalat = by_name["sehat_card"], by_name["bisp_kafaalat"]
    assert card["amount_kind"] == "value_ceiling_in_kind" and kafaalat["amount_kind"] == "cash"
    # Rs 1,000,000 a family a year (parameters/ajk/health_card/annual_cover.yaml) is the card's ceiling, a month
    assert card["status"] == "eligible" and card["monthly_amount"] == 83_333.34
    cash = sum(s["monthly_amount"] for s in result["schemes"] if s["status"] == "eligible" and s["amount_kind"] == "cash")
    assert result["summary"]["monthly_cash_total"] == round(cash, 2) and kafaalat["monthly_amount"] == 4500.0
