"""HLS segments on demand: one ffmpeg per rendition, started at the requested segment.

A request for a segment the running ffmpeg will reach soon waits for it; a far seek (or
a step back before where it started) restarts ffmpeg there. Each run writes into its own
folder (so a restart never rewrites a file being read) and lists finished segments in a
CSV file that we poll. ffmpeg that runs far ahead of the player is paused (SIGSTOP) and
resumed on the next request, and so are a session's other renditions while one is asked
for; a rendition nobody asked for lately is stopped; ending a session kills its
processes and deletes its folder. A replica that does not own a session reads the
segments its owner finished from the shared folder (`finished_by`).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from revenge.adapters.ffmpeg.commands import EncoderOptions, hls_command
from revenge.adapters.ffmpeg.runs import (
    FfmpegRun,
    finished_segment,
    finished_segments,
    spawn_run,
)
from revenge.adapters.filesystem.private import private_folder
from revenge.domain.errors import DiskFull, NotFound, Unavailable
from revenge.domain.playback.sessions import HlsJob

log = logging.getLogger(__name__)

_REPLICA_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_RUN = re.compile(r"run(\d+)")


@dataclass(frozen=True)
class SegmenterOptions:
    lookahead: int = 3  # a request this many segments ahead still waits for the run
    max_ahead: int = 10  # a run this far ahead of the player is paused
    ready_timeout: float = 60.0
    poll_seconds: float = 0.01


@dataclass
class _Rendition:
    job: HlsJob
    directory: Path
    done: dict[int, Path] = field(default_factory=dict)
    run: FfmpegRun | None = None
    runs: int = 0
    last_index: int = 0
    last_request: float = 0.0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class FfmpegSegmenter:
    def __init__(self, ffmpeg: str, cache_dir: Path, encoder: EncoderOptions,
                 options: SegmenterOptions | None = None,
                 clock: Callable[[], float] = time.monotonic, replica: str = "") -> None:
        self._ffmpeg = ffmpeg
        self._cache_dir = cache_dir
        # Named by replica, not pid: the folder may be shared by replicas on several
        # machines (or containers, where every pid is 1).
        self._root = cache_dir / (f"replica-{replica}" if replica else f"proc-{os.getpid()}")
        self._encoder = encoder
        self._options = options or SegmenterOptions()
        self._clock = clock
        self._renditions: dict[tuple[str, str], _Rendition] = {}

    async def segment(self, job: HlsJob, index: int) -> str:
        if not 0 <= index < len(job.segments):
            raise NotFound(f"segment {index} does not exist")
        rendition = self._rendition(job)
        rendition.last_index, rendition.last_request = index, self._clock()
        self._pause_others(rendition)
        async with rendition.lock:
            self._refresh(rendition)
            if index not in rendition.done and not self._will_reach(rendition, index):
                await self._restart(rendition, index)
        if rendition.run:
            rendition.run.resume()
        return str(await self._wait(rendition, index))

    def finished_by(self, replica: str, job: HlsJob, index: int) -> str | None:
        """Segment `index` if `replica`'s ffmpeg already closed it whole in the shared
        folder, read from the folder alone (newest run first); None when it must be
        asked for. A name from the shared session store never leads out of the folder."""
        if not _REPLICA_NAME.fullmatch(replica) or not 0 <= index < len(job.segments):
            return None
        root = (self._cache_dir / f"replica-{replica}").resolve()
        variant_dir = (root / job.session_id / job.variant.name).resolve()
        if not variant_dir.is_relative_to(root):
            return None
        try:
            runs = [(int(m.group(1)), entry) for entry in variant_dir.iterdir()
                    if (m := _RUN.fullmatch(entry.name))]
        except OSError:
            return None
        for _, run_dir in sorted(runs, reverse=True):
            found = finished_segment(run_dir, index)
            if found is not None:
                return str(found)
        return None

    def running(self) -> int:
        return sum(1 for r in self._renditions.values() if r.run and r.run.alive)

    def sessions(self) -> set[str]:
        return {sid for sid, _ in self._renditions}

    def mark_alive(self) -> None:
        """Touches this replica's folder: others clear folders left untouched for long."""
        self._root.mkdir(parents=True, exist_ok=True)
        os.utime(self._root)

    def progress(self, session_id: str) -> dict[str, list[int]]:
        """Finished segments per rendition of a session (for tests and the admin view)."""
        return {name: sorted(r.done) for (sid, name), r in self._renditions.items()
                if sid == session_id}

    async def stop(self, session_id: str) -> None:
        """Kills the session's ffmpeg processes at once and deletes its segments."""
        for key in [k for k in self._renditions if k[0] == session_id]:
            rendition = self._renditions.pop(key)
            if rendition.run:
                await rendition.run.kill()
        await asyncio.to_thread(shutil.rmtree, self._root / session_id, True)

    async def reap(self, idle_seconds: float) -> None:
        """Stops runs nobody asked for within `idle_seconds`; pauses runaway ones."""
        now = self._clock()
        for rendition in list(self._renditions.values()):
            run = rendition.run
            if run is None or not run.alive:
                continue
            if now - rendition.last_request > idle_seconds:
                await run.kill()
            elif self._ahead(rendition) > self._options.max_ahead:
                run.pause()

    async def close(self) -> None:
        for session_id in {k[0] for k in self._renditions}:
            await self.stop(session_id)
        await asyncio.to_thread(shutil.rmtree, self._root, True)

    def _pause_others(self, asked: _Rendition) -> None:
        """A player plays one rendition at a time: the session's other encoders (the
        quality it left, or an ABR switch) are paused, not left to take CPU from the one
        it waits for. Asked again, one is resumed; left alone, reaped as idle."""
        for (session_id, _), rendition in self._renditions.items():
            if session_id == asked.job.session_id and rendition is not asked and rendition.run:
                rendition.run.pause()

    def _rendition(self, job: HlsJob) -> _Rendition:
        key = (job.session_id, job.variant.name)
        if key not in self._renditions:
            directory = self._root / job.session_id / job.variant.name
            self._renditions[key] = _Rendition(job=job, directory=directory)
        return self._renditions[key]

    def _refresh(self, rendition: _Rendition) -> None:
        """Takes in the segments ffmpeg finished whole since the last look. A segment
        is served only then: a truncated one (a full disk) is never handed out."""
        run = rendition.run
        if run is None:
            return
        listed = finished_segments(run.directory)
        new = {index: path for index, path in listed.items() if index not in rendition.done}
        if new:
            rendition.done.update(run.whole(new))

    def _will_reach(self, rendition: _Rendition, index: int) -> bool:
        run = rendition.run
        if run is None or not run.alive or index < run.start:
            return False
        return index <= self._produced(rendition) + self._options.lookahead

    def _produced(self, rendition: _Rendition) -> int:
        run = rendition.run
        start = run.start if run else 0
        produced = start - 1
        while produced + 1 in rendition.done:
            produced += 1
        return produced

    def _ahead(self, rendition: _Rendition) -> int:
        return self._produced(rendition) - rendition.last_index

    async def _restart(self, rendition: _Rendition, index: int) -> None:
        if rendition.run:
            await rendition.run.kill()
        rendition.runs += 1
        directory = rendition.directory / f"run{rendition.runs}"
        argv = hls_command(self._ffmpeg, rendition.job, index, directory, self._encoder)
        try:
            # Segments are other users' movies: no other local account may read them.
            await asyncio.to_thread(private_folder, directory, self._cache_dir)
            rendition.run = await spawn_run(argv, directory, index)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DiskFull("transcode cache", str(self._cache_dir)) from exc
            raise
        log.info("hls: ffmpeg for %s/%s from segment %d", rendition.job.session_id,
                 rendition.job.variant.name, index)

    async def _wait(self, rendition: _Rendition, index: int) -> Path:
        deadline = self._clock() + self._options.ready_timeout
        while True:
            self._refresh(rendition)
            if index in rendition.done:
                return rendition.done[index]
            run = rendition.run
            if run is None or not run.alive:
                self._refresh(rendition)
                if index in rendition.done:
                    return rendition.done[index]
                if run is not None and run.disk_full():
                    raise DiskFull("transcode cache", str(self._cache_dir))
                raise Unavailable("ffmpeg", run.error() if run else "no segmenter running")
            if index < run.start:
                # A seek restarted the encoder past this segment: nothing will make it, so
                # the (most likely abandoned) request ends now instead of polling for a
                # minute; a player still waiting asks again and restarts from it.
                raise Unavailable("ffmpeg", f"segment {index} was left behind by a seek "
                                            f"(the encoder now starts at {run.start})")
            if self._clock() > deadline:
                raise Unavailable("ffmpeg", f"segment {index} not ready in time")
            await asyncio.sleep(self._options.poll_seconds)


STALE_SECONDS = 600.0


def remove_stale_caches(cache_dir: Path, stale_seconds: float = STALE_SECONDS) -> None:
    """Deletes the segment folders of processes that are gone (a crash, a kill -9): a
    replica's folder untouched for `stale_seconds`, a local process's that is dead."""
    if not cache_dir.is_dir():
        return
    now = time.time()
    for entry in cache_dir.glob("replica-*"):
        with contextlib.suppress(OSError):
            if now - entry.stat().st_mtime > stale_seconds:
                shutil.rmtree(entry, ignore_errors=True)
    for entry in cache_dir.glob("proc-*"):
        pid = entry.name.removeprefix("proc-")
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True



