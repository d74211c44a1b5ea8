"""Run a short-lived ffmpeg/ffprobe command with a time limit; never leave it running."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass


@dataclass(frozen=True)
class Completed:
    returncode: int
    stdout: bytes
    stderr: bytes


async def run_bounded(argv: list[str], seconds: float, stdin: bytes | None = None
                      ) -> Completed:
    """Raises TimeoutError (after killing the process) when it takes over `seconds`,
    OSError when it cannot be started."""
    process = await asyncio.create_subprocess_exec(
        *argv, stdin=asyncio.subprocess.PIPE if stdin is not None else asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        out, err = await asyncio.wait_for(process.communicate(stdin), seconds)
    except BaseException:  # a timeout, or the caller was cancelled
        if process.returncode is None:
            process.kill()
        await process.wait()
        raise
    return Completed(process.returncode or 0, out, err)
