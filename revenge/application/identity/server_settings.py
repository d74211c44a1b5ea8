"""The current server settings, cached; every change goes through UpdateServerSettings."""

from __future__ import annotations

from revenge.application.identity.ports import UnitOfWorkFactory
from revenge.application.shared.cache import Cache
from revenge.domain.identity.settings import ServerSettings, stored

_KEY = "identity:server-settings"


class ServerSettingsReader:
    def __init__(self, uow: UnitOfWorkFactory, cache: Cache, ttl_seconds: int = 60) -> None:
        self._uow = uow
        self._cache = cache
        self._ttl = ttl_seconds

    async def current(self) -> ServerSettings:
        cached = await self._cache.get(_KEY, ServerSettings)
        if cached is not None:
            return cached
        async with self._uow() as tx:
            settings = stored(ServerSettings, await tx.settings.server())
        await self._cache.set(_KEY, settings, self._ttl)
        return settings

    async def forget(self) -> None:
        await self._cache.delete(_KEY)
