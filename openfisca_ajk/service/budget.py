"""The time budget of a request: a deadline the computation checks between its steps.

The HTTP layer opens ``time_budget(seconds)`` around each request; the evaluation calls ``check()``
between chunks of a batch and between the variables it computes, so a request that runs out of time
stops at the next step with ``ApplicationError`` ``time_budget_exceeded`` (HTTP 503). Library calls
made outside ``time_budget`` have no deadline. The deadline is a context variable: each thread (or
task) of a threaded server has its own.
"""

import contextvars
import time
from contextlib import contextmanager

from openfisca_ajk.service.errors import ApplicationError

_DEADLINE = contextvars.ContextVar("ajk_service_deadline", default=None)


@contextmanager
def time_budget(seconds):
    """Run the block with a deadline ``seconds`` from now (``None``: no deadline)."""
    token = _DEADLINE.set(None if seconds is None else (time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check():
    """Raise ``ApplicationError`` ``time_budget_exceeded`` when the current deadline has passed."""
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline[0]:
        raise ApplicationError.single(
            "time_budget_exceeded", None,
            f"the request ran out of its time budget of {deadline[1]:g} s; send fewer applications or give more inputs")
