"""Forgot-password timing: POST /auth/password/forgot for addresses that exist and for
addresses that do not, interleaved, against a real `revenge http` (PostgreSQL outbox,
Redis throttle). The ratio known/unknown should be ~1.0 (issue 20, finding 10).

Uses REVENGE_BENCH_DATABASE_URL / REVENGE_BENCH_REDIS_URL when set (a fresh database is
created on that server and dropped afterwards), else embedded PostgreSQL and Redis.

usage: python bench/bench_forgot_password.py [--requests 60] [--users 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import httpx
from harness import http_server, summary_ms

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

PASSWORD = "bench password that is long enough"


def add_users(client: httpx.Client, count: int) -> None:
    admin = {"username": "admin", "email": "admin@example.org", "password": PASSWORD}
    client.post("/api/v1/auth/register", json=admin).raise_for_status()
    login = client.post("/api/v1/auth/login", json={"username": "admin", "password": PASSWORD})
    login.raise_for_status()
    client.cookies.clear()
    auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
    for n in range(count):
        client.post("/api/v1/admin/users", headers=auth, json={
            "username": f"user{n}", "email": f"user{n}@example.org",
            "password": PASSWORD}).raise_for_status()


def forgot(client: httpx.Client, email: str, n: int) -> float:
    # Each from its own address: the per-IP limit (10 an hour) is not what is measured.
    headers = {"X-Forwarded-For": f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"}
    started = time.perf_counter()
    response = client.post("/api/v1/auth/password/forgot", json={"email": email},
                           headers=headers)
    elapsed = time.perf_counter() - started
    assert response.status_code == 202, response.text
    return elapsed


def measure(base: str, requests: int, users: int) -> None:
    with httpx.Client(base_url=base, timeout=30) as client:
        add_users(client, users)
        for n in range(5):  # warm-up
            forgot(client, f"warm{n}@example.org", 60_000 + n)
        known: list[float] = []
        unknown: list[float] = []
        for n in range(requests):  # interleaved, so drifting load hits both alike
            known.append(forgot(client, f"user{n % users}@example.org", 2 * n))
            unknown.append(forgot(client, f"nobody{n}@example.org", 2 * n + 1))
    print(f"forgot, address exists:   {summary_ms(known)}")
    print(f"forgot, no such address:  {summary_ms(unknown)}")
    ratio = statistics.median(known) / statistics.median(unknown)
    print(f"median known / unknown:   {ratio:.2f} (goal ~1.0)")


def run(requests: int, users: int) -> None:
    with http_server({"REVENGE_TRUSTED_PROXIES": "127.0.0.1",
                      "REVENGE_LOG_LEVEL": "error"}) as base:
        measure(base, requests, users)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--users", type=int, default=20)
    args = parser.parse_args()
    run(args.requests, args.users)


if __name__ == "__main__":
    main()
