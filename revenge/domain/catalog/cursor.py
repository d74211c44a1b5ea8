"""Opaque keyset cursors: the last item's sort key and id, msgpack in base64url.

A cursor names the list (and sort) it belongs to, so one handed to another list or
sort is refused instead of silently returning the wrong page.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any

import msgspec

from revenge.domain.catalog.errors import InvalidQuery

KeyValue = str | int | float | datetime | None


class Cursor(msgspec.Struct, frozen=True, array_like=True):
    scope: str
    key: tuple[KeyValue, ...]


class _Wire(msgspec.Struct, frozen=True, array_like=True):
    # msgspec cannot decode a union of str and datetime, so the key is decoded loosely
    # (msgpack timestamps come back as datetimes) and checked by hand.
    scope: str
    key: tuple[Any, ...]


_KEY_TYPES = (str, int, float, datetime, type(None))
_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(_Wire)


def encode_cursor(cursor: Cursor) -> str:
    return base64.urlsafe_b64encode(_encoder.encode(cursor)).rstrip(b"=").decode("ascii")


def decode_cursor(token: str, scope: str) -> Cursor:
    """Raises `InvalidQuery` (field "cursor") for garbage or a cursor of another list."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        wire = _decoder.decode(raw)
    except (binascii.Error, ValueError, msgspec.DecodeError):
        raise InvalidQuery("cursor is not one this server returned", field="cursor") from None
    if not all(isinstance(v, _KEY_TYPES) and not isinstance(v, bool) for v in wire.key):
        raise InvalidQuery("cursor is not one this server returned", field="cursor")
    if wire.scope != scope:
        raise InvalidQuery("cursor belongs to another list or sort order", field="cursor")
    return Cursor(wire.scope, wire.key)
