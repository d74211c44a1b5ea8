"""Radarr's quality profiles and root folders, for the admin's forms."""

from __future__ import annotations

from revenge.application.radarr.common import UnitOfWorkFactory, connection
from revenge.application.radarr.ports import RadarrConnector
from revenge.application.shared.secrets import SecretBox
from revenge.domain.radarr.model import QualityProfile, RootFolder


class ListRadarrOptions:
    """Reads straight from the saved Radarr (nothing is decided, nothing stored)."""

    def __init__(self, unit_of_work: UnitOfWorkFactory, box: SecretBox,
                 connector: RadarrConnector) -> None:
        self._unit_of_work = unit_of_work
        self._box = box
        self._connector = connector

    async def quality_profiles(self) -> list[QualityProfile]:
        settings, api_key = await connection(self._unit_of_work, self._box)
        async with self._connector.connect(settings.url, api_key) as radarr:
            return await radarr.quality_profiles()

    async def root_folders(self) -> list[RootFolder]:
        settings, api_key = await connection(self._unit_of_work, self._box)
        async with self._connector.connect(settings.url, api_key) as radarr:
            return await radarr.root_folders()
