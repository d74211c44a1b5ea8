"""Composition offsets (`ctts`) of one MP4/MOV track, read from the `moov` box: what turns
the decode times of FFmpeg's MP4 index into presentation times. Only box headers and
the track's sample tables are read, never the media data."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from itertools import chain, repeat
from typing import BinaryIO

_MAX_MOOV = 256 << 20  # a moov larger than this is not worth reading for an index
_PATH_TO_STBL = (b"mdia", b"minf", b"stbl")
_PAIR = struct.Struct(">Ii")


def composition_offsets(path: str, track_id: int) -> list[int] | None:
    """The composition offset of every sample (decode order; all 0 without a `ctts` box)
    of track `track_id`, or None when the file has no readable moov or no such track."""
    try:
        with open(path, "rb") as handle:
            moov = _top_level_box(handle, b"moov")
    except OSError:
        return None
    if moov is None:
        return None
    try:
        stbl = _track_stbl(moov, track_id)
        return None if stbl is None else _sample_tables(stbl)
    except struct.error:  # a truncated or malformed box
        return None


def _top_level_box(handle: BinaryIO, kind: bytes) -> memoryview | None:
    while header := handle.read(8):
        if len(header) < 8:
            return None
        size, found = struct.unpack(">I4s", header)
        header_size = 8
        if size == 1:
            size, header_size = struct.unpack(">Q", handle.read(8))[0], 16
        if found == kind:
            length = (size or _MAX_MOOV + 1) - header_size
            return memoryview(handle.read(length)) if 0 <= length <= _MAX_MOOV else None
        if size < header_size:
            return None
        handle.seek(size - header_size, 1)
    return None


def _children(payload: memoryview) -> Iterator[tuple[bytes, memoryview]]:
    offset = 0
    while offset + 8 <= len(payload):
        size, kind = struct.unpack_from(">I4s", payload, offset)
        header_size = 8
        if size == 1:
            size, header_size = struct.unpack_from(">Q", payload, offset + 8)[0], 16
        if size == 0:
            size = len(payload) - offset
        if size < header_size:
            return
        yield kind, payload[offset + header_size:offset + size]
        offset += size


def _child(payload: memoryview, kind: bytes) -> memoryview | None:
    return next((body for found, body in _children(payload) if found == kind), None)


def _track_stbl(moov: memoryview, track_id: int) -> memoryview | None:
    for kind, trak in _children(moov):
        tkhd = _child(trak, b"tkhd") if kind == b"trak" else None
        if tkhd is None or _track_id(tkhd) != track_id:
            continue
        box: memoryview | None = trak
        for name in _PATH_TO_STBL:
            box = _child(box, name) if box is not None else None
        return box
    return None


def _track_id(tkhd: memoryview) -> int:
    id_offset = 20 if tkhd[0] == 1 else 12  # version 1 has 64-bit times
    return int(struct.unpack_from(">I", tkhd, id_offset)[0])


def _sample_tables(stbl: memoryview) -> list[int]:
    ctts = _child(stbl, b"ctts")
    if ctts is None:
        stts = _child(stbl, b"stts")
        return [0] * sum(n for n, _ in _entries(stts)) if stts is not None else []
    runs = chain.from_iterable(repeat(offset, samples) for samples, offset in _entries(ctts))
    return list(runs)


def _entries(box: memoryview) -> Iterator[tuple[int, ...]]:
    """(count, value) pairs of an stts/ctts box. Values are read signed, as FFmpeg does
    (muxers write negative composition offsets into version 0 boxes too)."""
    total = struct.unpack_from(">I", box, 4)[0]
    if 8 + total * 8 > len(box):
        raise struct.error("a sample table longer than its box")
    return _PAIR.iter_unpack(box[8:8 + total * 8])
