"""The gunicorn worker of ``openfisca-ajk serve``: threads, and a read timeout on every connection.

gunicorn's ``gthread`` worker waits for a connection's first bytes without holding a thread (idle
keep-alive connections are closed after ``keepalive`` seconds), then hands it to one of its threads.
This worker also gives every connection's socket a timeout of ``READ_TIMEOUT`` seconds, so a client
that sends its headers or body slowly, or stalls after a ``Content-Length``, loses its connection
(or, stalled in the body, gets a JSON 408) instead of holding the thread; a client that does not read
its answer is cut off the same way. Imported by gunicorn only (``worker_class``).
"""

from gunicorn.workers.gthread import ThreadWorker


class ReadTimeoutWorker(ThreadWorker):
    #: Seconds a connection may stay silent while a request or its answer is in transit; set by
    #: ``openfisca-ajk serve --read-timeout`` in the master process before the workers are forked.
    READ_TIMEOUT = 10.0

    def handle(self, conn):
        conn.sock.settimeout(self.READ_TIMEOUT)
        return super().handle(conn)
