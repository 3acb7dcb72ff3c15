"""Start a real ``openfisca serve`` process on loopback for tests, and stop it afterwards."""

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(url, payload=None, method=None):
    """Return (status, decoded JSON or text) for a request; HTTP errors are returned, not raised."""
    data = None if payload is None else json.dumps(payload).encode("utf-8")
    headers = {"Content-Type": "application/json"} if data is not None else {}
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    text = body.decode("utf-8")
    try:
        return status, json.loads(text)
    except json.JSONDecodeError:
        return status, text


@contextlib.contextmanager
def running_server(command, ready_path):
    """Start ``command`` (a server bound to 127.0.0.1), wait until ``ready_path`` answers, yield its URL.

    ``command`` is a list in which ``{port}`` is replaced by a free port. The process is stopped on exit.
    """
    port = free_port()
    process = subprocess.Popen([part.replace("{port}", str(port)) for part in command],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited early:\n{process.stdout.read().decode()}")
            try:
                with urllib.request.urlopen(f"{base}{ready_path}", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        else:
            raise RuntimeError("the server did not answer within the start-up delay")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def openfisca_server(*extra_arguments):
    """An ``openfisca serve -c openfisca_ajk`` process on 127.0.0.1 (a context manager yielding its URL)."""
    openfisca = Path(sys.executable).with_name("openfisca")
    command = [str(openfisca), "serve", "-c", "openfisca_ajk", "--bind", "127.0.0.1:{port}",
               "--workers", "1", *extra_arguments]
    return running_server(command, "/entities")
