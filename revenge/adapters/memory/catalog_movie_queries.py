"""In-memory twins of the movie read side: lists, details, credits, files, collections."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from revenge.adapters.memory.catalog_tables import CatalogTables, CreditRow
from revenge.adapters.memory.catalog_views import (
    existing_movie,
    list_item,
    user_state,
    watched_ids,
)
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.application.catalog.paging import keyset_page
from revenge.application.catalog.read_models import (
    CastMember,
    CollectionDetail,
    CollectionRef,
    CollectionSummary,
    CrewMember,
    GenreRef,
    MovieDetail,
    MovieListItem,
    Page,
)
from revenge.domain.catalog.collection import (
    UNKNOWN_RELEASE,
    Collection,
    CollectionEntry,
    next_in_collection,
)
from revenge.domain.catalog.listing import MovieFilter, MovieListQuery, PageRequest, sort_value
from revenge.domain.catalog.media import MovieFile
from revenge.domain.catalog.movie import Movie
from revenge.domain.errors import NotFound


class InMemoryMovieQueries:
    """`MovieListQueries` and `MovieDetailQueries` over the in-memory tables."""

    def __init__(self, state: InMemoryState) -> None:
        self._state = state
        self._tables = CatalogTables(state)

    async def list_movies(self, user_id: str, query: MovieListQuery) -> Page[MovieListItem]:
        movies = [m for m in self._tables.movies.values()
                  if self._matches(m, query.filter, user_id)]
        field = query.sort.field
        page = keyset_page(movies, lambda m: (sort_value(m, field), m.id), query.page,
                           query.scope, descending=query.sort.descending)
        return Page([list_item(self._tables, user_id, m) for m in page.items],
                    page.next_cursor, page.total)

    def _matches(self, movie: Movie, f: MovieFilter, user_id: str) -> bool:
        state = user_state(self._tables, user_id, movie.id)
        year = -1 if movie.year is None else movie.year
        rating = -1 if movie.vote_average is None else movie.vote_average
        checks = (
            f.genre is None or f.genre.lower() in self._genre_names(movie.id),
            f.year_from is None or year >= f.year_from,
            f.year_to is None or 0 <= year <= f.year_to,
            f.min_rating is None or rating >= f.min_rating,
            f.min_votes is None or movie.vote_count >= f.min_votes,
            f.missing is None or movie.missing == f.missing,
            f.watched is None or state.watched == f.watched,
            f.in_progress is None or self._in_progress(user_id, movie.id) == f.in_progress,
            f.on_watchlist is None or state.on_watchlist == f.on_watchlist,
            f.search is None or f.search.casefold() in _searchable(movie),
            f.library_id is None or self._in_library(movie.id, f.library_id),
        )
        return all(checks)

    def _in_progress(self, user_id: str, movie_id: str) -> bool:
        row = self._tables.watch.get((user_id, movie_id))
        return bool(row and row.state.in_progress)

    def _in_library(self, movie_id: str, library_id: str) -> bool:
        # The scanner's twin keeps each file's library beside the catalog's files.
        meta = self._state.table("library_file_meta")
        return any(f.movie_id == movie_id and getattr(meta.get(f.id), "library_id", None)
                   == library_id for f in self._tables.files.values())

    def _genre_names(self, movie_id: str) -> set[str]:
        return {g.name.lower() for g in self._genres(movie_id)}

    def _genres(self, movie_id: str) -> list[GenreRef]:
        rows = [self._tables.genres[g] for g in self._tables.movie_genres.get(movie_id, ())]
        return sorted((GenreRef(g.id, g.name) for g in rows), key=lambda g: g.name.lower())

    async def movie(self, user_id: str, movie_id: str) -> MovieDetail:
        m = existing_movie(self._tables, movie_id)
        collections = [CollectionRef(c.id, c.name) for c in self._tables.collections.values()
                       if movie_id in self._tables.members.get(c.id, [])]
        files = sum(f.movie_id == movie_id for f in self._tables.files.values())
        return MovieDetail(
            id=m.id, title=m.title, original_title=m.original_title, sort_title=m.sort_title,
            year=m.year, release_date=m.release_date, runtime_minutes=m.runtime_minutes,
            overview=m.overview, tagline=m.tagline, content_rating=m.content_rating,
            tmdb_id=m.tmdb_id, imdb_id=m.imdb_id, poster_path=m.poster_path,
            backdrop_path=m.backdrop_path, logo_path=m.logo_path, vote_average=m.vote_average,
            vote_count=m.vote_count, popularity=m.popularity, missing=m.missing,
            locked_fields=sorted(m.locked_fields), added_at=m.added_at, updated_at=m.updated_at,
            genres=self._genres(movie_id), collections=sorted(collections, key=lambda c: c.name),
            file_count=files, user=user_state(self._tables, user_id, movie_id))

    async def movies(self, user_id: str, movie_ids: Sequence[str]) -> list[MovieDetail]:
        return [await self.movie(user_id, i) for i in movie_ids if i in self._tables.movies]

    async def files_of(self, movie_ids: Sequence[str]) -> dict[str, list[MovieFile]]:
        found: dict[str, list[MovieFile]] = {}
        for file in sorted(self._tables.files.values(), key=_file_order):
            if file.movie_id in movie_ids:
                found.setdefault(file.movie_id, []).append(file)
        return {i: found[i] for i in movie_ids if i in found}

    async def file(self, file_id: str) -> MovieFile:
        found = self._tables.files.get(file_id)
        if found is None:
            raise NotFound("no such file", field="file_id")
        return found

    async def files(self, movie_id: str, page: PageRequest) -> Page[MovieFile]:
        existing_movie(self._tables, movie_id)
        rows = [f for f in self._tables.files.values() if f.movie_id == movie_id]
        return keyset_page(rows, _file_order, page, f"files:{movie_id}")

    async def cast(self, movie_id: str, page: PageRequest) -> Page[CastMember]:
        existing_movie(self._tables, movie_id)
        rows = [c for c in self._tables.credits.get(movie_id, []) if c.kind == "cast"]
        found = keyset_page(rows, lambda c: (c.position,), page, f"cast:{movie_id}")
        return Page([self._cast_member(c) for c in found.items], found.next_cursor, found.total)

    def _cast_member(self, credit: CreditRow) -> CastMember:
        person = self._tables.people[credit.person_id].person
        return CastMember(person_id=credit.person_id, name=person.name,
                          character=credit.character, order=credit.position,
                          profile_path=person.profile_path, tmdb_id=person.tmdb_id)

    def _crew_member(self, credit: CreditRow) -> CrewMember:
        person = self._tables.people[credit.person_id].person
        return CrewMember(person_id=credit.person_id, name=person.name, job=credit.job,
                          department=credit.department, profile_path=person.profile_path,
                          tmdb_id=person.tmdb_id)

    async def crew(self, movie_id: str, page: PageRequest) -> Page[CrewMember]:
        existing_movie(self._tables, movie_id)
        rows = [c for c in self._tables.credits.get(movie_id, []) if c.kind == "crew"]
        found = keyset_page(rows, lambda c: (c.position,), page, f"crew:{movie_id}")
        return Page([self._crew_member(c) for c in found.items], found.next_cursor, found.total)

    async def genres_of(self, movie_id: str) -> list[GenreRef]:
        existing_movie(self._tables, movie_id)
        return self._genres(movie_id)


def _file_order(file: MovieFile) -> tuple[int, int, str]:
    return (0 if file.kind == "main" else 1, file.part or 0, file.path)


def _searchable(movie: Movie) -> str:
    return f"{movie.title} {movie.original_title or ''}".casefold()


class InMemoryCollectionQueries:
    def __init__(self, state: InMemoryState) -> None:
        self._tables = CatalogTables(state)

    async def collections(self, user_id: str,
                          page: PageRequest) -> Page[CollectionSummary]:
        found = keyset_page(list(self._tables.collections.values()),
                            lambda c: (c.name, c.id), page, "collections")
        return Page([self._summary(user_id, c) for c in found.items], found.next_cursor,
                    found.total)

    async def up_next(self, user_id: str, limit: int) -> list[MovieListItem]:
        watched = watched_ids(self._tables, user_id)
        begun = []
        for c in self._tables.collections.values():
            members = self._tables.members.get(c.id, [])
            next_id = next_in_collection(self._entries(c.id), watched)
            if next_id and any(m in watched for m in members):
                begun.append((self._last_played(user_id, members), c.name, c.id, next_id))
        begun.sort(key=lambda b: (b[0] is None, -(b[0].timestamp() if b[0] else 0), b[1], b[2]))
        ids = list(dict.fromkeys(b[3] for b in begun))[:limit]
        return [list_item(self._tables, user_id, self._tables.movies[m]) for m in ids]

    def _last_played(self, user_id: str, members: list[str]) -> datetime | None:
        played = [row.state.last_played_at for (user, movie), row in self._tables.watch.items()
                  if user == user_id and movie in members and row.state.completed
                  and row.state.last_played_at is not None]
        return max(played, default=None)

    def _summary(self, user_id: str, c: Collection) -> CollectionSummary:
        members = self._tables.members.get(c.id, [])
        watched = watched_ids(self._tables, user_id)
        return CollectionSummary(id=c.id, name=c.name, poster_path=c.poster_path,
                                 backdrop_path=c.backdrop_path, movie_count=len(members),
                                 watched_count=sum(m in watched for m in members))

    async def collection(self, user_id: str, collection_id: str) -> CollectionDetail:
        c = self._existing(collection_id)
        entries = self._entries(collection_id)
        watched = watched_ids(self._tables, user_id)
        next_id = next_in_collection(entries, watched)
        return CollectionDetail(
            id=c.id, name=c.name, overview=c.overview, tmdb_id=c.tmdb_id,
            poster_path=c.poster_path, backdrop_path=c.backdrop_path,
            movie_count=len(entries), watched_count=sum(e.movie_id in watched for e in entries),
            next=list_item(self._tables, user_id, self._tables.movies[next_id])
            if next_id else None)

    async def members(self, user_id: str, collection_id: str,
                      page: PageRequest) -> Page[MovieListItem]:
        self._existing(collection_id)
        found = keyset_page(self._entries(collection_id), _release_key, page,
                            f"collection:{collection_id}")
        movies = self._tables.movies
        return Page([list_item(self._tables, user_id, movies[e.movie_id]) for e in found.items],
                    found.next_cursor, found.total)

    def _existing(self, collection_id: str) -> Collection:
        found = self._tables.collections.get(collection_id)
        if found is None:
            raise NotFound("no such collection", field="collection_id")
        return found

    def _entries(self, collection_id: str) -> list[CollectionEntry]:
        movies = self._tables.movies
        return [CollectionEntry(m, movies[m].release_date, i)
                for i, m in enumerate(self._tables.members.get(collection_id, []))]


def _release_key(entry: CollectionEntry) -> tuple[str, int, str]:
    return ((entry.release_date or UNKNOWN_RELEASE).isoformat(), entry.position, entry.movie_id)
