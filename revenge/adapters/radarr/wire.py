"""Radarr's API v3 JSON as msgspec Structs: camelCase keys, unknown fields ignored, and
every field optional where Radarr may leave it out (it omits nulls) or older versions
lack it. Only what we read is declared."""

from __future__ import annotations

from datetime import datetime

import msgspec


class Wire(msgspec.Struct, rename="camel", kw_only=True):
    """Base of every wire type (unknown fields are ignored by default)."""


class WireSystemStatus(Wire):
    app_name: str = "Radarr"
    instance_name: str | None = None
    version: str = ""
    url_base: str | None = None


class WireQuality(Wire):
    id: int = 0
    name: str = ""


class WireQualityModel(Wire):
    quality: WireQuality | None = None


class WireMovieFile(Wire):
    id: int = 0
    movie_id: int = 0
    relative_path: str | None = None
    path: str | None = None
    size: int = 0
    date_added: datetime | None = None
    edition: str | None = None
    quality: WireQualityModel | None = None


class WireMovie(Wire):
    id: int
    title: str = ""
    original_title: str | None = None
    year: int = 0
    tmdb_id: int = 0
    imdb_id: str | None = None
    path: str | None = None
    has_file: bool = False
    added: datetime | None = None
    movie_file: WireMovieFile | None = None


class WireQualityProfile(Wire):
    id: int
    name: str = ""


class WireRootFolder(Wire):
    id: int
    path: str = ""
    accessible: bool = True
    free_space: int | None = None


class WireTag(Wire):
    id: int
    label: str = ""


class WireHistoryRecord(Wire):
    date: datetime
    movie_id: int = 0
    event_type: str = ""


class WireHistoryPage(Wire):
    """`/history` (paged) answers with records; `/history/since` with a bare list."""

    records: list[WireHistoryRecord] = msgspec.field(default_factory=list)


class WireCommand(Wire):
    id: int
    name: str = ""
    command_name: str | None = None
    status: str = "queued"
    message: str | None = None


class WireError(Wire):
    message: str | None = None
    error_message: str | None = None
