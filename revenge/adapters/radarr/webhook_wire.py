"""Radarr's webhook payloads as msgspec Structs (`WebhookPayload` and its subclasses in
Radarr's source): camelCase keys, nulls left out, unknown fields ignored."""

from __future__ import annotations

from datetime import datetime

import msgspec


class Hook(msgspec.Struct, rename="camel", kw_only=True):
    pass


class HookMovie(Hook):
    id: int = 0
    title: str = ""
    year: int = 0
    release_date: str | None = None
    folder_path: str | None = None
    file_path: str | None = None
    tmdb_id: int = 0
    imdb_id: str | None = None
    overview: str | None = None
    tags: list[str] = msgspec.field(default_factory=list)


class HookMovieFile(Hook):
    id: int = 0
    relative_path: str | None = None
    path: str | None = None
    quality: str | None = None
    quality_version: int = 0
    release_group: str | None = None
    scene_name: str | None = None
    size: int = 0
    date_added: datetime | None = None
    recycle_bin_path: str | None = None


class HookRenamedFile(HookMovieFile):
    previous_relative_path: str | None = None
    previous_path: str | None = None


class HookRemoteMovie(Hook):
    tmdb_id: int = 0
    imdb_id: str | None = None
    title: str | None = None
    year: int = 0


class HookRelease(Hook):
    quality: str | None = None
    release_group: str | None = None
    release_title: str | None = None
    indexer: str | None = None
    size: int = 0


class HookPayload(Hook):
    """Every event's fields in one type (each event sends a subset)."""

    event_type: str
    instance_name: str | None = None
    application_url: str | None = None
    movie: HookMovie | None = None
    remote_movie: HookRemoteMovie | None = None
    movie_file: HookMovieFile | None = None
    release: HookRelease | None = None
    is_upgrade: bool = False
    download_client: str | None = None
    download_client_type: str | None = None
    download_id: str | None = None
    # A list of files for `Download` (an upgrade's old files), a flag for `MovieDelete`.
    deleted_files: list[HookMovieFile] | bool | None = None
    renamed_movie_files: list[HookRenamedFile] = msgspec.field(default_factory=list)
    delete_reason: str | None = None
    level: str | None = None
    message: str | None = None
    type: str | None = None
    previous_version: str | None = None
    new_version: str | None = None
