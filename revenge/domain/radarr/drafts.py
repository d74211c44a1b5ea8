"""What the reconciliation makes from Radarr's values: new movies with plausible fields,
file records the scanner would agree with, and conflict texts."""

from __future__ import annotations

import re
from datetime import datetime

from revenge.domain.library.grouping import movie_key
from revenge.domain.library.naming import parse_path
from revenge.domain.radarr.model import RadarrMovie
from revenge.domain.radarr.plan import NewMovie
from revenge.domain.radarr.state import ConflictKind, OurMovie, SyncConflict

_IMDB_ID = re.compile(r"^tt\d{5,10}$")


def tmdb_mismatch(radarr: RadarrMovie, ours: OurMovie, path: str,
                   detail: str) -> SyncConflict:
    kind: ConflictKind = "tmdb_mismatch"
    return SyncConflict(kind=kind, radarr_movie_id=radarr.radarr_id, movie_id=ours.id,
                        tmdb_id=radarr.tmdb_id, radarr_path=path, detail=detail)


def new_movie_of(movie_id: str, radarr: RadarrMovie) -> NewMovie:
    year = radarr.year if radarr.year and 1800 <= radarr.year <= 2200 else None
    title = radarr.title.strip() or f"Radarr movie {radarr.radarr_id}"
    return NewMovie(id=movie_id, title=title, year=year,
                    original_title=(radarr.original_title or "").strip() or None,
                    tmdb_id=radarr.tmdb_id if radarr.tmdb_id and radarr.tmdb_id > 0 else None,
                    imdb_id=valid_imdb(radarr.imdb_id))


def valid_imdb(imdb_id: str | None) -> str | None:
    return imdb_id if imdb_id and _IMDB_ID.match(imdb_id) else None


def size_and_date(radarr: RadarrMovie) -> tuple[int, datetime | None]:
    file = radarr.file
    return (max(file.size, 0), file.date_added) if file else (0, None)


def file_traits(path: str, radarr: RadarrMovie
            ) -> tuple[str, int | None, str | None, str | None]:
    """What the scanner would record for this file, so a later scan of its folder
    groups new neighbours (a cd2) with it."""
    parsed = parse_path(path)
    if parsed.title or parsed.tmdb_id or parsed.imdb_id:
        key = movie_key(parsed.title, parsed.year, parsed.tmdb_id, parsed.imdb_id)
    else:
        key = movie_key(radarr.title, radarr.year, radarr.tmdb_id, valid_imdb(radarr.imdb_id))
    edition = (radarr.file.edition if radarr.file else None) or parsed.edition
    return key, parsed.part, edition, parsed.container
