"""Resolved sessions cached briefly (Cache port), forgotten as soon as one is revoked."""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from revenge.application.shared.cache import Cache


class CachedSession(msgspec.Struct, frozen=True, kw_only=True):
    session_id: str
    user_id: str
    username: str
    permissions: list[str]
    mfa_verified: bool


class SessionCache:
    """Revocation deletes the entry, so a revoked session is refused at once by every
    process that shares the Cache (wired to one without an in-process tier)."""

    def __init__(self, cache: Cache, ttl_seconds: int = 30) -> None:
        self._cache = cache
        self._ttl = ttl_seconds

    async def get(self, session_id: str) -> CachedSession | None:
        return await self._cache.get(_key(session_id), CachedSession)

    async def put(self, entry: CachedSession) -> None:
        await self._cache.set(_key(entry.session_id), entry, self._ttl)

    async def session_of_token(self, token_digest: str) -> str | None:
        """The session a device token was last seen to belong to (the session entry
        itself still decides whether it is alive: revocation forgets that one)."""
        return await self._cache.get(f"identity:device-token:{token_digest}", str)

    async def remember_token(self, token_digest: str, session_id: str) -> None:
        await self._cache.set(f"identity:device-token:{token_digest}", session_id, self._ttl)

    async def forget(self, session_ids: Iterable[str]) -> None:
        for session_id in session_ids:
            await self._cache.delete(_key(session_id))


def _key(session_id: str) -> str:
    return f"identity:session:{session_id}"
