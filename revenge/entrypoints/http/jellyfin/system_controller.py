"""System information, branding and quick connect (off): what apps ask before a login."""

from __future__ import annotations

import platform
from typing import Any

from litestar import Controller, Request, Response, get, post

from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.jellyfin.auth import require
from revenge.entrypoints.http.jellyfin.context import local_address, server_name, this_server
from revenge.entrypoints.http.jellyfin.dtos_users import (
    BrandingOptions,
    PublicSystemInfo,
    SystemInfo,
)
from revenge.entrypoints.http.jellyfin.routes import paths

AnyRequest = Request[Any, Any, Any]


class SystemController(Controller):
    path = "/"
    include_in_schema = False

    @get(paths("/System/Info/Public"))
    async def public_info(self, request: AnyRequest) -> PublicSystemInfo:
        return PublicSystemInfo(local_address=local_address(request),
                                server_name=server_name(request), id=this_server(request),
                                operating_system=platform.system())

    @get(paths("/System/Info"), guards=[require()])
    async def info(self, request: AnyRequest) -> SystemInfo:
        return SystemInfo(
            local_address=local_address(request), server_name=server_name(request),
            id=this_server(request), operating_system=platform.system(),
            operating_system_display_name=platform.platform(terse=True),
            has_pending_restart=False, is_shutting_down=False, supports_library_monitor=True,
            web_socket_port_number=request.url.port or 8096, completed_installations=[],
            can_self_restart=False, can_launch_web_browser=False,
            cast_receiver_applications=[], has_update_available=False)

    @get(paths("/System/Ping"), media_type="application/json")
    async def ping(self) -> str:
        return "Jellyfin Server"

    @post(paths("/System/Ping"), status_code=200, media_type="application/json")
    async def ping_post(self) -> str:
        return "Jellyfin Server"

    @get(paths("/Branding/Configuration"))
    async def branding(self) -> BrandingOptions:
        return BrandingOptions(splashscreen_enabled=False)

    @get(paths("/Branding/Css", "/Branding/Css.css"), media_type="text/css")
    async def css(self) -> str:
        return ""

    @get(paths("/QuickConnect/Enabled"))
    async def quick_connect(self) -> bool:
        return False

    @get(paths("/Users/Public"))
    async def public_users(self) -> list[Any]:
        return []  # no user list before a login (names are not advertised)

    @get(paths("/System/Endpoint"), guards=[require(Permission.LIBRARY_READ)])
    async def endpoint(self, request: AnyRequest) -> Response[dict[str, bool]]:
        host = request.client.host if request.client else ""
        return Response({"IsLocal": host in ("127.0.0.1", "::1"), "IsInNetwork": False})
