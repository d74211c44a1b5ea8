"""WebVTT to SubRip, for apps that ask for `Stream.srt` (the cues are the same; SubRip
numbers them and writes a comma before the milliseconds)."""

from __future__ import annotations

import re

_TIMING = re.compile(r"^((?:\d+:)?\d{2}:\d{2})\.(\d{3}) --> ((?:\d+:)?\d{2}:\d{2})\.(\d{3})")


def _hours(stamp: str) -> str:
    return stamp if stamp.count(":") == 2 else f"00:{stamp}"


def as_srt(vtt: bytes) -> bytes:
    cues: list[str] = []
    for block in vtt.decode("utf-8", "replace").replace("\r\n", "\n").split("\n\n"):
        lines = block.strip("\n").split("\n")
        at = next((i for i, line in enumerate(lines) if _TIMING.match(line)), None)
        if at is None:
            continue  # the header, NOTE and STYLE blocks
        start, start_ms, end, end_ms = _TIMING.match(lines[at]).groups()  # type: ignore[union-attr]
        timing = f"{_hours(start)},{start_ms} --> {_hours(end)},{end_ms}"
        cues.append("\n".join([str(len(cues) + 1), timing, *lines[at + 1:]]))
    return ("\n\n".join(cues) + "\n").encode()
