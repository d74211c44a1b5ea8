"""Radarr's webhook events, in our words (the adapter reads its wire format into these)."""

from __future__ import annotations

from typing import Literal

import msgspec

from revenge.domain.radarr.model import RadarrMovie

EventKind = Literal["Test", "Grab", "Download", "Rename", "MovieDelete", "MovieFileDelete",
                    "MovieAdded", "Health", "HealthRestored", "ApplicationUpdate",
                    "ManualInteractionRequired"]
EVENT_KINDS: tuple[str, ...] = EventKind.__args__  # type: ignore[attr-defined]
# Events that change the catalog; the others are only recorded.
CATALOG_EVENTS = frozenset({"Download", "Rename", "MovieDelete", "MovieFileDelete"})


class Release(msgspec.Struct, frozen=True, kw_only=True):
    """What was grabbed: the release and the download client holding it."""

    title: str | None = None
    quality: str | None = None
    indexer: str | None = None
    size: int | None = None
    client: str | None = None
    download_id: str | None = None


class Renamed(msgspec.Struct, frozen=True, kw_only=True):
    """A file Radarr renamed: its new and previous full paths (Radarr's paths)."""

    path: str
    previous_path: str
    radarr_id: int | None = None
    size: int = 0


class RadarrEvent(msgspec.Struct, frozen=True, kw_only=True):
    """One webhook delivery. `movie.file` is the file a `Download` imported;
    `deleted_paths` the files Radarr deleted (an upgrade's old files, a `MovieFileDelete`'s
    file); `files_deleted` whether a `MovieDelete` took the files with it."""

    kind: str
    movie: RadarrMovie | None = None
    deleted_paths: tuple[str, ...] = ()
    renamed: tuple[Renamed, ...] = ()
    is_upgrade: bool = False
    files_deleted: bool = False
    delete_reason: str | None = None
    release: Release | None = None
    message: str | None = None
    level: str | None = None
    instance: str | None = None

    @property
    def known(self) -> bool:
        return self.kind in EVENT_KINDS

    def summary(self) -> str:
        """One line for the admin's list of recent events."""
        subject = f"{self.movie.title} ({self.movie.year})" if self.movie else ""
        detail = self.message or (self.release.title if self.release else None) or ""
        return " - ".join(part for part in (self.kind, subject, detail) if part)
