"""Our read models as Jellyfin items: a movie is a `Movie` item, a library a `movies`
CollectionFolder, a genre a `Genre`, a cast member a `Person`."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from revenge.application.catalog.read_models import (
    CastMember,
    ContinueWatchingItem,
    MovieDetail,
    MovieListItem,
    UserMovieState,
)
from revenge.domain.catalog.media import MovieFile
from revenge.domain.library.library import Library
from revenge.entrypoints.http.jellyfin.dtos_items import (
    BaseItem,
    NameGuidPair,
    Person,
    UserItemData,
)
from revenge.entrypoints.http.jellyfin.extras import is_special_feature, is_trailer
from revenge.entrypoints.http.jellyfin.ids import jf_id, tag, ticks
from revenge.entrypoints.http.jellyfin.media import media_source, media_streams

POSTER_RATIO = 2 / 3


def user_data(item_id: str, state: UserMovieState, position_seconds: float | None,
              last_played: datetime | None = None) -> UserItemData:
    return UserItemData(
        played_percentage=state.progress_percent, last_played_date=last_played,
        playback_position_ticks=ticks(position_seconds) or 0, play_count=state.play_count,
        is_favorite=state.on_watchlist, played=state.watched, key=item_id, item_id=item_id)


def _position(state: UserMovieState, runtime_minutes: int | None) -> float | None:
    """A list row knows the resume point only as a share of the runtime."""
    if state.progress_percent is None or not runtime_minutes:
        return None
    return state.progress_percent / 100 * runtime_minutes * 60


def _images(poster: str | None, backdrop: str | None = None,
            logo: str | None = None) -> dict[str, Any]:
    tags = {kind: tag(path) for kind, path in (("Primary", poster), ("Logo", logo)) if path}
    return {"image_tags": tags, "backdrop_image_tags": [tag(backdrop)] if backdrop else [],
            "primary_image_aspect_ratio": POSTER_RATIO if poster else None}


def _movie_base(server_id: str) -> dict[str, Any]:
    return {"server_id": server_id, "is_folder": False, "type": "Movie",
            "media_type": "Video", "location_type": "FileSystem", "video_type": "VideoFile",
            "can_delete": False, "can_download": True}


def list_movie(movie: MovieListItem, server_id: str, position: float | None = None,
               last_played: datetime | None = None) -> BaseItem:
    """The hot path of every list (100 a page): plain keywords, no merged dicts."""
    item_id = jf_id(movie.id)
    poster = movie.poster_path
    return BaseItem(
        name=movie.title, id=item_id, sort_name=movie.title, date_created=movie.added_at,
        production_year=movie.year, community_rating=movie.vote_average,
        run_time_ticks=movie.runtime_minutes * 600_000_000 if movie.runtime_minutes else None,
        user_data=user_data(item_id, movie.user,
                            position if position is not None
                            else _position(movie.user, movie.runtime_minutes), last_played),
        image_tags={"Primary": tag(poster)} if poster else {}, backdrop_image_tags=[],
        primary_image_aspect_ratio=POSTER_RATIO if poster else None,
        server_id=server_id, is_folder=False, type="Movie", media_type="Video",
        location_type="FileSystem", video_type="VideoFile", can_delete=False,
        can_download=True)


def resume_movie(entry: ContinueWatchingItem, server_id: str) -> BaseItem:
    return list_movie(entry.movie, server_id, entry.position_seconds, entry.last_played_at)


def detail_movie(movie: MovieDetail, server_id: str, *, position: float | None,
                 files: list[MovieFile], cast: list[CastMember]) -> BaseItem:
    item_id = jf_id(movie.id)
    main = [f for f in files if f.kind == "main"]
    sources = [media_source(f) for f in main]
    extras = [f for f in files if f.kind == "extra" and f.missing_since is None]
    ids = {"Tmdb": str(movie.tmdb_id)} if movie.tmdb_id else {}
    if movie.imdb_id:
        ids["Imdb"] = movie.imdb_id
    return BaseItem(
        name=movie.title, original_title=movie.original_title, id=item_id,
        etag=tag(movie.updated_at.isoformat()), date_created=movie.added_at,
        sort_name=movie.sort_title, premiere_date=_midnight(movie.release_date),
        production_year=movie.year, overview=movie.overview,
        taglines=[movie.tagline] if movie.tagline else [],
        official_rating=movie.content_rating, community_rating=movie.vote_average,
        run_time_ticks=ticks(_duration(main, movie.runtime_minutes)),
        genres=[g.name for g in movie.genres],
        genre_items=[NameGuidPair(name=g.name, id=jf_id(g.id)) for g in movie.genres],
        provider_ids=ids, people=[person(c) for c in cast],
        path=main[0].path if main else None, container=main[0].container if main else None,
        media_sources=sources, media_streams=media_streams(main[0]) if main else [],
        has_subtitles=any(f.subtitle_streams for f in main),
        local_trailer_count=sum(map(is_trailer, extras)),
        special_feature_count=sum(map(is_special_feature, extras)),
        user_data=user_data(item_id, movie.user, position),
        **_images(movie.poster_path, movie.backdrop_path, movie.logo_path),
        **_movie_base(server_id))


def person(member: CastMember) -> Person:
    return Person(name=member.name, id=jf_id(member.person_id), role=member.character,
                  type="Actor",
                  primary_image_tag=tag(member.profile_path) if member.profile_path else None)


def library_view(library: Library, server_id: str) -> BaseItem:
    return BaseItem(name=library.name, server_id=server_id, id=jf_id(library.id),
                    date_created=library.created_at, is_folder=True, type="CollectionFolder",
                    collection_type="movies", location_type="FileSystem", image_tags={},
                    backdrop_image_tags=[])


def genre_item(genre_id: str, name: str, server_id: str, count: int | None = None) -> BaseItem:
    return BaseItem(name=name, server_id=server_id, id=jf_id(genre_id), is_folder=True,
                    type="Genre", movie_count=count, image_tags={}, backdrop_image_tags=[],
                    location_type="Virtual")


def _duration(files: list[MovieFile], runtime_minutes: int | None) -> float | None:
    if files and files[0].duration_seconds:
        return files[0].duration_seconds
    return runtime_minutes * 60 if runtime_minutes else None


def _midnight(day: date | None) -> datetime | None:
    return None if day is None else datetime(day.year, day.month, day.day, tzinfo=UTC)
