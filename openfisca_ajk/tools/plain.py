"""One conversion of any value the tools produce into plain JSON-ready Python (numbers, text, lists, dicts).

    json.dumps(data, default=plain)         # numpy scalars and arrays, dates, parameter nodes
    plain(parameter(instant), digits=6)     # a parameter's value, floats rounded to 6 decimals
"""

from datetime import date


def plain(value, digits=None):
    """``value`` as None, bool, int, float, str, list or dict; ``digits`` rounds floats; anything else as text.

    A numpy scalar becomes its Python number, an array its list, a date its ISO text, a parameter node the
    dict of its children (sorted by name), a tuple a list.
    """
    children = getattr(value, "_children", None)
    if isinstance(children, dict):
        return {str(key): plain(child, digits) for key, child in sorted(children.items())}
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return value if digits is None else round(value, digits)
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, list | tuple):
        return [plain(item, digits) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item, digits) for key, item in value.items()}
    return str(value)
