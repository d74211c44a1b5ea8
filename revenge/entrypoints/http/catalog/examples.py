"""OpenAPI documentation of the catalog's responses: an example for every body, and the
problem+json answers (400, 401, 403, 404) every route may give."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import msgspec
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example

from revenge.application.catalog.read_models import (
    CastMember,
    CatalogStats,
    CollectionDetail,
    CollectionRef,
    CollectionSummary,
    ContinueWatchingItem,
    CrewMember,
    GenreCount,
    GenreRef,
    GenreStat,
    HistoryEntry,
    MovieDetail,
    MovieListItem,
    UserMovieState,
    UserStats,
    WatchlistItem,
    WatchProgress,
    YearStat,
)
from revenge.domain.catalog.media import AudioStream, MovieFile, SubtitleStream, VideoStream
from revenge.entrypoints.http.catalog import schemas

MOVIE_ID = "01936f7e-8a3c-7bd2-9a41-5c3e2f1d0a11"
AT = datetime(2026, 3, 1, 20, 15, tzinfo=UTC)
CURSOR = "kq1tb3ZpZXM6LWFkZGVkktb_aaSeRNkkMDE5MzZmN2UtOGEzYy03YmQyLTlhNDEtNWMzZTJmMWQwYTEx"

USER = UserMovieState(watched=False, play_count=0, progress_percent=42.5, on_watchlist=True,
                      rating=None)
ITEM = MovieListItem(id=MOVIE_ID, title="The Matrix", year=1999, runtime_minutes=136,
                     poster_path="/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg", vote_average=8.2,
                     popularity=80.5, added_at=AT, missing=False, user=USER)
DETAIL = MovieDetail(
    id=MOVIE_ID, title="The Matrix", original_title="The Matrix", sort_title="matrix",
    year=1999, release_date=date(1999, 3, 31), runtime_minutes=136,
    overview="Set in the 22nd century, The Matrix tells the story of a computer hacker...",
    tagline="Welcome to the Real World.", content_rating="R", tmdb_id=603,
    imdb_id="tt0133093", poster_path="/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg",
    backdrop_path="/ncEsesgOJDNrTUED89hYbA117wo.jpg", logo_path=None, vote_average=8.2,
    vote_count=25000, popularity=80.5, missing=False, locked_fields=["title"], added_at=AT,
    updated_at=AT, genres=[GenreRef("01936f7e-0000-7000-8000-000000000028", "Action")],
    collections=[CollectionRef("01936f7e-0000-7000-8000-0000000002a7", "The Matrix Collection")],
    file_count=1, user=USER)
FILE = MovieFile(
    id="01936f7e-1111-7000-8000-000000000001", movie_id=MOVIE_ID,
    path="/media/movies/The Matrix (1999)/The Matrix (1999).mkv", size_bytes=8_123_456_789,
    mtime=AT, container="matroska", duration_seconds=8178.0, bitrate=7_950_000,
    video_streams=[VideoStream(codec="hevc", profile="Main 10", width=3840, height=1600,
                               hdr="HDR10", frame_rate=23.976, bit_depth=10, default=True)],
    audio_streams=[AudioStream(codec="truehd", channels=8, channel_layout="7.1",
                               language="eng", default=True)],
    subtitle_streams=[SubtitleStream(codec="subrip", language="eng")],
    probed_at=AT, added_at=AT, updated_at=AT)
PROGRESS = WatchProgress(movie_id=MOVIE_ID, position_seconds=3468.0, duration_seconds=8178.0,
                         percent=42.4, resume_position_seconds=3468.0, completed=False,
                         play_count=0, in_progress=True, hidden_from_continue=False,
                         last_played_at=AT)
STATS = CatalogStats(
    movie_count=1520, total_runtime_minutes=178_900, missing_count=3,
    by_genre=[GenreStat("Action", 412, 96), GenreStat("Drama", 640, 120)],
    by_year=[YearStat(1999, 31, 12), YearStat(None, 4, 0)],
    user=UserStats(watched_count=216, play_count=240, watched_minutes=27_480,
                   in_progress_count=5, watchlist_count=32, rated_count=80))
COLLECTION = CollectionDetail(
    id="01936f7e-0000-7000-8000-0000000002a7", name="The Matrix Collection",
    overview="The Matrix trilogy and its sequel.", tmdb_id=2344, poster_path="/bV9q.jpg",
    backdrop_path=None, movie_count=4, watched_count=1,
    next=msgspec.structs.replace(ITEM, title="The Matrix Reloaded", year=2003))

EXAMPLES: dict[type[Any], Any] = {
    MovieDetail: DETAIL,
    WatchProgress: PROGRESS,
    CatalogStats: STATS,
    CollectionDetail: COLLECTION,
    schemas.JobAccepted: schemas.JobAccepted(job_id="01936f80-2222-7000-8000-000000000009"),
    schemas.MoviePage: schemas.MoviePage([ITEM], CURSOR, 1520),
    schemas.FilePage: schemas.FilePage([FILE], None, 1),
    schemas.CastPage: schemas.CastPage([CastMember(
        person_id="01936f7e-3333-7000-8000-000000000001", name="Keanu Reeves",
        character="Neo", order=0, profile_path="/4D0PpNI0kmP58hgrwGC3wCjxhnm.jpg",
        tmdb_id=6384)], None, 1),
    schemas.CrewPage: schemas.CrewPage([CrewMember(
        person_id="01936f7e-3333-7000-8000-000000000002", name="Lana Wachowski",
        job="Director", department="Directing", profile_path=None, tmdb_id=9340)], None, 1),
    schemas.GenreRefPage: schemas.GenreRefPage([DETAIL.genres[0]], None, 1),
    schemas.GenrePage: schemas.GenrePage(
        [GenreCount("01936f7e-0000-7000-8000-000000000028", "Action", 412)], None, 19),
    schemas.CollectionPage: schemas.CollectionPage([CollectionSummary(
        id=COLLECTION.id, name=COLLECTION.name, poster_path=COLLECTION.poster_path,
        backdrop_path=None, movie_count=4, watched_count=1)], None, 1),
    schemas.ContinueWatchingPage: schemas.ContinueWatchingPage([ContinueWatchingItem(
        movie=ITEM, position_seconds=3468.0, duration_seconds=8178.0, percent=42.4,
        last_played_at=AT)], None, 1),
    schemas.HistoryPage: schemas.HistoryPage([HistoryEntry(
        id="01936f81-4444-7000-8000-000000000001", movie=ITEM, watched_at=AT,
        source="playback")], CURSOR, 216),
    schemas.WatchlistPage: schemas.WatchlistPage([WatchlistItem(movie=ITEM, added_at=AT)],
                                                 None, 1),
}


class Problem(msgspec.Struct, frozen=True, kw_only=True):
    """RFC 9457 problem details; `errors` names each bad field of a 400."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[dict[str, Any]] | None = None


_PROBLEMS = {
    400: ("The request is not valid (the field is named)", Problem(
        type="https://revenge.invalid/problems/validation", title="Invalid request",
        status=400, detail="Validation failed for GET /api/v1/movies?limit=0",
        errors=[{"field": "limit", "source": "query",
                 "message": "Expected `int` >= 1"}])),
    401: ("Not signed in", Problem(
        type="https://revenge.invalid/problems/authentication_failed",
        title="Authentication failed", status=401, detail="authentication required")),
    403: ("A permission is missing", Problem(
        type="https://revenge.invalid/problems/forbidden", title="Forbidden", status=403,
        detail="missing permission: library.manage")),
    404: ("No such movie (or collection)", Problem(
        type="https://revenge.invalid/problems/not_found", title="Not found", status=404,
        detail="no such movie", errors=[{"field": "movie_id", "message": "no such movie"}])),
    409: ("Another movie has this TMDb id", Problem(
        type="https://revenge.invalid/problems/conflict", title="Conflict", status=409,
        detail="another record has this tmdb_id")),
    422: ("A rule refused a value", Problem(
        type="https://revenge.invalid/problems/rule_violation", title="Rule violated",
        status=422, detail="a movie cannot be merged into itself")),
}


def documented(body: type[Any] | None, *, status: int = 200, description: str = "",
               errors: tuple[int, ...] = (400, 401, 403, 404)) -> dict[int, ResponseSpec]:
    """`responses=` for a route: its body with an example, and its problem answers."""
    specs = {code: _problem(code) for code in errors}
    if body is not None:
        specs[status] = ResponseSpec(
            data_container=body, description=description or "Success",
            examples=[Example(summary="Example", value=msgspec.to_builtins(EXAMPLES[body]))])
    return specs


def _problem(code: int) -> ResponseSpec:
    description, example = _PROBLEMS[code]
    return ResponseSpec(data_container=Problem, description=description,
                        media_type="application/problem+json",
                        examples=[Example(summary=description,
                                          value=msgspec.to_builtins(example))])
