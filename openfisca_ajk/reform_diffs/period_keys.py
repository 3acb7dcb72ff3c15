"""Period keys of a reform diff: ``YYYY-MM-DD`` (from that day onward) or ``START.STOP`` (both inclusive).

``YYYY-MM`` and ``YYYY`` are accepted too: as a start they mean the first day, as a stop the last day
(``2027.2030`` is 1 January 2027 to 31 December 2030).
"""

import calendar
import re
from datetime import date, datetime

DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parse_date(text, as_stop):
    match = DATE_PATTERN.match(text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = match.groups()
    year = int(year)
    month = int(month) if month else (12 if as_stop else 1)
    if day:
        day = int(day)
    elif as_stop:
        if not 1 <= month <= 12:
            raise ValueError(f"'{text}' has no month {month}")
        day = calendar.monthrange(year, month)[1]
    else:
        day = 1
    try:
        return date(year, month, day)
    except ValueError as error:
        raise ValueError(f"'{text}' is not a calendar date ({error})") from None


def parse_period_key(key):
    """Return ``(start, stop)`` as ``datetime.date``; ``stop`` is None for "from start onward"."""
    if isinstance(key, datetime):
        return key.date(), None
    if isinstance(key, date):
        return key, None
    if isinstance(key, int) and not isinstance(key, bool):
        key = str(key)
    if not isinstance(key, str):
        raise ValueError(f"period key {key!r} must be a date or 'START.STOP'")
    parts = key.split(".")
    if len(parts) == 1:
        return _parse_date(parts[0], as_stop=False), None
    if len(parts) != 2:
        raise ValueError(f"period key '{key}' has more than one '.'; write 'YYYY-MM-DD.YYYY-MM-DD'")
    start = _parse_date(parts[0], as_stop=False)
    stop = _parse_date(parts[1], as_stop=True)
    if stop < start:
        raise ValueError(f"period key '{key}' ends ({stop}) before it starts ({start})")
    return start, stop


def format_period(start, stop):
    return start.isoformat() if stop is None else f"{start.isoformat()}.{stop.isoformat()}"


def overlap(first, second):
    """Whether two ``(start, stop)`` periods share a day (a None stop is open-ended)."""
    (start_a, stop_a), (start_b, stop_b) = first, second
    return (stop_b is None or start_a <= stop_b) and (stop_a is None or start_b <= stop_a)
