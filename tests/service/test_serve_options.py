"""``openfisca-ajk serve``: threaded workers with a read timeout, and bad settings refused with a message."""

import argparse

import pytest

from openfisca_ajk.commands import serve


def arguments(*given):
    parser = argparse.ArgumentParser()
    serve.register(parser.add_subparsers())
    return parser.parse_args(["serve", *given])


def test_the_workers_are_threaded_with_a_read_timeout():
    options = serve.options_for(arguments("--threads", "6", "--time-budget", "100"))
    assert options["worker_class"] == "openfisca_ajk.service.worker.ReadTimeoutWorker"
    assert options["threads"] == 6 and options["timeout"] == 130 and options["bind"] == "127.0.0.1:5000"


@pytest.mark.parametrize("given, message", [
    (("--workers", "0"), "--workers must be at least 1"),
    (("--threads", "0"), "--threads must be at least 1"),
    (("--time-budget", "inf"), "--time-budget must be"),
    (("--read-timeout", "nan"), "--read-timeout must be"),
    (("--max-batch-request-bytes", "-1"), "--max-batch-request-bytes must be at least 1"),
])
def test_bad_settings_are_refused_before_serving(given, message):
    with pytest.raises(SystemExit) as caught:
        serve.run(arguments(*given))
    assert str(caught.value).startswith(message)
