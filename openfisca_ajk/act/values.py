"""How a parameter's value is written in the act, and how a drafter's edit is read back.

| format | value | written | an edit reads |
|---|---|---|---|
| ``number`` (default) | 60, 1.5 | ``60``, ``1.5`` | ``65``, or ``2 %`` for 0.02 |
| ``percent`` | 0.015 | ``1.5 %`` | ``2 %`` or ``2`` (a percentage) |
| ``pkr`` | 11500 | ``Rs 11,500`` | ``Rs 12,000`` or ``12000`` |
| ``words: YES / NO`` | true / false | ``YES`` or ``NO`` | one of the two phrases |
| ``text`` | "prices" | ``prices`` | any word |
"""

import re

FORMATS = ("number", "percent", "pkr", "words", "text")
PERCENT = 100


def parse_format(spec):
    """``"percent"`` -> ("percent", ()); ``"words: may / may not"`` -> ("words", ("may", "may not"))."""
    spec = spec.strip()
    if not spec:
        return "number", ()
    name, _, rest = spec.partition(":")
    name = name.strip()
    if name not in FORMATS:
        raise ValueError(f"format '{name}' is unknown; use one of {', '.join(FORMATS)}")
    if name == "words":
        options = tuple(option.strip() for option in rest.split("/"))
        if len(options) != 2 or not all(options):
            raise ValueError("format 'words' needs two phrases: words: <if yes> / <if no>")
        return name, options
    if rest.strip():
        raise ValueError(f"format '{name}' takes no option (got '{rest.strip()}')")
    return name, ()


def _bare_number(number):
    """A number without trailing zeros: 60, 1.5, 0.6666."""
    if float(number) == int(number):
        return f"{int(number):,}".replace(",", "")
    return f"{float(number):.6f}".rstrip("0").rstrip(".")


def format_value(value, name="number", options=()):
    """The value as the act writes it."""
    if name == "words":
        return options[0] if bool(value) else options[1]
    if name == "text" or isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if name == "percent":
        return f"{_bare_number(round(float(value) * PERCENT, 6))} %"
    if name == "pkr":
        amount = round(float(value), 2)
        return f"Rs {amount:,.0f}" if amount == int(amount) else f"Rs {amount:,.2f}"
    return _bare_number(value)


NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?$")


def _number(text, what):
    cleaned = text.replace(",", "").strip()
    if not NUMBER.match(text.strip()):
        raise ValueError(f"'{text}' is not a number ({what})")
    value = float(cleaned)
    return int(value) if value == int(value) and "." not in cleaned else value


def parse_value(text, name="number", options=()):
    """The parameter value a drafter's edit means (``"2 %"`` in a percent reference -> 0.02)."""
    text = str(text).strip()
    if name == "words":
        for option, value in zip(options, (True, False)):
            if text.lower() == option.lower():
                return value
        raise ValueError(f"'{text}' is neither '{options[0]}' nor '{options[1]}'")
    if name == "text":
        return text
    if name == "percent":
        number = _number(text.removesuffix("%").strip(), "a percentage, e.g. 2 %")
        return round(float(number) / PERCENT, 10)
    if name == "pkr":
        stripped = re.sub(r"^(?:rs\.?|pkr)\s*", "", text, flags=re.I)
        return _number(stripped, "an amount, e.g. Rs 12,000")
    if text.lower() in ("yes", "true"):
        return True
    if text.lower() in ("no", "false"):
        return False
    if text.endswith("%"):
        return parse_value(text, "percent")
    return _number(text, "e.g. 65, 1.5 or 2 %")
