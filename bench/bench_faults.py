"""Recovery figures of issue 20's review, re-measured on a real `revenge serve` (embedded
PostgreSQL, Redis and Typesense) under a steady loop of progress writes and searches:

* SIGKILL PostgreSQL / Redis: errors seen, how long after the kill the last one came,
  and when writes were acknowledged again; every acknowledged write read back
* SIGKILL Typesense and lose its data (killed before it snapshotted): when it answered
  again, when search answered the whole catalog from the index again, and how many
  answers were wrong (from the index, not degraded, missing movies)
* SIGKILL the worker in the middle of a library scan: when another worker resumed it
* serve started while Typesense cannot start: does serve keep running (degraded)?

`--checkout PATH` measures another checkout of Revenge (e.g. a `git worktree` of the
commit before the fixes) with this script, for a before/after comparison in one run.

usage: python bench/bench_faults.py [--checkout PATH] [--bound 90] [--files 3000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from harness import ROOT, free_port

sys.path.insert(0, ROOT)

from tests.support.fault_phases import (
    kill_service,
    kill_typesense,
    kill_worker_mid_scan,
)
from tests.support.fault_stack import (
    Load,
    Serve,
    add_movies,
    children_of,
    command_line,
    lost_writes,
    serving,
)


def measure(work: Path, checkout: Path | None, bound: float, files: int) -> dict[str, object]:
    figures: dict[str, object] = {}
    with serving(work / "data", free_port(), checkout=checkout) as serve:
        load = Load(serve, add_movies(serve, 10)).start()
        time.sleep(3)
        figures["postgres"] = kill_service(serve, load, "postgres", settle=5)
        figures["redis"] = kill_service(serve, load, "redis-server", settle=5)
        figures["typesense"] = kill_typesense(serve, load, bound=bound)
        figures["worker"] = kill_worker_mid_scan(serve, load, work / "media", files=files,
                                                 bound=bound)
        load.stop()
        figures["writes"] = {
            "acknowledged": sum(1 for o in load.outcomes if o.kind == "progress" and o.ok),
            "requests": len(load.outcomes), "lost": len(lost_writes(serve, load.acked))}
    return {**figures, **starts(work, checkout)}


def starts(work: Path, checkout: Path | None) -> dict[str, object]:
    return {"typesense_killed_while_starting": serve_with_typesense_killed(work / "killed",
                                                                          checkout),
            "typesense_cannot_start": serve_without_typesense(work / "broken", checkout)}


def serve_with_typesense_killed(work: Path, checkout: Path | None) -> dict[str, object]:
    """Typesense is SIGKILLed the moment it appears, before it is ready (the review's)."""
    return _serve_degraded(work / "data", checkout, kill_typesense_when_started)


def serve_without_typesense(work: Path, checkout: Path | None) -> dict[str, object]:
    """Typesense's data folder is a file: it cannot even be started, every time."""
    data = work / "data"
    data.mkdir(parents=True)
    (data / "typesense").write_text("not a folder")
    return _serve_degraded(data, checkout, None)


def kill_typesense_when_started(pid: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for child in children_of(pid):
            if "typesense-server" in command_line(child):
                os.kill(child, signal.SIGKILL)
                return
        time.sleep(0.01)


def _serve_degraded(data: Path, checkout: Path | None,
                    meddle: Callable[[int], None] | None) -> dict[str, object]:
    started = time.monotonic()
    try:
        with serving(data, free_port(), checkout=checkout, start_timeout=120,
                     while_starting=meddle) as serve:
            time.sleep(5)
            alive = serve.proc.poll() is None
            search = _search(serve)
    except (RuntimeError, TimeoutError) as exc:
        return {"serve_kept_running": False, "why": str(exc).strip().splitlines()[-1][-160:],
                "after_s": round(time.monotonic() - started, 1)}
    return {"serve_kept_running": alive, "ready_after_s": round(time.monotonic() - started, 1),
            "search": search}


def _search(serve: Serve) -> str:
    with serve.client(timeout=10) as api:
        response = api.get("/search")
    return f"{response.status_code} degraded={response.json().get('degraded')}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkout", type=Path, help="another checkout of Revenge to measure")
    parser.add_argument("--bound", type=float, default=90.0, help="seconds to wait for recovery")
    parser.add_argument("--files", type=int, default=3000, help="files in the scanned library")
    parser.add_argument("--starts-only", action="store_true",
                        help="only serve's start with a failing Typesense")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="revenge-faults-"))
    try:
        figures = (starts(work, args.checkout) if args.starts_only
                   else measure(work, args.checkout, args.bound, args.files))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({"checkout": str(args.checkout or ROOT), **figures}, indent=2))


if __name__ == "__main__":
    main()
