"""Load on a real ``openfisca-ajk serve`` on 127.0.0.1: ``.venv/bin/python benchmarks/service_load.py [--quick]``.

Starts the server (gunicorn, ``--workers 2 --threads 4`` unless told otherwise) on a free loopback
port, warms it up, then runs 1, 8 and 32 concurrent clients (threads of this process, each with its
own keep-alive connection). Each client sends a mix of requests:

  * 70 % one complete application to ``/evaluate`` (the documented example household);
  * 20 % one incomplete application to ``/evaluate`` (the widow whose PMT score and son's attendance
    are missing; ~5,000 simulated persons);
  * 10 % a batch of 20 applications, half of them incomplete, to ``/evaluate/batch``.

For each level: requests, errors (anything but a 200), throughput, p50/p95/p99/max latency, and the
resident memory of the workers before and after. Bounded: at most ``--requests`` requests and
``--seconds`` seconds per level; the server only listens on 127.0.0.1 and is stopped at the end.
The clients share the machine with the server, so the figures are a floor on a 2-core machine.
"""

import argparse
import copy
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "situation_examples" / "applications"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load(name):
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def workers_rss_mb(master):
    """Resident memory (MB) of the gunicorn workers, the children of ``master``."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if parent == master:
                for line in (stat.parent / "status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) / 1024
        except (OSError, ValueError, IndexError):
            continue
    return total


def bodies():
    complete, incomplete = load("kafaalat_household"), load("widow_missing_inputs")
    batch = []
    for index in range(20):
        application = copy.deepcopy(complete if index % 2 else incomplete)
        application["id"] = f"b{index}"
        batch.append(application)
    return [("/evaluate", json.dumps(complete).encode(), 0.7),
            ("/evaluate", json.dumps(incomplete).encode(), 0.2),
            ("/evaluate/batch", json.dumps({"date": "2025-03", "applications": batch}).encode(), 0.1)]


def client(port, mix, deadline, budget, latencies, errors, lock, seed):
    generator = random.Random(seed)
    paths, payloads, weights = zip(*[(path, body, weight) for path, body, weight in mix])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    while time.monotonic() < deadline:
        with lock:
            if budget[0] <= 0:
                break
            budget[0] -= 1
        choice = generator.choices(range(len(paths)), weights)[0]
        start = time.perf_counter()
        try:
            connection.request("POST", paths[choice], body=payloads[choice], headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        elapsed = (time.perf_counter() - start) * 1000
        with lock:
            latencies.append(elapsed)
            if not ok:
                errors[0] += 1
    connection.close()


def percentile(ordered, q):
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def level(port, master, clients, requests, seconds, mix):
    latencies, errors, budget, lock = [], [0], [requests], threading.Lock()
    before = workers_rss_mb(master)
    start = time.monotonic()
    threads = [threading.Thread(target=client, args=(port, mix, start + seconds, budget, latencies, errors, lock, k))
               for k in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - start
    after = workers_rss_mb(master)
    ordered = sorted(latencies)
    return {"clients": clients, "requests": len(ordered), "errors": errors[0], "per_second": len(ordered) / wall,
            "p50": percentile(ordered, 0.5), "p95": percentile(ordered, 0.95), "p99": percentile(ordered, 0.99),
            "max": ordered[-1], "mean": statistics.fmean(ordered), "rss_before": before, "rss_after": after}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--requests", type=int, default=400, help="at most this many requests per level")
    parser.add_argument("--seconds", type=float, default=60.0, help="at most this long per level")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--quick", action="store_true", help="100 requests and 20 s per level")
    arguments = parser.parse_args()
    if arguments.quick:
        arguments.requests, arguments.seconds = 100, 20.0
    port = free_port()
    command = [sys.executable, "-m", "openfisca_ajk.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
               "--workers", str(arguments.workers), "--threads", str(arguments.threads)]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/service", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start")
                time.sleep(0.3)
        mix = bodies()
        level(port, server.pid, arguments.workers * arguments.threads, 40, 30, mix)        # warm-up: every worker
        print(f"openfisca-ajk serve --workers {arguments.workers} --threads {arguments.threads} on 127.0.0.1; "
              f"mix: 70 % complete, 20 % incomplete, 10 % batches of 20 (half incomplete)")
        print(f"{'clients':>7} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
              f"{'max ms':>8} {'RSS before':>10} {'RSS after':>9}")
        for clients in arguments.clients:
            found = level(port, server.pid, clients, arguments.requests, arguments.seconds, mix)
            print(f"{found['clients']:>7} {found['requests']:>8} {found['errors']:>6} {found['per_second']:>7.1f} "
                  f"{found['p50']:>8.1f} {found['p95']:>8.1f} {found['p99']:>8.1f} {found['max']:>8.1f} "
                  f"{found['rss_before']:>8.0f} MB {found['rss_after']:>6.0f} MB")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
