"""What the service may tell about a scheme whose rule is not published or not modelled for the month.

The registry says how each scheme's amount is known (``evidence.amount``) and from when its rules are
encoded (``modelled_from``). An applicant is never given an invented number: where the amount is not
published (``unknown``, or only ``announced``/``assumed``), an applicant who meets the published
conditions is ``undetermined`` with the reason "rule not published"; a month before ``modelled_from`` is
``undetermined`` with the reason "not modelled" for every applicant.
"""

from openfisca_ajk.scheme_registry import amount_published
from openfisca_ajk.service.outcomes import ELIGIBLE, UNDETERMINED

RULE_NOT_PUBLISHED = "rule_not_published"
NOT_MODELLED = "not_modelled"


def _undetermined(result, because, reason):
    result["status"] = UNDETERMINED
    result["monthly_amount"] = None
    if "instalment" in result:
        result["instalment"] = None
    for beneficiary in result.get("beneficiaries", ()):
        beneficiary["status"] = UNDETERMINED
        beneficiary["monthly_amount"] = None
    result["undetermined_because"] = because
    result["reason"] = reason


def apply_publication(scheme, result, month):
    """Mark ``result`` (one scheme's answer for ``month``, "YYYY-MM") when the law cannot give an amount."""
    if scheme.modelled_from and month < scheme.modelled_from[:7]:
        _undetermined(result, NOT_MODELLED,
                      f"undetermined: not modelled before {scheme.modelled_from} (the rules of that time are not "
                      "encoded)")
    elif result["status"] == ELIGIBLE and not amount_published(scheme):
        evidence = dict(scheme.evidence)["amount"]
        _undetermined(result, RULE_NOT_PUBLISHED,
                      f"undetermined: rule not published (the published conditions are met; the amount is "
                      f"{evidence}, so none is given)")
    return result
