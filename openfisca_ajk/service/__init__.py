"""The one-window service: every registered scheme for a household, with reasons and references.

Library use::

    from openfisca_ajk.service import evaluate, evaluate_batch, explain, ApplicationError

    result = evaluate(application)                  # flat form or OpenFisca situation, see application.py
    for scheme in result["schemes"]:
        print(scheme["scheme"], scheme["status"], scheme["monthly_amount"], scheme["inputs_needed"])
    results = evaluate_batch([app1, app2], "2025-03")   # one simulation for all households
    document = explain(application, "bisp_kafaalat")    # versioned JSON; format="text" for prose

Every scheme gets ``status`` ``eligible`` / ``not_eligible`` / ``undetermined``. A deciding input
the application leaves out is varied over representative values inside the same simulation; if that
changes the status or the amount, the scheme is ``undetermined`` and ``inputs_needed`` names the
inputs. With the per-condition reasons (``evaluate``; ``evaluate_batch(..., detail=True)``) each
condition is ``met``, ``unmet``, ``unknown`` (a missing input changes it) or ``not_assessed``: the
conditions of a scheme closed this month (a condition that depends on no input is unmet, e.g. a
draft branch not in force) other than that one are not assessed and carry a ``reason`` (see
``report.py`` and ``settling.py``). Only ``ApplicationError`` is ever raised; its ``to_dict()`` names each field and problem.
The HTTP layer is ``openfisca_ajk.service.http.create_service_app``.
"""

from openfisca_ajk.service.errors import ApplicationError
from openfisca_ajk.service.evaluation import evaluate, evaluate_batch
from openfisca_ajk.service.explanation import explain

__all__ = ["ApplicationError", "evaluate", "evaluate_batch", "explain"]
