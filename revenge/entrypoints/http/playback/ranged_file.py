"""A file as an HTTP response with full single-range support (Litestar's `File` ignores
`Range`): 200/206/416, exact Content-Range, If-Range, HEAD, Accept-Ranges, ETag.

Zero-copy where the server offers it: a whole-file answer goes out through the ASGI
`http.response.pathsend` extension (granian streams the file itself, no Python in the
loop). A range is read with `os.pread` in a worker thread, 1 MiB at a time, the next
chunk being read while the previous one is sent.
"""

from __future__ import annotations

import asyncio
import os
from email.utils import formatdate
from typing import Any

from litestar.response.base import ASGIResponse
from litestar.types import Receive, Scope, Send

from revenge.domain.playback.ranges import RangeAnswer, answer_range, unsatisfiable_content_range

CHUNK = 1 << 20
PATHSEND = "http.response.pathsend"


class RangedFile(ASGIResponse):
    def __init__(self, path: str, media_type: str, *, cache_control: str = "private") -> None:
        super().__init__(media_type=media_type)
        self.path = path
        self.media_type = media_type
        self.cache_control = cache_control

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        fd = await asyncio.to_thread(os.open, self.path, os.O_RDONLY)
        try:
            await self._answer(fd, scope, send)
        finally:
            os.close(fd)

    async def _answer(self, fd: int, scope: Scope, send: Send) -> None:
        stat = os.fstat(fd)
        etag, modified = validators(stat.st_size, stat.st_mtime_ns)
        headers = _headers(scope)
        answer = answer_range(headers.get("range"), stat.st_size, if_range=headers.get("if-range"),
                              etag=etag, last_modified=modified)
        base = [("accept-ranges", "bytes"), ("etag", etag), ("last-modified", modified),
                ("cache-control", self.cache_control)]
        if answer.outcome == "unsatisfiable":
            await _send_empty(send, 416, [*base, ("content-range",
                                                  unsatisfiable_content_range(stat.st_size))])
            return
        first, length, status, extra = _span(answer, stat.st_size)
        response_headers = [*base, *extra, ("content-type", self.media_type),
                            ("content-length", str(length))]
        await send({"type": "http.response.start", "status": status,
                    "headers": [(k.encode(), v.encode()) for k, v in response_headers]})
        if scope.get("method") == "HEAD" or length == 0:
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        elif status == 200 and PATHSEND in (scope.get("extensions") or {}):
            await send({"type": PATHSEND, "path": self.path})  # type: ignore[arg-type]
        else:
            await _stream(fd, first, length, send)


def validators(size: int, mtime_ns: int) -> tuple[str, str]:
    """A strong ETag and a Last-Modified date from the file's size and mtime."""
    return f'"{size:x}-{mtime_ns:x}"', formatdate(mtime_ns / 1e9, usegmt=True)


def _span(answer: RangeAnswer, size: int) -> tuple[int, int, int, list[tuple[str, str]]]:
    if answer.range is None:
        return 0, size, 200, []
    byte_range = answer.range
    return (byte_range.first, byte_range.length, 206,
            [("content-range", byte_range.content_range(size))])


async def _stream(fd: int, first: int, length: int, send: Send) -> None:
    offset, end = first, first + length
    pending = asyncio.ensure_future(asyncio.to_thread(os.pread, fd, min(CHUNK, length), offset))
    try:
        while offset < end:
            chunk = await pending
            if not chunk:  # the file shrank under us
                break
            offset += len(chunk)
            if offset < end:
                pending = asyncio.ensure_future(
                    asyncio.to_thread(os.pread, fd, min(CHUNK, end - offset), offset))
            await send({"type": "http.response.body", "body": chunk, "more_body": offset < end})
    finally:
        if not pending.done():
            pending.cancel()
            await asyncio.gather(pending, return_exceptions=True)
    if offset < end:
        await send({"type": "http.response.body", "body": b"", "more_body": False})


async def _send_empty(send: Send, status: int, headers: list[tuple[str, str]]) -> None:
    encoded = [(k.encode(), v.encode()) for k, v in [*headers, ("content-length", "0")]]
    await send({"type": "http.response.start", "status": status, "headers": encoded})
    await send({"type": "http.response.body", "body": b"", "more_body": False})


def _headers(scope: Scope) -> dict[str, Any]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
