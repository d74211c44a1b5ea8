"""Library scan figures (issue 6's goals), in one run:

* first scan of a 20k-file tree (probing stubbed: probe jobs are queued, never run)
  vs bare `os.walk` + `os.stat` + parsing the same names, in this process (goal <= 1.3x);
* rescan of the unchanged tree vs bare walk+stat (goal <= 3x), with the scan's own
  counters of parse and hash calls and the probe jobs it queued (goal: all zero);
* time from a new file closed (renamed into place) to visible in `GET /movies`, with
  watching on, through a live `revenge http` + `revenge worker` pair.

The tree holds sparse files (truncate: no disk used) under realistic names: folders
per movie, flat release names, extras, samples, multi-part and .nfo files. The scan
runs against a fresh database on REVENGE_BENCH_DATABASE_URL's server (default
postgresql://root@127.0.0.1:5432/test; dropped afterwards); the live pair uses
REVENGE_BENCH_REDIS_URL (default a random database 1-15 of redis://127.0.0.1:6379).

The scan parses names as configured by default (child processes for a big scan: one
fewer than the CPUs, at most 4); `--parse-processes 0` keeps it all in one process.

usage: python bench/bench_scan.py [--files 20000] [--rounds 3] [--watch-samples 5]
                                  [--parse-processes N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import free_port, fresh_database, revenge_process, wait_for
from bench.scan_tree import make_tree
from revenge.domain.library.naming import parse_path


class Clock:
    """Wall time, the CPU time of this process and of its ended children (the scan's
    name-parsing processes), and the CPU time of the PostgreSQL backends serving it
    (read from /proc when the server runs on this machine)."""

    def __init__(self, backends: Sequence[int] = ()) -> None:
        self.backends = backends

    def read(self) -> tuple[float, float, float]:
        mine = os.times()
        return (time.perf_counter(), mine.user + mine.system + mine.children_user
                + mine.children_system, sum(map(_cpu_of, self.backends)))

    def since(self, start: tuple[float, float, float]) -> tuple[float, float, float]:
        now = self.read()
        return now[0] - start[0], now[1] - start[1], now[2] - start[2]


def _cpu_of(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measured(clock: Clock, run: Callable[[], Any]) -> tuple[float, float, float]:
    start = clock.read()
    run()
    return clock.since(start)


def bare_walk(root: str) -> int:
    count = 0
    for folder, _, names in os.walk(root):
        for name in names:
            os.stat(os.path.join(folder, name))
            count += 1
    return count


class CountingParser:
    """The scan's own parser (as configured: child processes for a big scan, each
    distinct name parsed once per scan), counting the paths it is asked to parse;
    `forget()` gives the next scan a parser that remembers nothing."""

    def __init__(self, new_parser: Callable[[], Any]) -> None:
        self.calls = 0
        self._new_parser = new_parser
        self._parser = new_parser()

    def forget(self) -> None:
        self._parser = self._new_parser()

    def counts(self) -> tuple[int, int]:
        return self._parser.counts()  # type: ignore[no-any-return]

    async def parse_batches(self, batches: Sequence[Sequence[str]]) -> AsyncIterator[Any]:
        self.calls += sum(map(len, batches))
        async for parsed in self._parser.parse_batches(batches):
            yield parsed


Times = tuple[float, float, float]  # wall, this process's CPU, PostgreSQL backends' CPU


class Round:
    """One interleaved round: the baseline and the scans measured back to back, so a
    burst of load elsewhere on the machine hits both sides of a ratio alike."""

    def __init__(self, walk: Times, parse: Times, first: Times, rescan: Times,
                 names: tuple[int, int] = (0, 0)) -> None:
        self.walk, self.parse, self.first, self.rescan = walk, parse, first, rescan
        self.names = names  # the first scan's (names parsed, repeated names remembered)

    def first_ratio(self, kind: int = 0) -> float:
        """kind 0: wall time; 1: CPU of this process (its parse children included);
        2: that and the CPU of the database backends (the whole work, whatever else the
        machine is doing)."""
        scan = self.first[0] if kind == 0 else self.first[1] + (self.first[2] if kind == 2
                                                                  else 0)
        index = 0 if kind == 0 else 1
        return scan / (self.walk[index] + self.parse[index])

    def rescan_ratio(self, kind: int = 0) -> float:
        scan = self.rescan[0] if kind == 0 else self.rescan[1] + (
            self.rescan[2] if kind == 2 else 0)
        return scan / self.walk[0 if kind == 0 else 1]


async def scan_rounds(database_url: str, root: str, paths: list[str], rounds: int,
                      parse_processes: int | None) -> tuple[list[Round], Any, Any, int]:
    from dependency_injector import providers

    from revenge.application.library.create_library import CreateLibraryCommand
    from revenge.application.library.scan.scan_library import ScanLibraryCommand
    from revenge.entrypoints.cli.scan_command import open_container
    from revenge.entrypoints.config import Config
    from revenge.entrypoints.di.library import name_parser

    results = []
    settings = Config(database_url=database_url, db_pool_min_size=2, db_pool_max_size=2,
                      library_parse_processes=parse_processes)
    async with open_container(settings, relay=False) as container:
        parser = CountingParser(lambda: name_parser(settings))
        container.library.parser.override(providers.Object(parser))
        clock = Clock(await backend_pids(container))
        for _ in range(rounds):
            walk = measured(clock, lambda: bare_walk(root))
            parse = measured(clock, lambda: [parse_path(p) for p in paths])
            await empty(container)
            created = await container.library.create_library().execute(CreateLibraryCommand(
                name="Bench", paths=(root,), scan=False))
            use_case = container.library.scan_library()
            command = ScanLibraryCommand(library_id=created.library.id)
            parser.forget()  # no name remembered from an earlier round's scan
            start = clock.read()
            first = await use_case.execute(command)
            first_times = clock.since(start)
            names = parser.counts()
            parser.calls = 0
            start = clock.read()
            again = await use_case.execute(command)
            results.append(Round(walk, parse, first_times, clock.since(start), names))
    return results, first, again, parser.calls


async def backend_pids(container: Any) -> list[int]:
    """The server processes of the pool's two connections."""
    async def pid() -> int:
        async with container.core.database().connection() as conn:
            cur = await conn.execute("SELECT pg_backend_pid() AS pid")
            row = await cur.fetchone()
            await asyncio.sleep(0.2)  # hold it, so the other call gets the other one
            return int(row["pid"])

    return sorted(set(await asyncio.gather(pid(), pid())))


async def empty(container: Any) -> None:
    async with container.core.database().transaction() as conn:
        for table in ("library_skipped_files", "movie_files", "movies", "libraries",
                      "job_outbox", "job_runs"):
            await conn.execute(f"DELETE FROM {table}")  # noqa: S608 - constant names


def stub_probes(database_url: str) -> None:
    """Probing stubbed for the live pair too: every file counts as probed already."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("UPDATE movie_files SET probed_at = now(), probe_error = 'bench: stub'")
        conn.execute("DELETE FROM job_runs WHERE status = 'queued'")


def watch_latencies(database_url: str, redis_url: str, root: str, samples: int) -> list[float]:
    env = {"REVENGE_DATABASE_URL": database_url, "REVENGE_REDIS_URL": redis_url,
           "REVENGE_LIBRARY_WATCH_DELAY_SECONDS": "0.5", "REVENGE_LOG_LEVEL": "warning",
           "REVENGE_DATA_DIR": tempfile.mkdtemp(prefix="bench-scan-data-")}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = os.path.join(env["REVENGE_DATA_DIR"], "bench.log")
    with revenge_process(["http", "--host", "127.0.0.1", "--port", str(port)], env, log), \
            revenge_process(["worker"], env, log):
        wait_for(base + "/readyz")
        with httpx.Client(base_url=base + "/api/v1", timeout=30) as api:
            api.headers["Authorization"] = f"Bearer {sign_in(api)}"
            library_id = api.get("/admin/libraries").json()["items"][0]["id"]
            api.patch(f"/admin/libraries/{library_id}", json={"watch": True}).raise_for_status()
            settle(api)
            return [one_latency(api, root, n) for n in range(samples)]


PASSWORD = "bench password that is long enough"


def sign_in(api: httpx.Client) -> str:
    api.post("/auth/register", json={"username": "bench", "email": "bench@example.org",
                                     "password": PASSWORD}).raise_for_status()
    login = api.post("/auth/login", json={"username": "bench", "password": PASSWORD})
    login.raise_for_status()
    return str(login.json()["access_token"])


def settle(api: httpx.Client) -> None:
    """Waits for the worker's catch-up scan of the newly watched library to end."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        runs = api.get("/admin/jobs", params={"name": "library.scan"}).json()["items"]
        if runs and all(run["status"] in ("succeeded", "failed") for run in runs):
            return
        time.sleep(0.2)
    raise TimeoutError("the catch-up scan did not finish")


def one_latency(api: httpx.Client, root: str, n: int) -> float:
    title = f"Zzyzx Road Part {n + 1}"
    folder = Path(root) / f"{title} (2006)"
    folder.mkdir()
    partial = folder / ".copying"
    with partial.open("wb") as handle:
        handle.truncate(700_000_000)
    partial.rename(folder / f"{title}.2006.1080p.BluRay.x264-BENCH.mkv")
    started = time.perf_counter()
    while time.perf_counter() - started < 60:
        items = api.get("/movies", params={"q": "Zzyzx", "limit": 50}).json()["items"]
        if any(item["title"] == title for item in items):
            return time.perf_counter() - started
        time.sleep(0.02)
    raise TimeoutError(f"{title} never appeared")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--watch-samples", type=int, default=5)
    parser.add_argument("--parse-processes", type=int, default=None)
    args = parser.parse_args()
    server = os.environ.get("REVENGE_BENCH_DATABASE_URL",
                            "postgresql://root@127.0.0.1:5432/test")
    redis_url = os.environ.get("REVENGE_BENCH_REDIS_URL",
                               f"redis://127.0.0.1:6379/{random.randint(1, 15)}")
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as tmp:
        root = os.path.join(tmp, "Movies")
        paths = make_tree(root, args.files)
        report(args, root, paths, server, redis_url)


def _median(rounds: list[Round], ratio: Callable[[Round, int], float], kind: int) -> float:
    return statistics.median(ratio(r, kind) for r in rounds)


def report(args: argparse.Namespace, root: str, paths: list[str], server: str,
           redis_url: str) -> None:
    seen = bare_walk(root)  # warms the page cache for everyone
    print(f"tree: {seen} files ({len(paths)} videos) under {root}")
    with fresh_database(server, "revenge_bench_scan") as database_url:
        rounds, first, again, parses = asyncio.run(
            scan_rounds(database_url, root, paths, args.rounds, args.parse_processes))
        for n, r in enumerate(rounds, 1):
            print(f"round {n}: walk+stat {r.walk[0]:.3f} s, parse {r.parse[0]:.3f} s "
                  f"({len(paths) / r.parse[0]:,.0f} names/s); first scan {r.first[0]:.3f} s "
                  f"(CPU here and in parse children {r.first[1]:.2f} s + PostgreSQL "
                  f"{r.first[2]:.2f} s); "
                  f"rescan {r.rescan[0]:.3f} s; the scan parsed {r.names[0]:,} distinct "
                  f"names and reused {r.names[1]:,} (the baseline parses all)")
        c = first.counts
        print(f"first scan / (walk+stat+parse) [goal <= 1.3x], median: wall "
              f"{_median(rounds, Round.first_ratio, 0):.2f}x, CPU of this process and children "
              f"{_median(rounds, Round.first_ratio, 1):.2f}x, CPU with PostgreSQL's "
              f"{_median(rounds, Round.first_ratio, 2):.2f}x; {c.movies_added} movies, "
              f"{c.new} files, {c.skipped} skipped, {c.probes_requested} probe jobs queued "
              f"(not run)")
        c = again.counts
        print(f"rescan unchanged / walk+stat [goal <= 3x], median: wall "
              f"{_median(rounds, Round.rescan_ratio, 0):.2f}x, CPU with PostgreSQL's "
              f"{_median(rounds, Round.rescan_ratio, 2):.2f}x; parse calls {parses}, "
              f"scan parsed {c.parsed}, hashed {c.hashed}, probe jobs queued "
              f"{c.probes_requested}, wrote {again.wrote} [goal: 0, 0, 0, 0, False]")
        stub_probes(database_url)
        latencies = watch_latencies(database_url, redis_url, root, args.watch_samples)
        print(f"watching: new file closed -> visible in GET /movies: median "
              f"{statistics.median(latencies):.2f} s, max {max(latencies):.2f} s "
              f"(n={len(latencies)}; quiet period 0.5 s)")


if __name__ == "__main__":
    main()
