"""A bounded HTTP load client: `python bench/load.py URL --duration S --concurrency N`.

Run by bench/run.py in its own process, so client and server never share an interpreter.
Loopback only; it stops after `--duration` seconds or `--max-requests` requests, whichever comes
first, and prints one JSON object: requests, errors, statuses, requests/second and latency
percentiles in milliseconds.
"""

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


def worker(
    url, headers: dict, deadline: float, budget: list[int], lock, latencies: list, statuses: dict
) -> None:
    parts = urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("bench/load.py only talks to loopback")
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    connection = None
    while time.perf_counter() < deadline:
        with lock:
            if budget[0] <= 0:
                return
            budget[0] -= 1
        if connection is None:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        start = time.perf_counter()
        try:
            connection.request("GET", target, headers={"Accept-Language": "nl", **headers})
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close" or response.will_close:
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            status = "error"
            connection.close()
            connection = None
        elapsed = time.perf_counter() - start
        with lock:
            latencies.append(elapsed)
            statuses[status] = statuses.get(status, 0) + 1


def run(
    url: str, duration: float, concurrency: int, max_requests: int, headers: dict | None = None
) -> dict:
    latencies: list[float] = []
    statuses: dict = {}
    lock = threading.Lock()
    budget = [max_requests]
    started = time.perf_counter()
    deadline = started + duration
    threads = [
        threading.Thread(
            target=worker,
            args=(url, headers or {}, deadline, budget, lock, latencies, statuses),
            daemon=True,
        )
        for _ in range(concurrency)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 60)
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    ok = statuses.get(200, 0)
    return {
        "url": url,
        "requests": len(latencies),
        "ok": ok,
        "statuses": {str(key): value for key, value in statuses.items()},
        "seconds": round(wall, 3),
        "rps": round(ok / wall, 1) if wall else 0.0,
        "p50_ms": round(percentile(ordered, 0.50) * 1000, 2),
        "p90_ms": round(percentile(ordered, 0.90) * 1000, 2),
        "p99_ms": round(percentile(ordered, 0.99) * 1000, 2),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 2) if ordered else None,
        "concurrency": concurrency,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument(
        "--header", action="append", default=[], help='"Name: value", e.g. a session cookie'
    )
    args = parser.parse_args()
    headers = dict(h.split(": ", 1) for h in args.header)
    result = run(args.url, args.duration, args.concurrency, args.max_requests, headers)
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
