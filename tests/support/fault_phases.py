"""One SIGKILL at a time under the request loop, each measured (figures, never asserted
here: the fault suite asserts bounds, `bench/bench_faults.py` prints them)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from tests.support.fault_stack import (
    Load,
    Serve,
    add_movies,
    catalog_size,
    first_after,
    job,
    kill,
    wipe,
)

Figures = dict[str, Any]


def kill_service(serve: Serve, load: Load, name: str, settle: float) -> Figures:
    """SIGKILL `name` (postgres, redis-server); its supervisor restarts it. The figures:
    errors seen, from the kill to the last error, and to the first acknowledged write."""
    old, killed = kill(serve, name)
    serve.replaced(name, old, timeout=30)
    time.sleep(settle)
    _until(lambda: _written_since(load, _last_error(load, killed)), 60)
    errors = load.errors_since(killed)
    writes = [o.at for o in load.outcomes if o.kind == "progress" and o.ok]
    first_ok = first_after(writes, _last_error(load, killed))
    return {"errors": len(errors),
            "error_window_s": round(errors[-1].at - killed, 2) if errors else 0.0,
            "writes_again_after_s": round(first_ok - killed, 2) if first_ok else None}


def kill_typesense(serve: Serve, load: Load, *, bound: float) -> Figures:
    """SIGKILL Typesense and lose its data (killed before it snapshotted); a movie is
    added once it is back. Figures: when it answered again, when search answered the
    whole catalog from the index again, and answers that were wrong (from the index,
    `degraded: false`, but not the whole catalog)."""
    old, killed = kill(serve, "typesense-server")
    wipe(serve.data_dir / "typesense")
    serve.replaced("typesense-server", old, timeout=30)
    returned = _until(serve.typesense_healthy, 60)
    add_movies(serve, 1)
    total = catalog_size(serve)
    complete = _until(lambda: _complete_since(load, returned or killed, total), bound)
    after = [s for s in load.searches if s[0] >= killed]
    wrong = [s for s in after if not s[2] and s[1] != total]
    return {"returned_after_s": _since(returned, killed),
            "complete_after_return_s": _since(complete, returned),
            "wrong_answers": len(wrong), "searches": len(after), "total": total,
            # when (s after the kill) and what the first wrong answers said
            "wrong_sample": [(round(at - killed, 2), found) for at, found, _ in wrong[:8]],
            "errors": len(load.errors_since(killed))}


def kill_worker_mid_scan(serve: Serve, load: Load, media: Path, *, files: int,
                         bound: float) -> Figures:
    """A library of `files` names; the worker is killed as soon as its scan runs.
    Figures: when another worker resumed that run (attempt 2 running or finished)."""
    for n in range(files):
        folder = media / f"Film {n:05d} (2001)"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"Film.{n:05d}.2001.1080p.mkv").touch()
    with serve.client(timeout=30) as api:
        created = api.post("/admin/libraries", json={"name": "Faults", "paths": [str(media)]})
    job_id = created.json()["scan_job_id"]
    if not _until(lambda: job(serve, job_id)["status"] == "running", 60, every=0.02):
        return {"resumed_after_s": None, "note": "the scan never started"}
    _, killed = kill(serve, "revenge worker")
    was = job(serve, job_id)["status"]
    resumed = _until(lambda: _resumed(job(serve, job_id)), bound, every=0.5)
    return {"status_at_kill": was, "resumed_after_s": _since(resumed, killed),
            "bound_s": bound, "http_errors": len(load.errors_since(killed))}


def _last_error(load: Load, since: float) -> float:
    errors = load.errors_since(since)
    return errors[-1].at if errors else since


def _written_since(load: Load, since: float) -> bool:
    return any(o.ok and o.kind == "progress" and o.at > since for o in load.outcomes)


def _resumed(run: dict[str, Any]) -> bool:
    return bool(run["attempts"] >= 2 and run["status"] in ("running", "succeeded"))


def _complete_since(load: Load, since: float, total: int) -> bool:
    return any(at >= since and found == total and not degraded
               for at, found, degraded in load.searches)


def _until(check: Any, timeout: float, every: float = 0.1) -> float | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return time.monotonic()
        time.sleep(every)
    return None


def _since(moment: float | None, origin: float | None) -> float | None:
    return round(moment - origin, 2) if moment is not None and origin is not None else None
