"""Incremental syncs: which of Radarr's movies changed since the last one, by Radarr's
own clock (its `added`, its files' `dateAdded`, its history), so no clock skew between
the two servers can hide a change."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from revenge.domain.radarr.model import HistoryRecord, RadarrMovie


def changed_movies(movies: Sequence[RadarrMovie], history: Sequence[HistoryRecord],
                   since: datetime) -> list[RadarrMovie]:
    """Movies added, given a file, or named in the history (grabbed, imported, renamed,
    file deleted) after `since`."""
    in_history = {record.movie_id for record in history if record.date > since}
    return [movie for movie in movies if movie.radarr_id in in_history
            or (movie.changed_at is not None and movie.changed_at > since)]


def watermark(movies: Sequence[RadarrMovie], history: Sequence[HistoryRecord],
              previous: datetime | None) -> datetime | None:
    """The latest Radarr timestamp seen: where the next incremental sync starts."""
    stamps = [movie.changed_at for movie in movies if movie.changed_at is not None]
    stamps += [record.date for record in history]
    if previous is not None:
        stamps.append(previous)
    return max(stamps) if stamps else None
