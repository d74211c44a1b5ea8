"""Matching throughput against the fake TMDb for 1,000 files, as the worker runs it.

* The real composition root (`build_container`, profile "real"): PostgreSQL records in a
  fresh database (migrated with MigrationRunner, dropped afterwards), the L1 + Redis
  response cache (keys under a prefix of this run, deleted afterwards), the TMDb adapter.
* The fake TMDb in a process of its own (granian), so it shares no GIL with the code
  under test; its ceiling is measured first with wrk and printed next to the load the
  runs put on it.
* 1,000 movies created from file names the way the scanner does (`parse_name`, then
  `new_movie`), matched by `--concurrency` jobs at a time on one event loop: the
  worker's `match_movie` actor function, as a worker with that many threads runs it.
* Run 1 has a cold cache. Run 2 matches the same files again into a second fresh
  database from a new container (cold L1, new connections): only Redis carries over.

Prints movies/s, TMDb requests per movie (counted by the fake), the cache hit rate and
p50/p95 per match. `--rps` is the client's rate limit, 1000 by default to measure our
side; TMDb allows ~40/s, so against it a cold run tops out at 40 / (requests per movie).
Without `--images` artwork is not fetched (image store off), so the figures are matching.

usage: python bench/bench_metadata.py [--movies 1000] [--concurrency 8] [--rps 1000]
                                      [--images]
Env: REVENGE_BENCH_DATABASE_URL (postgresql://root@127.0.0.1:5432/test),
     REVENGE_BENCH_REDIS_URL (redis://127.0.0.1:6379/0).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
import redis
import uuid_utils
from dependency_injector import providers
from harness import fresh_database

from revenge.adapters.postgres.migrations import (
    MigrationRunner,
    default_directory,
    load_migrations,
)
from revenge.adapters.redis.cache import RedisCache
from revenge.domain.catalog.movie import MovieFields, new_movie
from revenge.domain.library.naming import parse_name
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer, build_container
from revenge.entrypoints.di.metadata import close_http_clients
from revenge.entrypoints.worker.metadata_actors import match_movie
from revenge.testing.fake_tmdb.api import API_KEY
from revenge.testing.fake_tmdb.data import synthetic_rows
from revenge.testing.fake_tmdb.process import FakeTmdbProcess

APPENDED = "credits,images,release_dates,external_ids,similar"
_STYLES = ("{title}.{year}.1080p.BluRay.x264-GRP.mkv", "{title} ({year}).mkv",
           "{title}.{year}.2160p.WEB-DL.DDP5.1.HDR.H.265-GRP.mkv", "{title} ({year}) [720p].mp4")


@dataclass
class Run:
    label: str
    movies: int
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    tmdb_requests: int = 0
    cache_hits: int = 0
    cache_misses: int = 0
    pg_round_trip_ms: float = 0.0


def file_names(count: int) -> list[str]:
    """Release-style names of the fake's synthetic movies, in four common spellings."""
    names = []
    for i, row in enumerate(synthetic_rows(count)):
        title, year = row[1], row[3][:4]
        style = _STYLES[i % len(_STYLES)]
        spaced = title if "(" in style else title.replace(" ", ".")
        names.append(style.format(title=spaced, year=year))
    return names


@contextlib.asynccontextmanager
async def worker_container(args: argparse.Namespace, db_url: str, fake: FakeTmdbProcess,
                           data_dir: str) -> AsyncIterator[AppContainer]:
    """The worker's container on `db_url`, its cache under this run's key prefix."""
    settings = Config(database_url=db_url, redis_url=args.redis_url, data_dir=data_dir,
                      db_pool_max_size=args.concurrency + 2, worker_threads=args.concurrency,
                      tmdb_api_key=API_KEY, tmdb_base_url=fake.base_url,
                      tmdb_requests_per_second=args.rps, log_level="warning")
    container = build_container(settings, "real")
    container.core.cache.override(providers.Singleton(
        RedisCache, container.core.redis, l1_max_items=settings.cache_l1_max_items,
        l1_ttl_seconds=settings.cache_l1_ttl_seconds, prefix=args.cache_prefix))
    if not args.images:
        container.metadata.image_store.override(providers.Object(None))
    await container.core.database().open()
    try:
        yield container
    finally:
        await close_http_clients(container.metadata)
        await container.core.database().close()
        await container.core.redis().aclose()


async def create_movies(container: AppContainer, names: list[str]) -> list[str]:
    """The scanner's movies: one per file, title and year from the name, unmatched."""
    now, ids = datetime.now(UTC), []
    async with container.metadata.unit_of_work() as uow:
        for name in names:
            parsed = parse_name(name)
            movie = new_movie(str(uuid_utils.uuid7()), MovieFields(
                title=parsed.title, year=parsed.year), now)
            await uow.movies.add(movie)
            ids.append(movie.id)
        await uow.commit()
    return ids


async def pg_round_trip_ms(container: AppContainer, count: int = 200) -> float:
    """Median `SELECT 1` on a pooled connection: this machine's price of one statement."""
    samples = []
    async with container.core.database().connection() as conn:
        for _ in range(count):
            started = time.perf_counter()
            await conn.execute("SELECT 1")
            samples.append((time.perf_counter() - started) * 1000)
        await conn.rollback()
    return statistics.median(samples)


async def match_all(container: AppContainer, ids: list[str], concurrency: int,
                    run: Run) -> None:
    gate = asyncio.Semaphore(concurrency)

    async def one(movie_id: str) -> None:
        async with gate:
            started = time.perf_counter()
            result = await match_movie(container, str(uuid.uuid4()), {"movie_id": movie_id})
            run.latencies.append(time.perf_counter() - started)
        run.outcomes[result["status"]] += 1

    started, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(one(i) for i in ids))
    run.seconds, run.cpu_seconds = time.perf_counter() - started, time.process_time() - cpu


async def measure(label: str, args: argparse.Namespace, names: list[str],
                  fake: FakeTmdbProcess) -> Run:
    with fresh_database(args.database_url, "revenge_bench_metadata") as db_url, \
            tempfile.TemporaryDirectory() as data_dir:
        await MigrationRunner(db_url, load_migrations(default_directory())).up()
        async with worker_container(args, db_url, fake, data_dir) as container:
            ids = await create_movies(container, names)
            run = Run(label, len(ids), pg_round_trip_ms=await pg_round_trip_ms(container))
            before = fake.stats()["api_requests"]
            await match_all(container, ids, args.concurrency, run)
            run.tmdb_requests = fake.stats()["api_requests"] - before
            stats = container.metadata.tmdb_client().stats
            run.cache_hits, run.cache_misses = stats.cache_hits, stats.cache_misses
    return run


def probe_urls(fake: FakeTmdbProcess) -> dict[str, str]:
    """A cold match's two requests: the search, then the details with everything appended."""
    return {"search": f"{fake.base_url}/search/movie?query=The+Pale+Lantern&year=1957"
                      f"&api_key={API_KEY}",
            "movie+appended": f"{fake.base_url}/movie/1000011?append_to_response={APPENDED}"
                              f"&api_key={API_KEY}"}


def wrk_ceiling(urls: dict[str, str], connections: int, seconds: int = 3) -> dict[str, float]:
    """Requests/s the fake serves on its own (wrk, `connections` keep-alive connections)."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return {}
    found = {}
    for label, url in urls.items():
        out = subprocess.run([wrk, "-t1", f"-c{connections}", f"-d{seconds}s", url],
                             capture_output=True, text=True, check=True).stdout
        found[label] = float(out.split("Requests/sec:")[1].split()[0])
    return found


async def httpx_ceiling(urls: dict[str, str], concurrency: int,
                        count: int = 400) -> dict[str, float]:
    """The same requests from this process with a bare httpx client (the TMDb adapter's):
    the client side's own ceiling, which every cold match pays twice."""
    found, gate = {}, asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient() as client:
        for label, url in urls.items():
            async def one(url: str = url) -> None:
                async with gate:
                    (await client.get(url)).raise_for_status()

            await asyncio.gather(*(one() for _ in range(concurrency)))  # connections made
            started = time.perf_counter()
            await asyncio.gather(*(one() for _ in range(count)))
            found[label] = count / (time.perf_counter() - started)
    return found


def report(run: Run, ceiling: dict[str, float]) -> None:
    ms = sorted(s * 1000 for s in run.latencies)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    lookups = run.cache_hits + run.cache_misses
    load = run.tmdb_requests / run.seconds
    print(f"{run.label}: {run.movies} movies in {run.seconds:.2f} s = "
          f"{run.movies / run.seconds:.1f} movies/s\n"
          f"  TMDb requests/movie {run.tmdb_requests / run.movies:.2f} "
          f"({run.tmdb_requests} requests, {load:.0f} req/s on the fake"
          + (f" = {load / min(ceiling.values()):.0%} of its ceiling" if ceiling else "")
          + f")\n  cache hit rate {run.cache_hits / lookups if lookups else 0:.1%} "
          f"({run.cache_hits} hits / {lookups} lookups)\n"
          f"  per match p50 {statistics.median(ms):.1f} ms  p95 {p95:.1f} ms "
          f"(PostgreSQL round trip p50 {run.pg_round_trip_ms:.2f} ms)\n"
          f"  this process's CPU per match {run.cpu_seconds / run.movies * 1000:.1f} ms "
          f"(the load on other cores aside: <= {run.movies / run.cpu_seconds:.0f} movies/s "
          f"per worker process)\n"
          f"  outcomes {dict(run.outcomes)}")


async def main(args: argparse.Namespace) -> None:
    names = file_names(args.movies)
    try:
        with FakeTmdbProcess(synthetic=args.movies) as fake:
            ceiling = wrk_ceiling(probe_urls(fake), args.concurrency)
            client = await httpx_ceiling(probe_urls(fake), args.concurrency)
            print(f"fake TMDb alone (wrk, {args.concurrency} connections): {_rates(ceiling)}\n"
                  f"bare httpx from this process ({args.concurrency} concurrent): "
                  f"{_rates(client)}")
            print(f"{args.movies} files, {args.concurrency} concurrent match jobs, client "
                  f"limit {args.rps} req/s, images {'on' if args.images else 'off'}; "
                  f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
            for label in ("run 1 (cold cache)", "run 2 (warm Redis, new container + db)"):
                report(await measure(label, args, names, fake), ceiling)
    finally:
        drop_cache(args.redis_url, args.cache_prefix)


def _rates(found: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.0f} req/s" for k, v in found.items()) or "n/a (no wrk)"


def drop_cache(redis_url: str, prefix: str) -> None:
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(match=prefix + "*", count=1000))
    if keys:
        client.delete(*keys)
    client.close()


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--movies", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=8,
                        help="concurrent match jobs (a worker's REVENGE_WORKER_THREADS)")
    parser.add_argument("--rps", type=int, default=1000,
                        help="client rate limit (TMDb itself allows ~40/s)")
    parser.add_argument("--images", action="store_true", help="also fetch and resize artwork")
    args = parser.parse_args()
    args.database_url = os.environ.get("REVENGE_BENCH_DATABASE_URL",
                                       "postgresql://root@127.0.0.1:5432/test")
    args.redis_url = os.environ.get("REVENGE_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
    args.cache_prefix = f"revenge:bench-metadata:{uuid.uuid4().hex[:8]}:"
    return args


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
