"""HTTP Range requests for one byte range (RFC 9110 §14): `a-b`, `a-`, `-n`, If-Range.

Several ranges in one request are answered with the whole file (a server may ignore
Range; players never ask for more than one), as is a malformed header.
"""

from __future__ import annotations

import re
from typing import Literal

import msgspec

_SPEC = re.compile(r"^\s*bytes\s*=\s*([0-9]*)\s*-\s*([0-9]*)\s*$", re.IGNORECASE)
# Past this many digits a position lies beyond any file (and int() refuses 4,300+ digits).
_MAX_DIGITS = 19
_BEYOND_ANY_FILE = 10**_MAX_DIGITS

Outcome = Literal["full", "partial", "unsatisfiable"]


class ByteRange(msgspec.Struct, frozen=True):
    """Inclusive `first`..`last`, as in Content-Range."""

    first: int
    last: int

    @property
    def length(self) -> int:
        return self.last - self.first + 1

    def content_range(self, size: int) -> str:
        return f"bytes {self.first}-{self.last}/{size}"


class RangeAnswer(msgspec.Struct, frozen=True):
    outcome: Outcome
    range: ByteRange | None = None

    @property
    def status(self) -> int:
        return {"full": 200, "partial": 206, "unsatisfiable": 416}[self.outcome]


FULL = RangeAnswer("full")


def answer_range(header: str | None, size: int, *, if_range: str | None = None,
                 etag: str = "", last_modified: str = "") -> RangeAnswer:
    """How to answer a GET with this `Range` for a file of `size` bytes whose
    validators are `etag` (strong) and `last_modified` (an HTTP date)."""
    if header is None or size == 0 or not _if_range_holds(if_range, etag, last_modified):
        return FULL
    match = _SPEC.match(header)
    if match is None:
        return FULL
    first, last = match.groups()
    return _resolve(first, last, size)


def _resolve(first: str, last: str, size: int) -> RangeAnswer:
    if not first:
        return _suffix(_position(last), size) if last else FULL
    start = _position(first)
    end = min(_position(last), size - 1) if last else size - 1
    if last and _position(last) < start:
        return FULL  # invalid: ignored, as the RFC allows
    if start >= size:
        return RangeAnswer("unsatisfiable")
    return RangeAnswer("partial", ByteRange(start, end))


def _position(digits: str) -> int:
    significant = digits.lstrip("0")
    return int(significant or "0") if len(significant) <= _MAX_DIGITS else _BEYOND_ANY_FILE


def _suffix(count: int, size: int) -> RangeAnswer:
    if count == 0:
        return RangeAnswer("unsatisfiable")
    return RangeAnswer("partial", ByteRange(max(0, size - count), size - 1))


def _if_range_holds(if_range: str | None, etag: str, last_modified: str) -> bool:
    """If-Range matches only a strong ETag or the exact Last-Modified date."""
    if if_range is None:
        return True
    value = if_range.strip()
    if value.startswith(('"', "W/")):
        return bool(etag) and value == etag and not value.startswith("W/")
    return bool(last_modified) and value == last_modified


def unsatisfiable_content_range(size: int) -> str:
    return f"bytes */{size}"
