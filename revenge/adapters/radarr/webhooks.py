"""Reading a Radarr webhook body: its event in our words, and the delivery key (the
SHA-256 of the body's canonical JSON: the same delivery sent twice has the same key,
whatever its key order or spacing)."""

from __future__ import annotations

import hashlib
from typing import Any

import msgspec

from revenge.adapters.radarr.webhook_wire import (
    HookMovie,
    HookMovieFile,
    HookPayload,
    HookRelease,
)
from revenge.domain.errors import RuleViolation
from revenge.domain.radarr.events import RadarrEvent, Release, Renamed
from revenge.domain.radarr.model import RadarrFile, RadarrMovie

MAX_BODY_BYTES = 1_000_000


def delivery_key(document: Any) -> str:
    canonical = msgspec.json.encode(document, order="sorted")
    return hashlib.sha256(canonical).hexdigest()


def read_webhook(body: bytes) -> tuple[RadarrEvent, str]:
    """The event and its delivery key. Raises `RuleViolation` naming what is wrong
    (not JSON, not an object, no `eventType`, a field of the wrong type)."""
    if len(body) > MAX_BODY_BYTES:
        raise RuleViolation("the body is larger than a Radarr webhook", field="body")
    try:
        document = msgspec.json.decode(body)
    except msgspec.DecodeError as exc:
        raise RuleViolation(f"the body is not JSON: {exc}", field="body") from None
    if not isinstance(document, dict):
        raise RuleViolation("the body must be a JSON object", field="body")
    if not isinstance(document.get("eventType"), str) or not document["eventType"]:
        raise RuleViolation("eventType is required", field="eventType")
    try:
        payload = msgspec.convert(document, HookPayload)
    except msgspec.ValidationError as exc:
        field = str(exc).rpartition("$.")[2].strip("`") or "body"
        raise RuleViolation(str(exc).split(" - at ")[0], field=field) from None
    return event_of(payload), delivery_key(document)


def event_of(payload: HookPayload) -> RadarrEvent:
    movie = _movie(payload.movie, payload.movie_file) if payload.movie else None
    deleted = payload.deleted_files if isinstance(payload.deleted_files, list) else []
    if payload.event_type == "MovieFileDelete" and payload.movie_file:
        deleted = [payload.movie_file]
    return RadarrEvent(
        kind=payload.event_type, movie=movie,
        deleted_paths=tuple(f.path for f in deleted if f.path),
        renamed=tuple(Renamed(path=f.path, previous_path=f.previous_path, radarr_id=f.id,
                              size=f.size)
                      for f in payload.renamed_movie_files if f.path and f.previous_path),
        is_upgrade=payload.is_upgrade, files_deleted=payload.deleted_files is True,
        delete_reason=payload.delete_reason, release=_release(payload),
        message=payload.message, level=payload.level, instance=payload.instance_name)


def _movie(movie: HookMovie, file: HookMovieFile | None) -> RadarrMovie:
    """The file is the movie's current one only for events that import one."""
    return RadarrMovie(radarr_id=movie.id, title=movie.title, year=movie.year or None,
                       tmdb_id=movie.tmdb_id or None, imdb_id=movie.imdb_id or None,
                       folder=movie.folder_path or None, file=_file(file, movie))


def _file(file: HookMovieFile | None, movie: HookMovie) -> RadarrFile | None:
    if file is None:
        return None
    path = file.path or _joined(movie.folder_path, file.relative_path)
    if not path:
        return None
    return RadarrFile(radarr_id=file.id, path=path, size=max(file.size, 0),
                      date_added=file.date_added, quality=file.quality)


def _joined(folder: str | None, relative: str | None) -> str | None:
    if not folder or not relative:
        return None
    separator = "\\" if "\\" in folder and "/" not in folder else "/"
    return folder.rstrip("/\\") + separator + relative.lstrip("/\\")


def _release(payload: HookPayload) -> Release | None:
    release: HookRelease | None = payload.release
    if release is None and payload.download_client is None:
        return None
    return Release(title=release.release_title if release else None,
                   quality=release.quality if release else None,
                   indexer=release.indexer if release else None,
                   size=release.size if release else None, client=payload.download_client,
                   download_id=payload.download_id)
