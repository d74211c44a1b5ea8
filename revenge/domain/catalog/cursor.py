"""Opaque keyset cursors: the last item's sort key and id, msgpack in base64url.

A cursor names the list (and sort) it belongs to, so one handed to another list or
sort is refused instead of silently returning the wrong page.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

import msgspec

from revenge.domain.catalog.errors import InvalidQuery

KeyValue = str | int | float | datetime | None


class Cursor(msgspec.Struct, frozen=True, array_like=True):
    scope: str
    key: tuple[KeyValue, ...]


_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(Cursor)


def encode_cursor(cursor: Cursor) -> str:
    return base64.urlsafe_b64encode(_encoder.encode(cursor)).rstrip(b"=").decode("ascii")


def decode_cursor(token: str, scope: str) -> Cursor:
    """Raises `InvalidQuery` (field "cursor") for garbage or a cursor of another list."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        cursor = _decoder.decode(raw)
    except (binascii.Error, ValueError, msgspec.DecodeError):
        raise InvalidQuery("cursor is not one this server returned", field="cursor") from None
    if cursor.scope != scope:
        raise InvalidQuery("cursor belongs to another list or sort order", field="cursor")
    return cursor
