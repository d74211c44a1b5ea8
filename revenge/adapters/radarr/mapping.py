"""Radarr's wire types to our domain values, in one place."""

from __future__ import annotations

from datetime import UTC, datetime

from revenge.adapters.radarr.wire import (
    WireCommand,
    WireHistoryRecord,
    WireMovie,
    WireMovieFile,
    WireQualityProfile,
    WireRootFolder,
    WireSystemStatus,
    WireTag,
)
from revenge.domain.radarr.model import (
    CommandState,
    HistoryRecord,
    QualityProfile,
    RadarrFile,
    RadarrMovie,
    RadarrSystem,
    RootFolder,
    Tag,
)

# Radarr writes DateTime.MinValue ("0001-01-01T00:00:00Z") for "never".
_NEVER_BEFORE = datetime(1900, 1, 1, tzinfo=UTC)


def system_of(wire: WireSystemStatus) -> RadarrSystem:
    return RadarrSystem(app_name=wire.app_name, version=wire.version,
                        instance_name=wire.instance_name, url_base=wire.url_base or None)


def movie_of(wire: WireMovie) -> RadarrMovie:
    file = file_of(wire.movie_file, wire.path) if wire.has_file and wire.movie_file else None
    return RadarrMovie(radarr_id=wire.id, title=wire.title, year=wire.year or None,
                       original_title=wire.original_title or None,
                       tmdb_id=wire.tmdb_id or None, imdb_id=wire.imdb_id or None,
                       folder=wire.path or None, added=_date(wire.added), file=file)


def file_of(wire: WireMovieFile, folder: str | None) -> RadarrFile | None:
    """None for a file without a usable path (neither `path` nor folder + relative)."""
    path = wire.path or _joined(folder, wire.relative_path)
    if not path:
        return None
    quality = wire.quality.quality.name if wire.quality and wire.quality.quality else None
    return RadarrFile(radarr_id=wire.id, path=path, size=max(wire.size, 0),
                      date_added=_date(wire.date_added), quality=quality or None,
                      edition=wire.edition or None)


def _joined(folder: str | None, relative: str | None) -> str | None:
    if not folder or not relative:
        return None
    separator = "\\" if "\\" in folder and "/" not in folder else "/"
    return folder.rstrip("/\\") + separator + relative.lstrip("/\\")


def _date(value: datetime | None) -> datetime | None:
    if value is None or value.replace(tzinfo=value.tzinfo or UTC) < _NEVER_BEFORE:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def profile_of(wire: WireQualityProfile) -> QualityProfile:
    return QualityProfile(id=wire.id, name=wire.name)


def root_folder_of(wire: WireRootFolder) -> RootFolder:
    return RootFolder(id=wire.id, path=wire.path, accessible=wire.accessible,
                      free_space=wire.free_space)


def tag_of(wire: WireTag) -> Tag:
    return Tag(id=wire.id, label=wire.label)


def history_of(wire: WireHistoryRecord) -> HistoryRecord:
    date = wire.date if wire.date.tzinfo else wire.date.replace(tzinfo=UTC)
    return HistoryRecord(movie_id=wire.movie_id, event_type=wire.event_type, date=date)


def command_of(wire: WireCommand) -> CommandState:
    return CommandState(id=wire.id, name=wire.name or wire.command_name or "",
                        status=wire.status, message=wire.message)
