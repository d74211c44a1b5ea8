"""Catalog figures, in one run against one `revenge http` process (issue 5's goals):

* hello-world (/healthz) rps vs `GET /movies?limit=50` rps at 50k movies (goal >= 30%)
* p95 of that list at 50k vs at 5k (goal <= 1.5x)
* p95 of continue-watching and stats vs the list (goal <= 2x)
* a deep page (cursor after 40k items) vs the first page (goal <= 1.5x)

then EXPLAIN (ANALYZE, BUFFERS) of the slowest SQL statement those requests run.

The server runs against a fresh database on REVENGE_BENCH_DATABASE_URL's server
(default postgresql://root@127.0.0.1:5432/test; dropped afterwards) and
REVENGE_BENCH_REDIS_URL (default redis://127.0.0.1:6379/0). The catalog is seeded with
COPY (bench/seed_catalog.py) to 5k movies, measured, grown to 50k, measured again.
Load comes from wrk in its own process; each figure is the median of --rounds runs.

The server caches list pages per user (REVENGE_LIST_CACHE_ENTRIES, default on), so
repeated requests measure cache hits; `--list-cache-entries 0` measures every request
going to PostgreSQL.

usage: python bench/bench_catalog.py [--seconds 5] [--connections 16] [--rounds 3]
                                     [--list-cache-entries N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psycopg
from harness import P95Load as Load
from harness import WrkP95, free_port, fresh_database, median_load, revenge_process, wait_for
from psycopg import sql

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import seed_catalog

PASSWORD = "bench password that is long enough"
SMALL, LARGE, DEEP = 5_000, 50_000, 40_000
def sign_in(base: str) -> tuple[str, str]:
    """Registers the server's first user (an admin); returns (user id, access token)."""
    with httpx.Client(base_url=base + "/api/v1", timeout=60) as api:
        registered = api.post("/auth/register", json={
            "username": "bench", "email": "bench@example.org", "password": PASSWORD})
        registered.raise_for_status()
        login = api.post("/auth/login", json={"username": "bench", "password": PASSWORD})
        login.raise_for_status()
        body = login.json()
        return body["user"]["id"], body["access_token"]


def deep_cursor(base: str, token: str, after: int) -> str:
    """Walks the title order 200 at a time until `after` items are behind the cursor."""
    cursor = ""
    with httpx.Client(base_url=base + "/api/v1", timeout=60,
                      headers={"Authorization": f"Bearer {token}"}) as api:
        for _ in range(after // 200):
            params = {"limit": 200, **({"cursor": cursor} if cursor else {})}
            response = api.get("/movies", params=params)
            response.raise_for_status()
            cursor = response.json()["next_cursor"]
    return cursor


def warm_up(base: str, token: str, paths: list[str]) -> None:
    with httpx.Client(base_url=base, timeout=60,
                      headers={"Authorization": f"Bearer {token}"}) as client:
        for path in paths:
            for _ in range(30):
                assert client.get(path).status_code == 200, path


def measure(wrk: WrkP95, base: str, token: str, paths: dict[str, str],
            rounds: int) -> dict[str, Load]:
    """Interleaved rounds (every endpoint once per round), median per endpoint."""
    auth = {"Authorization": f"Bearer {token}"}
    runs: dict[str, list[Load]] = {name: [] for name in paths}
    for _ in range(rounds):
        for name, path in paths.items():
            runs[name].append(wrk.run(base + path, {} if name == "hello-world" else auth))
    return {name: median_load(r) for name, r in runs.items()}


def report(small: dict[str, Load], large: dict[str, Load]) -> None:
    print("\n  endpoint                       catalog     rps    p50 ms   p95 ms  errors")
    for size, loads in (("5k", small), ("50k", large)):
        for name, load in loads.items():
            print(f"  {name:<30} {size:>7} {load.rps:>7.0f} {load.p50_ms:>8.2f} "
                  f"{load.p95_ms:>8.2f} {load.errors:>7}")
    hello, first = large["hello-world"], large["movies?limit=50"]
    checks = [
        ("list rps / hello-world rps at 50k", first.rps / hello.rps, ">=", 0.30),
        ("list p95 50k / 5k", first.p95_ms / small["movies?limit=50"].p95_ms, "<=", 1.5),
        ("continue-watching p95 / list p95", large["continue-watching"].p95_ms / first.p95_ms,
         "<=", 2.0),
        ("stats p95 / list p95", large["stats"].p95_ms / first.p95_ms, "<=", 2.0),
        ("deep page (after 40k) p95 / first page p95",
         large["movies deep page"].p95_ms / first.p95_ms, "<=", 1.5),
    ]
    reference = large["users/me (auth + 1-row read)"]
    print(f"\n  for reference: list rps / (auth + 1-row read) rps at 50k  "
          f"{first.rps / reference.rps:.2f}")
    for label, value, op, goal in checks:
        ok = value >= goal if op == ">=" else value <= goal
        print(f"  {label:<45} {value:6.2f}  (goal {op} {goal})  {'met' if ok else 'MISSED'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--list-cache-entries", type=int, default=None,
                        help="REVENGE_LIST_CACHE_ENTRIES for the server (0: no list cache)")
    args = parser.parse_args()
    server = os.environ.get("REVENGE_BENCH_DATABASE_URL",
                            "postgresql://root@127.0.0.1:5432/test")
    redis_url = os.environ.get("REVENGE_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
    with fresh_database(server) as db_url, tempfile.TemporaryDirectory() as scratch:
        run(args, db_url, redis_url, scratch)


def run(args: argparse.Namespace, db_url: str, redis_url: str, scratch: str) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {"REVENGE_DATABASE_URL": db_url, "REVENGE_REDIS_URL": redis_url,
           "REVENGE_DATA_DIR": scratch, "REVENGE_LOG_LEVEL": "warning",
           "REVENGE_ACCESS_TOKEN_MINUTES": "600"}
    if args.list_cache_entries is not None:
        env["REVENGE_LIST_CACHE_ENTRIES"] = str(args.list_cache_entries)
    log = os.path.join(scratch, "server.log")
    with revenge_process(["http", "--host", "127.0.0.1", "--port", str(port)], env, log):
        wait_for(base + "/startupz", timeout=180)
        user_id, token = sign_in(base)
        wrk = WrkP95(args.seconds, args.connections)
        small, _ = phase(args, db_url, base, token, user_id, SMALL, wrk)
        large, cursor = phase(args, db_url, base, token, user_id, LARGE, wrk)
    cache = "server default" if args.list_cache_entries is None else args.list_cache_entries
    print(f"\n  list cache entries: {cache}")
    report(small, large)
    asyncio.run(explain_slowest(db_url, user_id, cursor))


def phase(args: argparse.Namespace, db_url: str, base: str, token: str, user_id: str,
          size: int, wrk: WrkP95) -> tuple[dict[str, Load], str]:
    """Grows the catalog to `size`, then measures; returns the loads and the deep cursor."""
    started = time.perf_counter()
    counts = seed_catalog.seed_movies(db_url, size)
    if size == SMALL:
        counts["watch_rows"] = seed_catalog.seed_viewer(db_url, user_id, among=SMALL)
    seed_catalog.vacuum(db_url)
    print(f"seeded to {size:,} movies in {time.perf_counter() - started:.1f}s: {counts}",
          flush=True)
    paths = {"movies?limit=50": "/api/v1/movies?limit=50",
             "continue-watching": "/api/v1/movies/continue-watching?limit=50",
             "stats": "/api/v1/movies/stats"}
    cursor = ""
    if size == LARGE:
        cursor = deep_cursor(base, token, DEEP)
        paths = {"hello-world": "/healthz", "users/me (auth + 1-row read)": "/api/v1/users/me",
                 **paths,
                 "movies deep page": f"/api/v1/movies?limit=50&cursor={cursor}"}
    warm_up(base, token, [p for n, p in paths.items() if n != "hello-world"])
    return measure(wrk, base, token, paths, args.rounds), cursor


# --- EXPLAIN of the slowest statement ------------------------------------------------
# The same adapters the server uses run here in-process with a spy on
# `AsyncConnection.execute`; a second (warm) pass records each request's statements,
# which are then run again under EXPLAIN (ANALYZE, BUFFERS).


async def explain_slowest(db_url: str, user_id: str, cursor: str) -> None:
    recorded = await _recorded_statements(db_url, user_id, cursor)
    async with await psycopg.AsyncConnection.connect(db_url, autocommit=True) as conn:
        plans = [(label, await _explain(conn, query, params))
                 for label, query, params in recorded]
    timed = sorted(((_execution_ms(plan), label, plan) for label, plan in plans), reverse=True)
    print("\n  slowest statements (warm, EXPLAIN ANALYZE execution time):")
    for ms, label, _ in timed[:5]:
        print(f"    {ms:8.3f} ms  {label}")
    ms, label, plan = timed[0]
    print(f"\n  EXPLAIN (ANALYZE, BUFFERS) of the slowest, from {label}:\n")
    print("\n".join("    " + line for line in plan.splitlines()))


async def _recorded_statements(db_url: str, user_id: str,
                               cursor: str) -> list[tuple[str, object, object]]:
    from revenge.adapters.memory.cache import InMemoryCache
    from revenge.adapters.postgres.catalog_movie_list import PostgresMovieListQueries
    from revenge.adapters.postgres.catalog_stats import PostgresCatalogStatsQueries
    from revenge.adapters.postgres.catalog_user_queries import PostgresUserLibraryQueries
    from revenge.adapters.postgres.database import Database
    from revenge.domain.catalog.listing import MovieListQuery, PageRequest

    recorded: list[tuple[str, object, object]] = []
    label = [""]
    original = psycopg.AsyncConnection.execute

    async def spy(self, query, params=None, **kwargs):  # type: ignore[no-untyped-def]
        if query:  # the pool's connection check sends an empty query
            recorded.append((label[0], query, params))
        return await original(self, query, params, **kwargs)

    database, cache = Database(db_url, min_size=1, max_size=2), InMemoryCache()
    await database.open()
    lists = PostgresMovieListQueries(database, cache)
    library = PostgresUserLibraryQueries(database)
    stats = PostgresCatalogStatsQueries(database, cache)
    requests = {
        "GET /movies?limit=50": lambda: lists.list_movies(user_id, MovieListQuery()),
        "GET /movies?limit=50&cursor=<after 40k>": lambda: lists.list_movies(
            user_id, MovieListQuery(page=PageRequest(50, cursor))),
        "GET /movies/continue-watching": lambda: library.continue_watching(
            user_id, PageRequest(50)),
        "GET /movies/stats": lambda: stats.stats(user_id),
    }
    try:
        for request in requests.values():
            await request()  # cold: fills the caches, as the server's are by now
        psycopg.AsyncConnection.execute = spy  # type: ignore[method-assign]
        for name, request in requests.items():
            label[0] = name
            await request()
    finally:
        psycopg.AsyncConnection.execute = original  # type: ignore[method-assign]
        await database.close()
    return recorded


async def _explain(conn: psycopg.AsyncConnection[tuple[object, ...]], query: object,
                   params: object) -> str:
    text = query.as_string(conn) if isinstance(query, sql.Composable) else str(query)
    for _ in range(2):  # the second run: caches of this new connection are warm
        cur = await conn.execute(f"EXPLAIN (ANALYZE, BUFFERS) {text}", params)  # type: ignore[arg-type]
        plan = "\n".join(str(row[0]) for row in await cur.fetchall())
    return plan


def _execution_ms(plan: str) -> float:
    match = re.search(r"Execution Time: ([\d.]+) ms", plan)
    return float(match.group(1)) if match else 0.0


if __name__ == "__main__":
    main()
