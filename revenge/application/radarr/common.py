"""What the Radarr use cases share: the sealed key's place, the connection."""

from __future__ import annotations

from collections.abc import Callable

from revenge.application.radarr.ports import RadarrUnitOfWork
from revenge.application.shared.secrets import SecretBox
from revenge.domain.radarr.errors import RadarrNotConfigured
from revenge.domain.radarr.settings import RadarrSettings

# Associated data of the sealed API key: the token opens only as this column's value.
API_KEY_PLACE = b"radarr_settings.api_key"

UnitOfWorkFactory = Callable[[], RadarrUnitOfWork]


async def saved_settings(unit_of_work: UnitOfWorkFactory) -> RadarrSettings | None:
    async with unit_of_work() as uow:
        return await uow.settings.get()


def usable(settings: RadarrSettings | None) -> RadarrSettings:
    """The settings of an enabled connection with a key; `RadarrNotConfigured` else."""
    if settings is None or settings.api_key is None:
        raise RadarrNotConfigured("Radarr is not configured: save its URL and API key first")
    if not settings.enabled:
        raise RadarrNotConfigured("the Radarr connection is disabled")
    return settings


async def connection(unit_of_work: UnitOfWorkFactory, box: SecretBox
                     ) -> tuple[RadarrSettings, str]:
    """The saved settings and the API key, opened."""
    settings = usable(await saved_settings(unit_of_work))
    return settings, box.decrypt(settings.api_key or "", API_KEY_PLACE).decode()
