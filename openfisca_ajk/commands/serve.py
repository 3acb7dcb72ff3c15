"""``openfisca-ajk serve``: the one-window service and the OpenFisca Web API behind gunicorn.

    openfisca-ajk serve --port 5000 [--host 127.0.0.1] [--reform NAME] [--workers 2] [--threads 4]
                        [--read-timeout 10] [--time-budget 30] [--cors-origin https://desk.example]
                        [--max-request-bytes 1000000] [--max-batch-request-bytes 32000000]

The application (tax-benefit system, reform) is built once in the master process and shared by the
forked workers (gunicorn ``preload_app``). Each worker runs ``--threads`` threads (gunicorn's
``gthread`` worker, ``openfisca_ajk.service.worker``): a connection holds a thread only while a
request is in transit, and a socket silent for ``--read-timeout`` seconds is closed, so slow or idle
clients cannot hold the workers. A request that runs past ``--time-budget`` seconds is answered with
a JSON 503. Cross-origin browser requests are refused unless their origin is given with
``--cors-origin`` (repeatable). The Web API's ``source`` links point to the environment variable
OPENFISCA_AJK_REPOSITORY_URL when set, else to this server's own ``/blob/...`` route.
"""

from openfisca_ajk.service.constants import MAX_BATCH_REQUEST_BYTES, MAX_REQUEST_BYTES, TIME_BUDGET_SECONDS

WORKER_CLASS = "openfisca_ajk.service.worker.ReadTimeoutWorker"


def gunicorn_application(options, build_app):
    """A gunicorn application serving ``build_app()`` with ``options`` (imported lazily)."""
    from gunicorn.app.base import BaseApplication

    class ServiceApplication(BaseApplication):
        def load_config(self):
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            return build_app()

    return ServiceApplication()


def options_for(arguments):
    """The gunicorn settings of ``openfisca-ajk serve``."""
    return {"bind": f"{arguments.host}:{arguments.port}", "workers": arguments.workers, "threads": arguments.threads,
            "worker_class": WORKER_CLASS, "keepalive": 5,
            # gthread workers keep beating while a thread computes: this only catches a stuck worker.
            "timeout": max(arguments.timeout, int(arguments.time_budget) + 30),
            "preload_app": True, "accesslog": "-" if arguments.access_log else None}


def run(arguments):
    from openfisca_ajk.service.http import create_service_app
    from openfisca_ajk.service.worker import ReadTimeoutWorker

    for name in ("workers", "threads"):
        if getattr(arguments, name) < 1:
            raise SystemExit(f"--{name} must be at least 1")
    for name in ("read_timeout", "time_budget"):
        if not 0 < getattr(arguments, name) <= 3600:
            raise SystemExit(f"--{name.replace('_', '-')} must be a number of seconds above 0 and at most 3600")
    for name in ("max_request_bytes", "max_batch_request_bytes"):
        if getattr(arguments, name) < 1:
            raise SystemExit(f"--{name.replace('_', '-')} must be at least 1")
    ReadTimeoutWorker.READ_TIMEOUT = arguments.read_timeout
    app = create_service_app(arguments.reform, arguments.max_request_bytes, arguments.max_batch_request_bytes,
                             arguments.time_budget, tuple(arguments.cors_origin))
    # built before gunicorn starts (an unknown reform fails fast) and shared with the forked workers
    gunicorn_application(options_for(arguments), lambda: app).run()
    return 0


def register(subparsers):
    parser = subparsers.add_parser("serve", help="serve the one-window service and the OpenFisca Web API (gunicorn)")
    parser.add_argument("--port", type=int, default=5000, help="TCP port (default %(default)s)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default %(default)s; 0.0.0.0 for all)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default %(default)s)")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (default %(default)s)")
    parser.add_argument("--reform", default=None, help="serve a reform of reforms/ by name")
    parser.add_argument("--read-timeout", type=float, default=10.0,
                        help="seconds a connection may stay silent while a request is sent (default %(default)s)")
    parser.add_argument("--time-budget", type=float, default=TIME_BUDGET_SECONDS,
                        help="seconds a request may compute before a JSON 503 (default %(default)s)")
    parser.add_argument("--timeout", type=int, default=120,
                        help="gunicorn's stuck-worker timeout in seconds (at least the time budget + 30; default %(default)s)")
    parser.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                        help="an origin allowed to call from a browser page, e.g. https://desk.example (repeatable; none by default)")
    parser.add_argument("--max-request-bytes", type=int, default=MAX_REQUEST_BYTES,
                        help="largest body of /evaluate, /explain, /calculate and /trace (default %(default)s) -> 413")
    parser.add_argument("--max-batch-request-bytes", type=int, default=MAX_BATCH_REQUEST_BYTES,
                        help="largest body of /evaluate/batch (default %(default)s) -> 413")
    parser.add_argument("--access-log", action="store_true", help="log every request to stdout")
    parser.set_defaults(handler=run)
