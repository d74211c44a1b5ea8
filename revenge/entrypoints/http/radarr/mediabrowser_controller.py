"""The Emby/Jellyfin endpoints Radarr's stock "Emby / Jellyfin" connection calls, at the
root path (and under `/emby`, `/mediabrowser`): `GET /Items` to find a movie's paths,
`POST /Library/Media/Updated` to report changed paths (each is rescanned, limited to its
folder), `POST /Notifications/Admin` (Radarr's "Test" button). The token is an API key
with the webhooks scope.

`GET /Items` is routed by the Jellyfin API (entrypoints/http/jellyfin), which answers
with `radarr_items` below when the caller's key has the webhooks scope but cannot read
the library (Radarr's key); a person's app gets Jellyfin's own answer."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Controller, Request, Response, post
from litestar.status_codes import HTTP_204_NO_CONTENT

from revenge.adapters.radarr.mediabrowser import read_media_updates
from revenge.application.radarr.apply_media_updated import (
    ApplyMediaUpdated,
    ApplyMediaUpdatedCommand,
)
from revenge.application.radarr.ports import RadarrQueries
from revenge.application.radarr.records import MediaItem
from revenge.domain.errors import RuleViolation
from revenge.entrypoints.http.di_bridge import Uses, provided_of, uses
from revenge.entrypoints.http.radarr.keys import media_browser_key, webhooks_principal

PREFIXES = ("", "/emby", "/mediabrowser")


def _paths(path: str) -> list[str]:
    return [prefix + path for prefix in PREFIXES]


class ItemsResult(msgspec.Struct, frozen=True, rename="pascal"):
    """Emby's `QueryResult<BaseItemDto>`, with the fields Radarr reads."""

    items: list[dict[str, Any]]
    total_record_count: int
    start_index: int = 0


class MediaBrowserController(Controller):
    path = "/"
    tags = ["radarr"]
    include_in_schema = False
    dependencies = uses(ApplyMediaUpdated)

    @post(_paths("/Library/Media/Updated"), status_code=HTTP_204_NO_CONTENT,
          summary="Paths that changed: rescanned (Emby API)")
    async def media_updated(self, request: Request[Any, Any, Any],
                            apply_media_updated: Uses[ApplyMediaUpdated]) -> None:
        await webhooks_principal(request, media_browser_key(request))
        updates = read_media_updates(await request.body())
        await apply_media_updated.execute(
            ApplyMediaUpdatedCommand(updates=tuple(updates)))

    @post(_paths("/Notifications/Admin"), status_code=HTTP_204_NO_CONTENT,
          summary="An admin notification (Radarr's connection test)")
    async def notify(self, request: Request[Any, Any, Any]) -> Response[None]:
        await webhooks_principal(request, media_browser_key(request))
        return Response(None, status_code=HTTP_204_NO_CONTENT)


async def radarr_items(request: Request[Any, Any, Any]) -> ItemsResult:
    """Every movie file with its path and provider ids (a movie with two files is two
    items), for Radarr to find the paths of the movie it changed. Called by the Jellyfin
    API's `/Items` route, so it reads its query port off the request."""
    await webhooks_principal(request, media_browser_key(request))
    query = {key.lower(): value for key, value in request.query_params.items()}
    if "movie" not in query.get("includeitemtypes", "movie").lower():
        return ItemsResult(items=[], total_record_count=0)
    queries = provided_of(request).get(RadarrQueries)
    items = await queries.media_items(_years(query.get("years")))
    return ItemsResult(items=[_item(item) for item in items], total_record_count=len(items))


def _years(value: str | None) -> list[int] | None:
    if not value:
        return None
    years = [year.strip() for year in value.split(",") if year.strip()]
    if not all(len(year) <= 4 and year.isascii() and year.isdigit() for year in years):
        raise RuleViolation("years must be comma-separated years (up to 4 digits)",
                            field="years")
    return [int(year) for year in years]


def _item(item: MediaItem) -> dict[str, Any]:
    ids = {"Tmdb": str(item.tmdb_id)} if item.tmdb_id else {}
    if item.imdb_id:
        ids["Imdb"] = item.imdb_id
    return {"Name": item.title, "Id": item.movie_id.replace("-", ""), "Type": "Movie",
            "IsFolder": False, "MediaType": "Video", "Path": item.path,
            "ProductionYear": item.year, "ProviderIds": ids}
