"""The search adapter's own cost (issue 23): `TypesenseSearchIndex.search` (text, facets,
20 hits) and `.autocomplete`, this checkout's adapter against the one at `--before REF`
(loaded from git into a scratch package), in one run: one embedded Typesense 0.24.1, one
index, rounds interleaved. Beside them, the same search body POSTed with a bare httpx
client: what Typesense itself costs, so the adapter's share is visible.

Each round times `--calls` calls one at a time, the variants taking turns call by call
(latency as one user sees it, and this process's CPU time per call: the adapter's own
work, steadier than latency on a busy machine), then the same number per variant with 16
in flight (throughput); figures are medians over `--rounds`.

usage: python bench/bench_search_adapter.py --before REF [--movies 5000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from seed_catalog import ADJECTIVES, GENRES, NOUNS

from revenge.adapters.typesense import queries
from revenge.application.search.read_models import MovieDocument
from revenge.domain.search.query import SearchQuery
from revenge.entrypoints.embedded.typesense import embedded_typesense

ROOT = Path(__file__).resolve().parents[1]
ADAPTER = "revenge/adapters/typesense"
IN_FLIGHT = 16
Call = Callable[[int], Awaitable[Any]]


def load_adapter(ref: str, scratch: Path) -> tuple[Any, Any]:
    """The adapter at `ref` as package `adapter_before` (its own imports rewritten)."""
    package = scratch / "adapter_before"
    package.mkdir()
    names = subprocess.run(["git", "ls-tree", "--name-only", f"{ref}:{ADAPTER}"], cwd=ROOT,
                           check=True, capture_output=True, text=True).stdout.split()
    for name in (n for n in names if n.endswith(".py")):
        source = subprocess.run(["git", "show", f"{ref}:{ADAPTER}/{name}"], cwd=ROOT,
                                check=True, capture_output=True, text=True).stdout
        (package / name).write_text(source.replace("revenge.adapters.typesense",
                                                   "adapter_before"))
    sys.path.insert(0, str(scratch))
    return importlib.import_module("adapter_before.search_index"), importlib.import_module(
        "adapter_before.client")


def movies(count: int) -> list[MovieDocument]:
    rng = random.Random(23)
    return [MovieDocument(
        id=f"m{i}", title=f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}",
        sort_title=f"m{i}", year=rng.randint(1950, 2024), genres=tuple(rng.sample(GENRES, 2)),
        cast=(f"Actor {rng.randint(1, 500)}",), rating=round(rng.uniform(3, 9), 1),
        popularity=rng.uniform(0, 100), runtime_minutes=rng.randint(80, 180),
        overview=" ".join(rng.choices(NOUNS, k=12)), added_at=datetime(2024, 1, 1, tzinfo=UTC),
        version=1) for i in range(count)]


def searches() -> list[SearchQuery]:
    rng = random.Random(8)
    words = [f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"[:-1] for _ in range(40)]  # typo
    return [SearchQuery(text=w, limit=20) for w in words]


async def alone(variants: dict[str, Call], calls: int) -> dict[str, tuple[float, float]]:
    """Per variant: (median ms of a call, CPU ms per call), one call at a time. The
    variants take turns call by call, so a busy moment of the machine hits them alike."""
    wall: dict[str, list[float]] = {name: [] for name in variants}
    cpu = dict.fromkeys(variants, 0.0)
    for i in range(calls):
        turns = list(variants.items())
        for name, call in turns if i % 2 else reversed(turns):  # neither always goes first
            started, cpu_started = time.perf_counter(), time.process_time()
            await call(i)
            wall[name].append(time.perf_counter() - started)
            cpu[name] += time.process_time() - cpu_started
    return {name: (statistics.median(wall[name]) * 1000, cpu[name] / calls * 1000)
            for name in variants}


async def throughput(call: Call, calls: int) -> float:
    """Calls per second with IN_FLIGHT at once."""
    started = time.perf_counter()
    for start in range(0, calls, IN_FLIGHT):
        await asyncio.gather(*(call(i) for i in range(start, min(calls, start + IN_FLIGHT))))
    return calls / (time.perf_counter() - started)


async def run(url: str, key: str, before: tuple[Any, Any], args: argparse.Namespace) -> None:
    from revenge.adapters.typesense.client import TypesenseClient
    from revenge.adapters.typesense.search_index import TypesenseSearchIndex

    old_index, old_client = before
    now = TypesenseSearchIndex(TypesenseClient(url, key), alias="bench")
    then = old_index.TypesenseSearchIndex(old_client.TypesenseClient(url, key), alias="bench")
    await now.upsert(movies(args.movies))
    asked = searches()
    bare = httpx.AsyncClient(base_url=url, headers={"X-TYPESENSE-API-KEY": key})

    async def direct(i: int) -> Any:
        body = {"searches": [queries.search_params("bench", asked[i % len(asked)], None)]}
        return (await bare.post("/multi_search", json=body)).content

    variants: dict[str, Call] = {
        "search, adapter before": lambda i: then.search(asked[i % len(asked)]),
        "search, adapter now": lambda i: now.search(asked[i % len(asked)]),
        "search, bare httpx POST": direct,
        "autocomplete, before": lambda i: then.autocomplete(asked[i % len(asked)].text[:6], 10),
        "autocomplete, now": lambda i: now.autocomplete(asked[i % len(asked)].text[:6], 10),
    }
    await alone(variants, 20)  # warm pools and caches
    figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in variants}
    for _ in range(args.rounds):
        one_at_a_time = await alone(variants, args.calls)
        for name, call in variants.items():
            figures[name].append((*one_at_a_time[name], await throughput(call, args.calls)))
    report(figures)
    await bare.aclose()


def report(figures: dict[str, list[tuple[float, float, float]]]) -> None:
    medians = {name: tuple(statistics.median(run[i] for run in runs) for i in range(3))
               for name, runs in figures.items()}
    print(f"\n  {'call':<28} {'ms alone (p50)':>15} {'CPU ms/call':>12} "
          f"{f'calls/s, {IN_FLIGHT} at once':>22}")
    for name, (ms, cpu, rps) in medians.items():
        print(f"  {name:<28} {ms:>15.2f} {cpu:>12.3f} {rps:>22.0f}")
    for kind, before, now in (("search", "search, adapter before", "search, adapter now"),
                              ("autocomplete", "autocomplete, before", "autocomplete, now")):
        (ms0, cpu0, rps0), (ms1, cpu1, rps1) = medians[before], medians[now]
        print(f"  {kind}: now/before latency {ms1 / ms0:.2f}x, CPU {cpu1 / cpu0:.2f}x, "
              f"throughput {rps1 / rps0:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="git ref of the adapter to compare")
    parser.add_argument("--movies", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        before = load_adapter(args.before, Path(scratch))
        with embedded_typesense(Path(scratch) / "typesense") as (url, key):
            asyncio.run(run(url, key, before, args))


if __name__ == "__main__":
    main()
