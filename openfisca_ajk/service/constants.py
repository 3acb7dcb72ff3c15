"""Limits of the one-window service. These are service settings, not law.

Changing one changes what the service accepts, never what the law says.
"""

#: The earliest and the latest month an application may be evaluated for. The model's schemes start
#: in 2008 (BISP); beyond 2035 no parameter is projected.
DATE_MIN = "2008-01"
DATE_MAX = "2035-12"

#: The oldest age (completed years) accepted for a person.
AGE_MAX = 130

#: Persons in one household, and applications in one batch.
MAX_PERSONS = 40
MAX_BATCH = 20_000

#: Longest identifier (household or person) and its allowed characters.
MAX_ID_LENGTH = 64
ID_PATTERN = r"^[A-Za-z0-9_.\-]+$"

#: Bounds of numeric inputs by the variable's unit (inclusive). A unit not listed gets DEFAULT_BOUNDS:
#: every numeric input of the model is non-negative.
UNIT_BOUNDS = {
    "currency-PKR": (0.0, 1e9),
    "/1": (0.0, 1.0),
    "score": (0.0, 100.0),
    "year": (0.0, float(AGE_MAX)),
    "month": (0.0, float(AGE_MAX * 12)),
    "person": (0.0, 1e6),
}
DEFAULT_BOUNDS = (0.0, 1e9)

#: Variables computed by a formula that an application may nevertheless give directly.
FORMULA_INPUTS = ("age", "ss_contribution_months", "ss_reference_wage")

#: Inputs that stand for another one when it is missing: a missing age is varied through the date of birth.
DERIVED_FROM = {"age": "date_of_birth"}

#: Variation of missing deciding inputs: rows of the full factorial design per scheme (above it, one
#: factorial per condition and a covering sample are used), and rows of that sample.
FACTORIAL_BUDGET = 256
SAMPLE_ROWS = 96
PERSON_FACTORIAL_BUDGET = 64

#: Ages (completed years) tried for a person whose age and date of birth are both missing, in addition
#: to those around the age thresholds of the scheme's parameters.
AGE_POINTS = (0, 18, 40, 60, 80, 100)

#: Request size limits of the HTTP layer (bytes), overridable on the command line.
MAX_REQUEST_BYTES = 1_000_000
MAX_BATCH_REQUEST_BYTES = 32_000_000

#: Versions of the documents the service returns.
EVALUATION_SCHEMA = "ajk-evaluation/1"
EXPLANATION_SCHEMA = "ajk-explanation/1"
