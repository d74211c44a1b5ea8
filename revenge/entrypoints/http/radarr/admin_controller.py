"""Radarr administration (`integrations.manage`): settings, connection check, status,
syncs, conflicts, and Radarr's quality profiles and root folders."""

from __future__ import annotations

from litestar import Controller, get, post, put
from litestar.params import JSONBody
from litestar.status_codes import HTTP_202_ACCEPTED

from revenge.application.radarr.check_connection import (
    CheckRadarrConnection,
    CheckRadarrConnectionCommand,
    ConnectionReport,
)
from revenge.application.radarr.list_radarr_options import ListRadarrOptions
from revenge.application.radarr.ports import RadarrQueries
from revenge.application.radarr.request_sync import RequestRadarrSync, RequestRadarrSyncCommand
from revenge.application.radarr.save_settings import (
    SaveRadarrSettings,
    SaveRadarrSettingsCommand,
)
from revenge.domain.radarr.paths import PathMapping
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.auth import require
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.radarr.schemas import (
    ConflictList,
    ConflictView,
    ConnectionCheckBody,
    ProfileList,
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
    dependencies = uses(RadarrQueries, SaveRadarrSettings, CheckRadarrConnection,
                        RequestRadarrSync, ListRadarrOptions)

    @get("/settings", summary="The Radarr connection (the API key is never shown)")
    async def read_settings(self, radarr_queries: Uses[RadarrQueries]) -> SettingsView:
        return SettingsView.of(await radarr_queries.settings())

    @put("/settings", summary="Save the Radarr connection; the API key is sealed at rest "
                              "(leave it out to keep the saved one)")
    async def save_settings(self, data: JSONBody[SettingsBody],
                            save_radarr_settings: Uses[SaveRadarrSettings]) -> SettingsView:
        saved = await save_radarr_settings.execute(SaveRadarrSettingsCommand(
            url=data.url, api_key=data.api_key, enabled=data.enabled,
            path_mappings=tuple(PathMapping(m.remote, m.local) for m in data.path_mappings),
            sync_interval_minutes=data.sync_interval_minutes))
        return SettingsView.of(saved)

    @post("/test", status_code=200, summary="Ask Radarr for its status: its version, or "
                                            "exactly why it cannot be reached")
    async def test(self, check_radarr_connection: Uses[CheckRadarrConnection],
                   data: JSONBody[ConnectionCheckBody | None] = None) -> ConnectionReport:
        body = data or ConnectionCheckBody()
        return await check_radarr_connection.execute(
            CheckRadarrConnectionCommand(url=body.url, api_key=body.api_key))

    @get("/status", summary="Last sync, counts, errors, open conflicts, recent events")
    async def status(self, radarr_queries: Uses[RadarrQueries]) -> StatusView:
        return StatusView.of(await radarr_queries.status())

    @post("/sync", status_code=HTTP_202_ACCEPTED,
          summary="Sync now (full or incremental); the sync already queued or running "
                  "if any")
    async def sync(self, request_radarr_sync: Uses[RequestRadarrSync],
                   data: JSONBody[SyncBody | None] = None) -> SyncAccepted:
        mode = (data or SyncBody()).mode
        job_id = await request_radarr_sync.execute(RequestRadarrSyncCommand(mode=mode))
        return SyncAccepted(job_id=job_id)

    @get("/conflicts", summary="Open conflicts between Radarr and the catalog, oldest first")
    async def conflicts(self, radarr_queries: Uses[RadarrQueries]) -> ConflictList:
        stored = await radarr_queries.conflicts()
        return ConflictList([ConflictView.of(c) for c in stored], None, len(stored))

    @get("/quality-profiles", summary="Radarr's quality profiles")
    async def quality_profiles(self,
                               list_radarr_options: Uses[ListRadarrOptions]) -> ProfileList:
        profiles = await list_radarr_options.quality_profiles()
        return ProfileList(profiles, None, len(profiles))

    @get("/root-folders", summary="Radarr's root folders")
    async def root_folders(self,
                           list_radarr_options: Uses[ListRadarrOptions]) -> RootFolderList:
        folders = await list_radarr_options.root_folders()
        return RootFolderList(folders, None, len(folders))
