"""The one error the service raises: a structured list of problems, each naming a field."""

import re

HTTP_STATUS = {
    "payload_too_large": 413,
    "not_found": 404,
    "method_not_allowed": 405,
    "unknown_scheme": 404,
    "unknown_variable": 404,
    "computation_failed": 422,
    "too_costly": 422,
    "unsupported_media_type": 415,
    "request_timeout": 408,
    "time_budget_exceeded": 503,
}


def problem(code, field, text):
    """One problem: ``{"code": ..., "field": ..., "problem": ...}``."""
    return {"code": code, "field": field, "problem": text}


class ApplicationError(ValueError):
    """An application (or a request) the service cannot evaluate.

    ``problems`` lists ``{"code", "field", "problem"}`` dicts; ``field`` is a path into the
    application such as ``persons[2].age`` (``None`` when the whole input is at fault).

    >>> error = ApplicationError([problem("out_of_range", "persons[0].age", "300 is above 130")])
    >>> error.to_dict()["error"]["field"]
    'persons[0].age'
    """

    def __init__(self, problems):
        if isinstance(problems, dict):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("; ".join(f"{p['field'] or '(input)'}: {p['problem']}" for p in self.problems))

    @classmethod
    def single(cls, code, field, text):
        return cls([problem(code, field, text)])

    @property
    def http_status(self):
        return HTTP_STATUS.get(self.problems[0]["code"], 400) if self.problems else 400

    def to_dict(self):
        """``{"error": <first problem>, "errors": [every problem]}``."""
        return {"error": self.problems[0], "errors": self.problems}


def date_not_modelled(month, error):
    """The error for a month whose law is not fully encoded (``error``: openfisca-core's ParameterNotFoundError)."""
    quoted = re.search(r"parameter '([^']+)'", str(error))
    name = quoted.group(1) if quoted else error.name
    return ApplicationError.single(
        "date_not_modelled", "date", f"the law of {month} is not fully encoded: parameter {name} has no value "
        "then; ask for a later month")
