"""A real ``openfisca-ajk serve`` on 127.0.0.1 stays up: memory back to its plateau after batches, slow
clients cut off by the read timeout, a request out of time answered with JSON 503, the Web API checked."""

import json
import os
import socket
import sys
import time
from pathlib import Path

import pytest

from openfisca_ajk.system import load_situation_example
from tests.serving import request, running_server
from tests.service.helpers import example

pytestmark = pytest.mark.slow

INCOMPLETE = {"date": "2025-03", "household": {}, "persons": [{"role": "head", "sex": "female"}, {"role": "spouse"},
                                                               {"role": "child"}]}


def serve(*extra):
    command = [sys.executable, "-m", "openfisca_ajk.cli", "serve", "--host", "127.0.0.1", "--port", "{port}",
               "--workers", "1", *extra]
    return running_server(command, "/service")


def worker_rss_mb(base):
    """Resident memory of the gunicorn workers serving ``base`` (children of its master process)."""
    port = base.rsplit(":", 1)[1]
    processes = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        processes[int(stat.parent.name)] = (int(fields[1]), cmdline)
    masters = [pid for pid, (parent, cmdline) in processes.items()
               if parent == os.getpid() and b"serve" in cmdline and port.encode() in cmdline]
    workers = [pid for pid, (parent, _) in processes.items() if parent in masters]
    assert workers, "no worker found"
    total = 0
    for pid in workers:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
    return total


def test_the_worker_memory_returns_to_its_plateau_after_batches():
    """50 batches of 20 incomplete applications (~206,000 simulated persons each, two chunks): the
    worker's memory after the last 25 stays within 40 MB of its peak over the first 25."""
    body = {"date": "2025-03", "applications": [INCOMPLETE] * 20}
    with serve("--threads", "1") as base:
        rss = []
        for _ in range(50):
            status, answer = request(f"{base}/evaluate/batch", body)
            assert status == 200 and answer["results"][0]["schemes"]
            rss.append(worker_rss_mb(base))
    first, last = max(rss[:25]), max(rss[25:])
    assert last <= first + 40, [round(value) for value in rss]


def stalled_connection(base, body=b'{"date": "2025-03", "applications": ['):
    """A client that announces a 10,000-byte body, sends a few bytes of it and stops."""
    host, port = base.removeprefix("http://").split(":")
    connection = socket.create_connection((host, int(port)), timeout=30)
    connection.sendall(b"POST /evaluate/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       b"Content-Length: 10000\r\n\r\n" + body)
    return connection


def test_stalled_clients_cannot_hold_the_workers():
    with serve("--threads", "2", "--read-timeout", "2") as base:
        stalled = [stalled_connection(base) for _ in range(4)]          # more than the worker's threads
        start = time.monotonic()
        status, body = request(f"{base}/evaluate", example())
        waited = time.monotonic() - start
        assert status == 200 and body["schemes"]
        assert waited < 8, waited
        for connection in stalled:
            answer = connection.recv(65536)
            connection.close()
            if answer:                                   # stalled in the body: a JSON 408
                head, _, text = answer.partition(b"\r\n\r\n")
                assert b" 408 " in head.split(b"\r\n")[0], answer[:200]
                assert json.loads(text)["error"]["code"] == "request_timeout"


def test_a_request_out_of_time_is_a_json_503():
    with serve("--time-budget", "0.2") as base:
        status, body = request(f"{base}/evaluate/batch", {"date": "2025-03", "applications": [INCOMPLETE] * 30})
        assert status == 503 and body["error"]["code"] == "time_budget_exceeded"
        status, body = request(f"{base}/evaluate", example())           # the worker is still there
        assert status == 200


def test_a_costly_batch_is_a_json_422_naming_the_limit():
    """The memory reproduction: 1,000 incomplete three-person applications (~10 million simulated persons)."""
    with serve() as base:
        status, body = request(f"{base}/evaluate/batch", {"date": "2025-03", "applications": [INCOMPLETE] * 1000})
        assert status == 422 and body["error"]["code"] == "too_costly" and "the limit is 2,000,000" in body["error"]["problem"]
        status, body = request(f"{base}/service")
        assert body["limits"]["max_request_cost"] == 2_000_000


def test_calculate_behind_the_service_checks_its_input():
    situation = load_situation_example("kafaalat_household")
    situation["persons"]["Shazia"]["has_cnic"] = {"2025-03": "false"}
    with serve() as base:
        status, body = request(f"{base}/calculate", situation)
        assert status == 400 and body["error"]["field"] == "persons.Shazia.has_cnic.2025-03"
        status, body = request(f"{base}/spec")
        assert status == 200 and "/evaluate/batch" in body["paths"]


def test_a_malformed_request_gets_json_not_gunicorns_html_page():
    with serve() as base:
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=30) as connection:
            connection.sendall(b"NOT A REQUEST LINE\r\n\r\n")
            answer = b""
            while chunk := connection.recv(65536):
                answer += chunk
        head, _, body = answer.partition(b"\r\n\r\n")
        assert b" 400 " in head.split(b"\r\n")[0] and b"application/json" in head
        assert json.loads(body)["error"]["code"] == "bad_request"
