"""`/DisplayPreferences/{id}`: the layout an app remembers per view. Answered with
Jellyfin's defaults; what an app posts is accepted but not kept yet (we have no
per-app store for it)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.status_codes import HTTP_204_NO_CONTENT

from revenge.entrypoints.http.jellyfin.auth import require
from revenge.entrypoints.http.jellyfin.query import Query
from revenge.entrypoints.http.jellyfin.routes import PathPart, paths

AnyRequest = Request[Any, Any, Any]
ROUTE = paths("/DisplayPreferences/{preferences_id:str}")


class PreferencesController(Controller):
    path = "/"
    include_in_schema = False
    guards = [require()]

    @get(ROUTE)
    async def read(self, request: AnyRequest, preferences_id: PathPart) -> dict[str, Any]:
        return {"Id": preferences_id[:100], "SortBy": "SortName", "RememberIndexing": False,
                "PrimaryImageHeight": 250, "PrimaryImageWidth": 250, "CustomPrefs": {},
                "ScrollDirection": "Horizontal", "ShowBackdrop": True,
                "RememberSorting": False, "SortOrder": "Ascending", "ShowSidebar": False,
                "Client": (Query(request).text("client") or "emby")[:100]}

    @post(ROUTE, status_code=HTTP_204_NO_CONTENT)
    async def write(self, preferences_id: PathPart) -> None:
        return None
