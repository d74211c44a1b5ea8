"""Matching throughput against the fake TMDb for 1,000 files.

Runs the real `MatchMovie` use case (TMDb adapter over HTTP, in-memory records) twice
over 1,000 movies named like files: first with a cold response cache, then with new
movie records and the warm cache. Prints movies/s, provider requests per movie and
the cache hit rate, plus a baseline of bare HTTP round trips to the same fake.

    ./dev.sh bench bench_metadata [--movies N] [--rps R] [--concurrency C] [--images]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

import httpx
import uuid_utils

from revenge.adapters.images.download import ImageDownloader
from revenge.adapters.images.store import FileImageStore
from revenge.adapters.memory.cache import InMemoryCache
from revenge.adapters.memory.metadata_records import InMemoryMetadataUnitOfWork
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.adapters.tmdb.client import TmdbClient, TmdbSettings
from revenge.adapters.tmdb.provider import TmdbMetadataProvider
from revenge.application.metadata.images import ImageFetcher
from revenge.application.metadata.match_movie import MatchMovie, MatchMovieCommand
from revenge.application.metadata.writer import MetadataWriter
from revenge.domain.catalog.movie import MovieFields, new_movie
from revenge.testing.fake_tmdb import FakeTmdb
from revenge.testing.fake_tmdb.server import API_KEY


def utc_now():
    from datetime import UTC, datetime

    return datetime.now(UTC)


async def create_movies(state: InMemoryState, fake: FakeTmdb, count: int) -> list[str]:
    ids = []
    rows = [r for r in fake.catalog.rows.values() if r.id >= 1_000_000][:count]
    async with InMemoryMetadataUnitOfWork(state) as uow:
        for row in rows:
            movie = new_movie(str(uuid_utils.uuid7()), MovieFields(title=row.title,
                                                                   year=row.year), utc_now())
            await uow.movies.add(movie)
            ids.append(movie.id)
        await uow.commit()
    return ids


async def run_matches(match: MatchMovie, ids: list[str], concurrency: int) -> dict[str, int]:
    gate = asyncio.Semaphore(concurrency)
    outcomes: dict[str, int] = {}

    async def one(movie_id: str) -> None:
        async with gate:
            result = await match.execute(MatchMovieCommand(movie_id=movie_id))
        outcomes[result.status] = outcomes.get(result.status, 0) + 1

    await asyncio.gather(*(one(i) for i in ids))
    return outcomes


def matcher(state: InMemoryState, provider: TmdbMetadataProvider,
            images: FileImageStore | None) -> MatchMovie:
    def uow() -> InMemoryMetadataUnitOfWork:
        return InMemoryMetadataUnitOfWork(state)

    writer = MetadataWriter(uow, ImageFetcher(images, uow, utc_now), utc_now,
                            lambda: str(uuid_utils.uuid7()))
    return MatchMovie(uow, provider, writer)


async def baseline(url: str, count: int) -> float:
    async with httpx.AsyncClient() as client:
        started = time.perf_counter()
        for _ in range(count):
            await client.get(url, params={"api_key": API_KEY})
        return count / (time.perf_counter() - started)


async def main(args: argparse.Namespace) -> None:
    with FakeTmdb(synthetic=args.movies) as fake, tempfile.TemporaryDirectory() as data:
        client = TmdbClient(TmdbSettings(api_key=API_KEY, base_url=fake.base_url,
                                         requests_per_second=args.rps), InMemoryCache())
        provider = TmdbMetadataProvider(client)
        images = None
        if args.images:
            downloader = ImageDownloader(lambda: _fixed(fake.image_base_url), max_bytes=1 << 24)
            images = FileImageStore(Path(data) / "images", downloader)
        bare = await baseline(f"{fake.base_url}/configuration", 300)
        print(f"baseline: bare HTTP round trips to the fake  {bare:8.0f} req/s")
        for label in ("cold cache", "warm cache"):
            state = InMemoryState()
            ids = await create_movies(state, fake, args.movies)
            before = (fake.api_requests(), client.stats.cache_hits, client.stats.cache_misses)
            started = time.perf_counter()
            outcomes = await run_matches(matcher(state, provider, images), ids, args.concurrency)
            elapsed = time.perf_counter() - started
            report(label, len(ids), elapsed, outcomes, fake, client, before)
        await client.aclose()


async def _fixed(url: str) -> str:
    return url


def report(label: str, movies: int, elapsed: float, outcomes: dict[str, int], fake: FakeTmdb,
           client: TmdbClient, before: tuple[int, int, int]) -> None:
    sent = fake.api_requests() - before[0]
    hits, misses = client.stats.cache_hits - before[1], client.stats.cache_misses - before[2]
    rate = hits / (hits + misses) if hits + misses else 0.0
    print(f"{label}: {movies} movies in {elapsed:6.2f} s = {movies / elapsed:7.1f} movies/s  "
          f"requests/movie {sent / movies:4.2f}  cache hit rate {rate:6.1%}  "
          f"outcomes {outcomes}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--movies", type=int, default=1000)
    parser.add_argument("--rps", type=float, default=1000.0,
                        help="client rate limit (TMDb itself allows ~40/s)")
    # The in-memory unit of work snapshots the whole state: one at a time is exact.
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--images", action="store_true", help="also fetch and resize artwork")
    asyncio.run(main(parser.parse_args()))
