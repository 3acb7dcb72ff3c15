"""The gunicorn worker of ``openfisca-ajk serve``: threads, a read timeout, and JSON for gunicorn's own errors.

gunicorn's ``gthread`` worker waits for a connection's first bytes without holding a thread (idle
keep-alive connections are closed after ``keepalive`` seconds), then hands it to one of its threads.
This worker also gives every connection's socket a timeout of ``READ_TIMEOUT`` seconds, so a client
that sends its headers or body slowly, or stalls after a ``Content-Length``, loses its connection
(or, stalled in the body, gets a JSON 408) instead of holding the thread; a client that does not read
its answer is cut off the same way. The errors gunicorn answers itself (a malformed request line or
header, headers too large) are written as the service's JSON error instead of an HTML page. Imported
by gunicorn only (``worker_class``).
"""

import json

from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker


def write_json_error(sock, status_int, reason, mesg):
    """gunicorn's ``util.write_error`` with the service's JSON error body."""
    code = "_".join(str(reason).lower().split())
    problem = {"code": code, "field": None, "problem": str(mesg)[:500] or str(reason)}
    body = json.dumps({"error": problem, "errors": [problem]}).encode("utf-8")
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode("latin-1")
    util.write_nonblock(sock, head + body)


class ReadTimeoutWorker(ThreadWorker):
    #: Seconds a connection may stay silent while a request or its answer is in transit; set by
    #: ``openfisca-ajk serve --read-timeout`` in the master process before the workers are forked.
    READ_TIMEOUT = 10.0

    def init_process(self):
        util.write_error = write_json_error         # in this worker process only
        super().init_process()

    def handle(self, conn):
        conn.sock.settimeout(self.READ_TIMEOUT)
        return super().handle(conn)
