"""`GET /api/v1/admin/server`: the settings that come from configuration (environment or
file), read-only, so the admin console can show them next to the editable ones."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request, Router, get

from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.config import Config
from revenge.entrypoints.http.auth import require
from revenge.entrypoints.http.di_bridge import provided_of


class ServerConfigView(msgspec.Struct, frozen=True, kw_only=True):
    """Changed through configuration and a restart, never through the API."""

    watched_threshold_percent: float
    resume_min_percent: float
    resume_min_seconds: int
    transcode_limit: int
    transcode_hwaccel: str
    tmdb_configured: bool
    public_url: str | None

    @classmethod
    def of(cls, config: Config) -> ServerConfigView:
        return cls(watched_threshold_percent=config.watched_threshold_percent,
                   resume_min_percent=config.resume_min_percent,
                   resume_min_seconds=config.resume_min_seconds,
                   transcode_limit=config.transcode_limit,
                   transcode_hwaccel=config.transcode_hwaccel,
                   tmdb_configured=config.tmdb_api_key is not None,
                   public_url=config.public_url)


@get("/server", summary="Settings that come from configuration (read-only): progress "
                        "policy, transcoding, whether a TMDb key is set",
     guards=[require(Permission.SETTINGS_MANAGE)], sync_to_thread=False)
def server_config(request: Request[Any, Any, Any]) -> ServerConfigView:
    return ServerConfigView.of(provided_of(request).get(Config))


def server_config_router() -> Router:
    return Router("/admin", route_handlers=[server_config], tags=["admin"])
