"""One running ffmpeg segmenter process: spawn, pause/resume, kill, read its progress."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import errno
import functools
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from revenge.adapters.filesystem.disk_space import free_bytes

_LOG = "ffmpeg.log"
_LIST = "segments.csv"
_TS_PACKET = 188
# ffmpeg's segment muxer logs this *before* listing the segment anyway (a full disk).
_ENDING_FAILED = re.compile(r"Failure occurred when ending segment '([^']+)'")
_NO_SPACE = "No space left on device"
# The log shares the segments' disk: room for ffmpeg's last words is set aside up front,
# so a full disk can still be told apart from an ffmpeg failure.
_LOG_RESERVE = 16 * 1024
_NEARLY_FULL = 1024 * 1024


class FfmpegRun:
    def __init__(self, process: asyncio.subprocess.Process, directory: Path, start: int) -> None:
        self.process = process
        self.directory = directory
        self.start = start
        self.paused = False

    @property
    def alive(self) -> bool:
        return self.process.returncode is None

    def pause(self) -> None:
        if self.alive and not self.paused:
            self._signal(signal.SIGSTOP)
            self.paused = True

    def resume(self) -> None:
        if self.paused:
            self._signal(signal.SIGCONT)
            self.paused = False

    async def kill(self) -> None:
        """Ends the process now and waits for it (a paused one is woken to die)."""
        if self.alive:
            self._signal(signal.SIGKILL)
            self.resume()
        await self.process.wait()

    def error(self) -> str:
        text = self._log()
        if not text:
            return f"ffmpeg exited with {self.process.returncode}"
        return text.splitlines()[-1][:300]

    def disk_full(self) -> bool:
        """ffmpeg stopped because the disk it writes to is full (it said so, or the disk
        has next to nothing left)."""
        return _NO_SPACE in self._log() or free_bytes(self.directory) < _NEARLY_FULL

    def whole(self, listed: dict[int, Path]) -> dict[int, Path]:
        return whole_segments(self.directory, listed)

    def _log(self) -> str:
        return _read_log(self.directory)

    def _signal(self, number: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.send_signal(number)


async def spawn_run(argv: list[str], directory: Path, start: int) -> FfmpegRun:
    log = await asyncio.to_thread(_open_log, directory)
    command, preexec = _dying_with_parent(argv)
    with log:
        process = await asyncio.create_subprocess_exec(
            *command, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL,
            stderr=log, preexec_fn=preexec)
    return FfmpegRun(process, directory, start)


def _dying_with_parent(argv: list[str]) -> tuple[list[str], Callable[[], None] | None]:
    """If the server dies without cleaning up (kill -9), the kernel ends ffmpeg too.
    util-linux's setpriv sets that up before exec'ing ffmpeg; a Python `preexec_fn` would
    do the same but costs a full fork of the server (tens of ms on the first segment)."""
    if not sys.platform.startswith("linux"):
        return argv, None
    setpriv = _setpriv()
    if setpriv:
        return [setpriv, "--pdeathsig", "KILL", "--", *argv], None
    return argv, _die_with_parent


@functools.cache
def _setpriv() -> str | None:
    """util-linux's setpriv when it knows --pdeathsig (2.33+); asked once per process."""
    found = shutil.which("setpriv")
    try:
        usage = subprocess.run([found, "--help"], capture_output=True, text=True, timeout=5,
                               check=False).stdout if found else ""
    except (OSError, subprocess.SubprocessError):
        usage = ""
    return found if "--pdeathsig" in usage else None


def _open_log(directory: Path) -> BinaryIO:
    directory.mkdir(parents=True, exist_ok=True)
    handle = open(directory / _LOG, "wb")  # noqa: SIM115  # the caller closes it
    try:
        os.posix_fallocate(handle.fileno(), 0, _LOG_RESERVE)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            handle.close()
            raise
    return handle


def finished_segments(directory: Path) -> dict[int, Path]:
    """Segments ffmpeg has closed, from its CSV list ("12.ts,72.000,78.000")."""
    try:
        text = (directory / _LIST).read_text()
    except OSError:
        return {}
    done = {}
    for line in text.splitlines():
        name = line.split(",", 1)[0]
        stem = name.removesuffix(".ts")
        if stem.isdigit():
            done[int(stem)] = directory / name
    return done


def whole_segments(directory: Path, listed: dict[int, Path]) -> dict[int, Path]:
    """The listed segments that ffmpeg closed whole: not named in a failure to end a
    segment (on a full disk ffmpeg lists the truncated one all the same), and made of
    whole MPEG-TS packets."""
    broken = {Path(name).name for name in _ENDING_FAILED.findall(_read_log(directory))}
    return {index: path for index, path in listed.items()
            if path.name not in broken and _whole_packets(path)}


def finished_segment(directory: Path, index: int) -> Path | None:
    """Segment `index` of the run writing into `directory`, if ffmpeg closed it whole
    (read from the folder alone: the run may belong to another replica)."""
    listed = finished_segments(directory)
    if index not in listed:
        return None
    return whole_segments(directory, {index: listed[index]}).get(index)


def _read_log(directory: Path) -> str:
    try:
        text = (directory / _LOG).read_text(errors="replace")
    except OSError:
        return ""
    return text.replace("\0", "").strip()  # the unused part of the reserve


def _whole_packets(path: Path) -> bool:
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return size > 0 and size % _TS_PACKET == 0


def _die_with_parent() -> None:
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG

