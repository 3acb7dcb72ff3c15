"""Formatting of parameter values and lookups of dated metadata (``status``, ``reference``)."""

from numbers import Real

NOTE_KEYS = ("assumption", "conflicting")
CONFIRMED = "confirmed"


def format_value(value) -> str:
    """A value as a reader expects it: ``13,500``, ``0.075``, ``true``, ``(removed)``."""
    if value is None:
        return "(no value: the parameter ends)"
    if isinstance(value, list):
        return ", ".join(format_value(item) for item in value) if value else "(empty list)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, Real):
        return f"{value:,.0f}" if float(value).is_integer() and abs(value) >= 1 else f"{value:,.10g}"
    return str(value)


def dated(mapping) -> list:
    """``[(date string, value)]`` of a mapping keyed by dates, in date order."""
    if not isinstance(mapping, dict):
        return []
    return sorted((str(key), value) for key, value in mapping.items())


def in_force(mapping, instant: str):
    """The value of a date-keyed mapping in force at ``instant`` (the latest key not after it), or None."""
    current = None
    for key, value in dated(mapping):
        if key <= instant:
            current = value
    return current


def statuses(metadata) -> list:
    """``[(date, status)]``; a plain string status counts from the beginning."""
    status = (metadata or {}).get("status")
    if isinstance(status, str):
        return [("0001-01-01", status)]
    return [(key, str(value)) for key, value in dated(status)]


def current_status(metadata) -> str | None:
    entries = statuses(metadata)
    return entries[-1][1] if entries else None


def references(metadata) -> list:
    """``[(date, [{'title', 'href'}])]``; a reference without date (string or list) counts from the beginning."""
    raw = (metadata or {}).get("reference")
    if raw is None:
        return []
    if isinstance(raw, dict):
        return [(key, _reference_list(value)) for key, value in dated(raw)]
    return [("0001-01-01", _reference_list(raw))]


def _reference_list(raw):
    items = raw if isinstance(raw, list) else [raw]
    result = []
    for item in items:
        if isinstance(item, dict):
            href = item.get("href")
            result.append({"title": str(item.get("title") or href or "reference"), "href": href})
        elif item:
            result.append({"title": str(item), "href": str(item) if "://" in str(item) else None})
    return result


def needs_attention(metadata) -> bool:
    """True when the metadata has an assumption or a conflict, or a status other than confirmed."""
    metadata = metadata or {}
    if any(metadata.get(key) for key in NOTE_KEYS):
        return True
    return any(status != CONFIRMED for _, status in statuses(metadata))
