"""Radarr administration (`integrations.manage`): settings, connection check, status,
syncs, conflicts, and Radarr's quality profiles and root folders."""

from __future__ import annotations

from litestar import Controller, get, post, put
from litestar.params import JSONBody
from litestar.status_codes import HTTP_202_ACCEPTED

from revenge.application.radarr.check_connection import (
    CheckRadarrConnectionCommand,
    ConnectionReport,
)
from revenge.application.radarr.request_sync import RequestRadarrSyncCommand
from revenge.application.radarr.save_settings import SaveRadarrSettingsCommand
from revenge.domain.identity.permissions import Permission
from revenge.domain.radarr.paths import PathMapping
from revenge.entrypoints.http.auth import require
from revenge.entrypoints.http.radarr.schemas import (
    ConflictList,
    ConflictView,
    ConnectionCheckBody,
    ProfileList,
    Radarr,
    RootFolderList,
    SettingsBody,
    SettingsView,
    StatusView,
    SyncAccepted,
    SyncBody,
)


class RadarrAdminController(Controller):
    path = "/admin/integrations/radarr"
    tags = ["radarr"]
    guards = [require(Permission.INTEGRATIONS_MANAGE)]

    @get("/settings", summary="The Radarr connection (the API key is never shown)")
    async def read_settings(self, radarr: Radarr) -> SettingsView:
        async with radarr.unit_of_work() as uow:
            return SettingsView.of(await uow.settings.get())

    @put("/settings", summary="Save the Radarr connection; the API key is sealed at rest "
                              "(leave it out to keep the saved one)")
    async def save_settings(self, data: JSONBody[SettingsBody], radarr: Radarr) -> SettingsView:
        saved = await radarr.save_settings().execute(SaveRadarrSettingsCommand(
            url=data.url, api_key=data.api_key, enabled=data.enabled,
            path_mappings=tuple(PathMapping(m.remote, m.local) for m in data.path_mappings),
            sync_interval_minutes=data.sync_interval_minutes))
        return SettingsView.of(saved)

    @post("/test", status_code=200, summary="Ask Radarr for its status: its version, or "
                                            "exactly why it cannot be reached")
    async def test(self, radarr: Radarr, data: JSONBody[ConnectionCheckBody | None] = None
                   ) -> ConnectionReport:
        body = data or ConnectionCheckBody()
        report: ConnectionReport = await radarr.check_connection().execute(
            CheckRadarrConnectionCommand(url=body.url, api_key=body.api_key))
        return report

    @get("/status", summary="Last sync, counts, errors, open conflicts, recent events")
    async def status(self, radarr: Radarr) -> StatusView:
        return StatusView.of(await radarr.queries().status())

    @post("/sync", status_code=HTTP_202_ACCEPTED,
          summary="Sync now (full or incremental); the sync already queued or running "
                  "if any")
    async def sync(self, radarr: Radarr, data: JSONBody[SyncBody | None] = None) -> SyncAccepted:
        mode = (data or SyncBody()).mode
        job_id = await radarr.request_sync().execute(RequestRadarrSyncCommand(mode=mode))
        return SyncAccepted(job_id=job_id)

    @get("/conflicts", summary="Open conflicts between Radarr and the catalog, oldest first")
    async def conflicts(self, radarr: Radarr) -> ConflictList:
        stored = await radarr.queries().conflicts()
        return ConflictList([ConflictView.of(c) for c in stored], None, len(stored))

    @get("/quality-profiles", summary="Radarr's quality profiles")
    async def quality_profiles(self, radarr: Radarr) -> ProfileList:
        profiles = await radarr.options().quality_profiles()
        return ProfileList(profiles, None, len(profiles))

    @get("/root-folders", summary="Radarr's root folders")
    async def root_folders(self, radarr: Radarr) -> RootFolderList:
        folders = await radarr.options().root_folders()
        return RootFolderList(folders, None, len(folders))
