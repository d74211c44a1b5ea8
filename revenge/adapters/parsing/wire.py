"""What `ProcessNameParser` and its children send each other over pipes: frames of a
4-byte big-endian length and a msgpack body. Parent to child: a batch of paths. Child
to parent: its running counts and one row of `ParsedName.fields()` per path."""

from __future__ import annotations

from typing import Literal

import msgspec

Row = tuple[
    str | None, int | None, Literal["movie", "extra", "sample"], str | None, str | None,
    int | None, bool, str | None, str | None, str | None, str | None, str | None, int | None,
    str | None, tuple[str, ...], str | None,
]  # fmt: skip
Reply = tuple[int, int, list[Row]]  # (names parsed, names reused, rows)

HEADER = 4
encode = msgspec.msgpack.Encoder().encode
decode_batch = msgspec.msgpack.Decoder(list[str]).decode
decode_reply = msgspec.msgpack.Decoder(Reply).decode


def frame(body: bytes) -> bytes:
    return len(body).to_bytes(HEADER, "big") + body


def body_size(header: bytes) -> int:
    return int.from_bytes(header, "big")
