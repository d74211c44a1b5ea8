"""The Radarr API key as one of the stored secrets `revenge secrets rotate` re-seals."""

from __future__ import annotations

import msgspec

from revenge.application.radarr.common import API_KEY_PLACE, UnitOfWorkFactory
from revenge.application.shared.secrets import SecretBox, resealed


class RadarrSecrets:
    """A `StoredSecrets`: the sealed API key of the Radarr connection."""

    name = "radarr api key"

    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._unit_of_work = unit_of_work

    async def rotate(self, box: SecretBox) -> int:
        async with self._unit_of_work() as uow:
            settings = await uow.settings.get()
            if settings is None or settings.api_key is None:
                return 0
            fresh = resealed(box, settings.api_key, API_KEY_PLACE)
            if fresh is None:
                return 0
            await uow.settings.save(msgspec.structs.replace(settings, api_key=fresh))
            await uow.commit()
        return 1
