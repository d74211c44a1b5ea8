"""A `Cache` whose entries are sealed: each carries an HMAC-SHA256 of its key and body,
under a key the cache's backend never sees. Whoever can write to Redis (but does not hold
the server's secret) cannot plant or alter an entry: a forged one reads as a miss, and
the caller loads the truth from PostgreSQL. For what grants access (cached sign-ins,
server settings), so a writable cache is not an escalation path."""

from __future__ import annotations

import hashlib
import hmac
import logging
from typing import TypeVar

import msgspec

from revenge.application.shared.cache import Cache

T = TypeVar("T")
log = logging.getLogger(__name__)


class Sealed(msgspec.Struct, frozen=True, array_like=True):
    mac: bytes
    body: bytes


def seal_key(signing_key: bytes) -> bytes:
    """A key of its own for sealing cache entries, derived from the server's secret."""
    return hmac.new(signing_key, b"revenge cache seal v1", hashlib.sha256).digest()


class SealedCache:
    def __init__(self, inner: Cache, key: bytes) -> None:
        self._inner = inner
        self._key = key

    async def get(self, key: str, type_: type[T]) -> T | None:
        try:
            sealed = await self._inner.get(key, Sealed)
            if sealed is None:
                return None
            if not hmac.compare_digest(sealed.mac, self._mac(key, sealed.body)):
                log.warning("cache entry %s is not sealed by this server: ignored", key)
                return None
            return msgspec.msgpack.decode(sealed.body, type=type_)
        except msgspec.DecodeError:  # not written by us (or by an older version)
            return None

    async def set(self, key: str, value: object, ttl_seconds: int) -> None:
        body = msgspec.msgpack.encode(value)
        await self._inner.set(key, Sealed(self._mac(key, body), body), ttl_seconds)

    async def delete(self, key: str) -> None:
        await self._inner.delete(key)

    def _mac(self, key: str, body: bytes) -> bytes:
        return hmac.new(self._key, key.encode() + b"\0" + body, hashlib.sha256).digest()
