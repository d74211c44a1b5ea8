"""The outside review's load figure (issue 20), re-measured: 100 clients for 60 s against
a real `revenge serve` (embedded PostgreSQL, Redis, Typesense), each client its own
signed-in user looping over what a household's apps do — list a page of movies, open
one, search, write watch progress, read Continue watching.

Printed: requests, errors (transport failures and 5xx), unexpected 4xx, throughput and
latency percentiles per kind, and every acknowledged progress write read back (lost
writes). The review saw 0 errors; this says whether the hardening kept it so.

`--checkout PATH` measures another checkout (e.g. a worktree of the commit the review
tried) with this script, for a before/after in one run. The load generator shares the
two cores with the server: compare figures of one run, not absolute numbers.

usage: python bench/bench_review_load.py [--clients 100] [--seconds 60] [--movies 300]
                                         [--checkout PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from harness import ROOT, free_port, percentile

sys.path.insert(0, ROOT)

from tests.support.fault_stack import API, PASSWORD, Serve, add_movies, serving

WORDS = ("fault", "movie", "film", "0", "1", "2", "night", "the")


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unexpected: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    acked: dict[tuple[str, str], int] = field(default_factory=dict)  # (token, movie) -> s


async def sign_in_users(serve: Serve, count: int) -> list[str]:
    """`count` users registered by the admin (registration may be closed), each signed in."""
    tokens = []
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{serve.port}{API}",
                                 timeout=60) as api:
        admin = {"Authorization": f"Bearer {serve.token}"}
        for n in range(count):
            name = f"viewer{n:03d}"
            created = await api.post("/admin/users", headers=admin, json={
                "username": name, "email": f"{name}@example.org", "password": PASSWORD})
            if created.status_code >= 400:
                raise RuntimeError(f"creating {name}: {created.status_code} {created.text}")
            login = await api.post("/auth/login", json={"username": name, "password": PASSWORD})
            login.raise_for_status()
            tokens.append(str(login.json()["access_token"]))
    return tokens


async def client_loop(base: str, token: str, movies: list[str], until: float,
                      tally: Tally) -> None:
    rng = random.Random(token)
    position = 3600  # past the 5 % a resume point needs; 90 % of 36,000 is 32,400
    async with httpx.AsyncClient(base_url=base, timeout=30,
                                 headers={"Authorization": f"Bearer {token}"}) as api:
        while time.monotonic() < until:
            movie = rng.choice(movies)
            position += 7
            steps = [
                ("list", "GET", "/movies", {"params": {"limit": 50}}),
                ("movie", "GET", f"/movies/{movie}", {}),
                ("search", "GET", "/search", {"params": {"q": rng.choice(WORDS), "limit": 20}}),
                ("progress", "POST", f"/movies/{movie}/progress",
                 {"json": {"position_seconds": position, "duration_seconds": 36_000}}),
                ("resume", "GET", "/movies/continue-watching", {"params": {"limit": 20}}),
            ]
            for kind, method, path, options in steps:
                if time.monotonic() >= until:
                    return
                started = time.perf_counter()
                try:
                    response = await api.request(method, path, **options)
                except httpx.HTTPError:
                    tally.errors[kind] += 1
                    continue
                tally.latencies[kind].append((time.perf_counter() - started) * 1000)
                if response.status_code >= 500:
                    tally.errors[kind] += 1
                elif response.status_code >= 400:
                    tally.unexpected[f"{kind} {response.status_code}"] += 1
                elif kind == "progress":
                    tally.acked[(token, movie)] = position


async def lost_writes(base: str, acked: dict[tuple[str, str], int]) -> int:
    lost = 0
    async with httpx.AsyncClient(base_url=base, timeout=30) as api:
        for (token, movie), position in acked.items():
            stored = (await api.get(f"/movies/{movie}/progress",
                                    headers={"Authorization": f"Bearer {token}"})).json()
            if (stored.get("resume_position_seconds") or 0) < position:
                lost += 1
    return lost


async def run_load(serve: Serve, clients: int, seconds: float, movies: list[str]) -> dict:
    tokens = await sign_in_users(serve, clients)
    base = f"http://127.0.0.1:{serve.port}{API}"
    tally = Tally()
    until = time.monotonic() + seconds
    started = time.monotonic()
    await asyncio.gather(*(client_loop(base, t, movies, until, tally) for t in tokens))
    elapsed = time.monotonic() - started
    total = sum(len(v) for v in tally.latencies.values())
    return {
        "clients": clients, "seconds": round(elapsed, 1), "requests": total,
        "requests_per_second": round(total / elapsed, 1),
        "errors": sum(tally.errors.values()), "errors_by_kind": dict(tally.errors),
        "unexpected_4xx": dict(tally.unexpected),
        "latency_ms": {kind: {"n": len(v), "p50": round(percentile(v, 50), 1),
                              "p95": round(percentile(v, 95), 1),
                              "p99": round(percentile(v, 99), 1)}
                       for kind, v in sorted(tally.latencies.items())},
        "progress_writes_acked": len(tally.acked),
        "progress_writes_lost": await lost_writes(base, tally.acked),
    }


def measure(checkout: Path | None, clients: int, seconds: float, movie_count: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix="revenge-review-load-"))
    try:
        with serving(work / "data", free_port(), checkout=checkout) as serve:
            movies = add_movies(serve, movie_count)
            return asyncio.run(run_load(serve, clients, seconds, movies))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--movies", type=int, default=300)
    parser.add_argument("--checkout", type=Path, help="another checkout of Revenge to measure")
    args = parser.parse_args()
    figures = measure(args.checkout, args.clients, args.seconds, args.movies)
    print(json.dumps({"checkout": str(args.checkout or ROOT), **figures}, indent=2))


if __name__ == "__main__":
    main()
