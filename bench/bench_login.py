"""Identity figures: login latency (argon2id t=2, m=19 MiB, p=1), and /healthz throughput
idle vs while 2 logins/s run, in the same run (goal: >= 80% of idle).

Uses REVENGE_BENCH_DATABASE_URL / REVENGE_BENCH_REDIS_URL when set (a fresh database is
created on that server and dropped afterwards), else embedded PostgreSQL and Redis.

usage: python bench/bench_login.py [--seconds 5] [--connections 32] [--logins 40]
                                  [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time

import httpx
from harness import http_server, summary_ms, wrk

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

PASSWORD = "bench password that is long enough"


def login(client: httpx.Client) -> float:
    started = time.perf_counter()
    response = client.post("/api/v1/auth/login",
                           json={"username": "bench", "password": PASSWORD})
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return elapsed


def login_latencies(base: str, count: int) -> list[float]:
    with httpx.Client(base_url=base, timeout=30) as client:
        login(client)  # warm-up (the server computes its dummy hash once)
        return [login(client) for _ in range(count)]


class Logins(threading.Thread):
    """Logs in at `rate` per second until stopped, recording latencies."""

    def __init__(self, base: str, rate: float) -> None:
        super().__init__(daemon=True)
        self._base, self._interval = base, 1 / rate
        self._stop_event = threading.Event()
        self.latencies: list[float] = []

    def run(self) -> None:
        with httpx.Client(base_url=self._base, timeout=30) as client:
            next_at = time.perf_counter()
            while not self._stop_event.is_set():
                self.latencies.append(login(client))
                next_at += self._interval
                self._stop_event.wait(max(0.0, next_at - time.perf_counter()))

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def run(seconds: int, connections: int, count: int, rounds: int) -> None:
    with http_server() as base:
        httpx.post(f"{base}/api/v1/auth/register", json={
            "username": "bench", "email": "bench@example.org", "password": PASSWORD},
            timeout=30).raise_for_status()
        report(base, seconds, connections, count, rounds)


def report(base: str, seconds: int, connections: int, count: int, rounds: int) -> None:
    print(f"login latency, idle server:         {summary_ms(login_latencies(base, count))}")
    idle: list[float] = []
    busy: list[float] = []
    latencies: list[float] = []
    for _ in range(rounds):  # interleaved, so drift in machine load hits both alike
        idle.append(wrk(f"{base}/healthz", seconds, connections).requests_per_second)
        logins = Logins(base, rate=2.0)
        logins.start()
        busy.append(wrk(f"{base}/healthz", seconds, connections).requests_per_second)
        logins.stop()
        latencies += logins.latencies
    print(f"login latency, under /healthz load: {summary_ms(latencies)}")
    print(f"GET /healthz idle (per round):      {_rates(idle)}")
    print(f"GET /healthz with 2 logins/s:       {_rates(busy)}")
    ratio = statistics.median(busy) / statistics.median(idle)
    print(f"throughput with logins vs idle:     {ratio:.0%} of median (goal >= 80%)")


def _rates(values: list[float]) -> str:
    rates = "  ".join(f"{v:.0f}" for v in values)
    return f"{rates}  req/s (median {statistics.median(values):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--logins", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    run(args.seconds, args.connections, args.logins, args.rounds)


if __name__ == "__main__":
    main()
