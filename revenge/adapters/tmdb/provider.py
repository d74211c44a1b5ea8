"""`TmdbMetadataProvider`: the `MetadataProvider` port over TMDb API v3."""

from __future__ import annotations

import re
from datetime import date
from typing import TypeVar

import msgspec

from revenge.adapters.tmdb import mapping
from revenge.adapters.tmdb.client import TmdbClient
from revenge.adapters.tmdb.wire import (
    WireChangesPage,
    WireCollection,
    WireConfiguration,
    WireFind,
    WireMovie,
    WireMoviePage,
)
from revenge.domain.errors import Unavailable
from revenge.domain.metadata.details import CollectionDetails, MovieDetails, SearchPage

T = TypeVar("T")

DAY = 24 * 3600
TTL = {"configuration": 3 * DAY, "search": DAY, "movie": DAY, "collection": DAY,
       "find": 7 * DAY}
# Only what the catalog stores. Deliberately not requested: `keywords` and `videos` (the
# catalog keeps neither tags nor trailers), nor `/genre/movie/list` (details carry genre
# names, which is what the catalog stores; search results' genre ids are never kept).
APPENDED = "credits,images,release_dates,external_ids,similar"
MAX_CHANGE_PAGES = 100
_IMDB_ID = re.compile(r"tt\d{5,10}")


class TmdbMetadataProvider:
    def __init__(self, client: TmdbClient) -> None:
        self._client = client
        self._language = client.settings.language
        self._region = client.settings.region

    async def search_movies(self, query: str, *, year: int | None = None,
                            page: int = 1) -> SearchPage:
        params: dict[str, str | int] = {"query": query, "page": page, "include_adult": "false",
                                        "language": self._language}
        if year is not None:
            params["year"] = year
        body = await self._client.get("/search/movie", params, cache_ttl=TTL["search"])
        return mapping.search_page(_decoded(body, WireMoviePage, "/search/movie"))

    async def movie_details(self, tmdb_id: int, *, fresh: bool = False) -> MovieDetails:
        path = f"/movie/{int(tmdb_id)}"
        params = {"append_to_response": APPENDED, "language": self._language,
                  "include_image_language": f"{self._language.split('-')[0]},null"}
        body = await self._client.get(path, params, cache_ttl=TTL["movie"], fresh=fresh)
        wire = _decoded(body, WireMovie, path)
        return mapping.movie_details(wire, language=self._language, region=self._region)

    async def find_by_imdb(self, imdb_id: str) -> int | None:
        if not _IMDB_ID.fullmatch(imdb_id):
            return None
        body = await self._client.get(f"/find/{imdb_id}", {"external_source": "imdb_id"},
                                      cache_ttl=TTL["find"])
        found = _decoded(body, WireFind, "/find").movie_results
        return found[0].id if found else None

    async def collection(self, tmdb_id: int) -> CollectionDetails:
        path = f"/collection/{int(tmdb_id)}"
        body = await self._client.get(path, {"language": self._language},
                                      cache_ttl=TTL["collection"])
        return mapping.collection_details(_decoded(body, WireCollection, path))

    async def changed_movie_ids(self, start: date, end: date) -> list[int]:
        ids: dict[int, None] = {}
        page, pages = 1, 1
        while page <= min(pages, MAX_CHANGE_PAGES):
            wire = await self._changes(start, end, page)
            ids.update(dict.fromkeys(c.id for c in wire.results))
            page, pages = page + 1, wire.total_pages
        return list(ids)

    async def _changes(self, start: date, end: date, page: int) -> WireChangesPage:
        params: dict[str, str | int] = {"start_date": start.isoformat(),
                                        "end_date": end.isoformat(), "page": page}
        body = await self._client.get("/movie/changes", params)
        return _decoded(body, WireChangesPage, "/movie/changes")

    async def image_base_url(self) -> str:
        """Where TMDb serves images (from /configuration, cached for days)."""
        body = await self._client.get("/configuration", cache_ttl=TTL["configuration"])
        images = _decoded(body, WireConfiguration, "/configuration").images
        found = images.secure_base_url or images.base_url
        if not found:
            raise Unavailable("tmdb", "/configuration names no image base URL")
        return found


def _decoded(body: bytes, type_: type[T], path: str) -> T:
    try:
        return msgspec.json.decode(body, type=type_)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise Unavailable("tmdb", f"invalid JSON answer from {path}: {exc}") from None
