"""Save the Radarr connection: URL, API key (sealed before it is stored), path mappings,
sync interval, enabled."""

from __future__ import annotations

import msgspec

from revenge.application.radarr.common import API_KEY_PLACE, UnitOfWorkFactory
from revenge.application.radarr.ports import Clock
from revenge.application.shared.secrets import SecretBox
from revenge.domain.errors import RuleViolation
from revenge.domain.radarr.paths import PathMapping
from revenge.domain.radarr.settings import RadarrSettings, checked_api_key, new_settings


class SaveRadarrSettingsCommand(msgspec.Struct, frozen=True, kw_only=True):
    """`api_key` None keeps the saved key (the API never shows it, so an edit form
    cannot send it back)."""

    url: str
    api_key: str | None = None
    path_mappings: tuple[PathMapping, ...] = ()
    sync_interval_minutes: int | None = None
    enabled: bool = True


class SaveRadarrSettings:
    def __init__(self, unit_of_work: UnitOfWorkFactory, box: SecretBox, clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._box = box
        self._clock = clock

    async def execute(self, command: SaveRadarrSettingsCommand) -> RadarrSettings:
        """Raises `RuleViolation` naming the bad field; an enabled connection needs a key."""
        async with self._unit_of_work() as uow:
            current = await uow.settings.get()
            settings = new_settings(
                url=command.url, path_mappings=command.path_mappings,
                sync_interval_minutes=command.sync_interval_minutes, enabled=command.enabled,
                api_key=self._sealed(command.api_key, current), now=self._clock())
            if settings.enabled and settings.api_key is None:
                raise RuleViolation("api_key is required to enable Radarr", field="api_key")
            await uow.settings.save(settings)
            await uow.commit()
        return settings

    def _sealed(self, api_key: str | None, current: RadarrSettings | None) -> str | None:
        if api_key is None:
            return current.api_key if current else None
        return self._box.encrypt(checked_api_key(api_key).encode(), API_KEY_PLACE)
