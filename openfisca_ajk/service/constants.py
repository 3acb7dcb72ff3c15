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

#: Request size limits of the HTTP layer (bytes), overridable on the command line: ``/evaluate``,
#: ``/explain``, ``/calculate`` and ``/trace`` take MAX_REQUEST_BYTES, ``/evaluate/batch`` the other.
MAX_REQUEST_BYTES = 1_000_000
MAX_BATCH_REQUEST_BYTES = 32_000_000

#: Answers at least this long (bytes) are gzip-compressed for a client that accepts it.
GZIP_MIN_BYTES = 1_024

#: Versions of the documents the service returns.
EVALUATION_SCHEMA = "ajk-evaluation/1"
EXPLANATION_SCHEMA = "ajk-explanation/1"

#: The cost of a request, counted before any simulation: the persons of every household simulated (each
#: application and each variant that varies its missing deciding inputs), each simulated for every
#: scheme. One application may cost at most MAX_APPLICATION_COST, a request at most MAX_REQUEST_COST
#: (above either: 422 ``too_costly``, naming the limit); a batch is simulated in chunks of at most
#: CHUNK_COST (about 1 KB of memory per simulated person: ~200 MB a chunk).
MAX_APPLICATION_COST = 200_000
MAX_REQUEST_COST = 2_000_000
CHUNK_COST = 200_000

#: Wall-clock seconds a request may take over HTTP before it is abandoned with a JSON 503
#: (``time_budget_exceeded``); checked between the steps of a computation.
TIME_BUDGET_SECONDS = 30.0

#: Size of a situation sent to the standard Web API's ``/calculate`` and ``/trace``: persons given,
#: persons after the ``axes`` expansion, instances of any entity, values requested (``null``) and the
#: points of one axis. OpenFisca's situation builder is quadratic in the persons given (~0.1 s for
#: 1,000, ~1 s for 4,000), so the limit stays well below that.
MAX_SITUATION_PERSONS = 1_000
MAX_EXPANDED_PERSONS = 20_000
MAX_COMPUTATIONS = 2_000
MAX_AXIS_COUNT = 1_000

#: The years a ``/calculate`` or ``/trace`` period may name: computations within the service's range
#: (DATE_MIN to DATE_MAX); inputs (e.g. a wage history) from INPUT_YEAR_MIN.
INPUT_YEAR_MIN = 1900

#: Inputs the application settles without asking: for a person of whom the application says so, a
#: missing input listed here keeps its default (false) and is neither varied nor asked for. A man or
#: a boy (``sex`` male) or a young child (by the given age or date of birth, under CHILD_AGE — a
#: service setting on whom to ask, not law) is not asked whether he or she is pregnant; a person under
#: the age of majority is not asked whether he or she holds a public post or a CNIC (NADRA issues the
#: CNIC from the age of majority; younger persons hold a B-form or juvenile card).
AGE_OF_MAJORITY = 18            # Majority Act 1875, s. 3
CHILD_AGE = 10
NOT_ASKED = {"is_pregnant": ("male", "young_child"), "is_public_servant": ("minor",), "has_cnic": ("minor",)}
