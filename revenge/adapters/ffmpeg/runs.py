"""One running ffmpeg segmenter process: spawn, pause/resume, kill, read its progress."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import functools
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

_LOG = "ffmpeg.log"
_LIST = "segments.csv"


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
        try:
            text = (self.directory / _LOG).read_text(errors="replace").strip()
        except OSError:
            text = ""
        if not text:
            return f"ffmpeg exited with {self.process.returncode}"
        return text.splitlines()[-1][:300]

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
    return open(directory / _LOG, "wb")


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


def _die_with_parent() -> None:
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG

