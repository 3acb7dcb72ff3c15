"""From raw JSON to a checked ``Application`` and the system that evaluates it."""

from openfisca_ajk.service.application import parse_flat, parse_month
from openfisca_ajk.service.errors import ApplicationError
from openfisca_ajk.service.situation import is_situation, rename_fields, to_flat
from openfisca_ajk.service.systems import get_system


def choose_reform(raw, reform_argument):
    given = raw.get("reform") if isinstance(raw, dict) else None
    if given is not None and reform_argument is not None and given != reform_argument:
        raise ApplicationError.single("inconsistent", "reform", "the application and the call name different reforms")
    chosen = given if given is not None else reform_argument
    if chosen is not None and not isinstance(chosen, str):
        raise ApplicationError.single("wrong_type", "reform", "a reform is given by its name")
    return chosen or None


def load_application(raw, date=None, reform=None):
    """Return ``(application, system)`` for a flat-form or situation-form application."""
    if date is not None:
        parse_month(date)
    if not isinstance(raw, dict):
        raise ApplicationError.single("wrong_type", None, "an application is a JSON object")
    chosen_reform = choose_reform(raw, reform)
    system = get_system(chosen_reform)
    if not is_situation(raw):
        return parse_flat(system, raw, date, chosen_reform), system
    month = raw.get("date", date)
    if raw.get("date") is not None and date is not None and raw["date"] != date:
        raise ApplicationError.single("inconsistent", "date", "the application and the call give different months")
    if month is None:
        raise ApplicationError.single("missing_field", "date", "the month to evaluate (YYYY-MM) is missing")
    month = parse_month(month)
    flat, names = to_flat(system, raw, month)
    try:
        return parse_flat(system, flat, month, chosen_reform), system
    except ApplicationError as error:
        raise rename_fields(error, names) from None
