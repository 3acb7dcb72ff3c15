"""``openfisca-ajk serve``: the one-window service and the OpenFisca Web API behind gunicorn.

    openfisca-ajk serve --port 5000 [--host 127.0.0.1] [--reform NAME] [--workers N]
                        [--max-request-bytes 1000000] [--max-batch-request-bytes 32000000]

The application (tax-benefit system, reform) is built once in the master process and shared by the
forked workers (gunicorn ``preload_app``).
"""

from openfisca_ajk.service.constants import MAX_BATCH_REQUEST_BYTES, MAX_REQUEST_BYTES


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


def run(arguments):
    from openfisca_ajk.service.http import create_service_app

    def build_app():
        return create_service_app(arguments.reform, arguments.max_request_bytes, arguments.max_batch_request_bytes)

    app = build_app()      # fails fast (unknown reform) before gunicorn starts; shared with the workers
    options = {"bind": f"{arguments.host}:{arguments.port}", "workers": arguments.workers,
               "timeout": arguments.timeout, "preload_app": True, "accesslog": "-" if arguments.access_log else None}
    gunicorn_application(options, lambda: app).run()
    return 0


def register(subparsers):
    parser = subparsers.add_parser("serve", help="serve the one-window service and the OpenFisca Web API (gunicorn)")
    parser.add_argument("--port", type=int, default=5000, help="TCP port (default %(default)s)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default %(default)s; 0.0.0.0 for all)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default %(default)s)")
    parser.add_argument("--reform", default=None, help="serve a reform of reforms/ by name")
    parser.add_argument("--timeout", type=int, default=120, help="worker timeout in seconds (default %(default)s)")
    parser.add_argument("--max-request-bytes", type=int, default=MAX_REQUEST_BYTES,
                        help="largest body of /evaluate and /explain (default %(default)s) -> 413")
    parser.add_argument("--max-batch-request-bytes", type=int, default=MAX_BATCH_REQUEST_BYTES,
                        help="largest body of /evaluate/batch and /calculate (default %(default)s) -> 413")
    parser.add_argument("--access-log", action="store_true", help="log every request to stdout")
    parser.set_defaults(handler=run)
