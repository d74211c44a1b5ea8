"""In-memory twins of the metadata provider and the image store."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from revenge.application.metadata.read_models import ImageFile, StoredImage
from revenge.domain.errors import NotFound, Unavailable
from revenge.domain.metadata.details import (
    Candidate,
    CollectionDetails,
    MovieDetails,
    SearchPage,
)
from revenge.domain.metadata.images import (
    CONTENT_TYPES,
    ImageKind,
    checked_path,
    checked_size,
    extension_of,
)

PAGE_SIZE = 20


def _words(text: str) -> list[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text)
                    if not unicodedata.combining(c)).casefold()
    return re.findall(r"\w+", plain)


class InMemoryMetadataProvider:
    """Searches like TMDb does (every query word starts a title word; `year` filters
    the release year; most popular first; pages of 20). `available = False` makes
    every call raise `Unavailable`; `calls` counts them."""

    def __init__(self, movies: Iterable[MovieDetails] = (),
                 collections: Iterable[CollectionDetails] = ()) -> None:
        self.movies = {m.tmdb_id: m for m in movies}
        self.collections = {c.tmdb_id: c for c in collections}
        self.changed: list[int] = []
        self.available = True
        self.calls = 0

    def _call(self) -> None:
        self.calls += 1
        if not self.available:
            raise Unavailable("tmdb", "the in-memory provider is marked down")

    async def search_movies(self, query: str, *, year: int | None = None,
                            page: int = 1) -> SearchPage:
        self._call()
        wanted = _words(query)
        found = sorted((m for m in self.movies.values() if _found(wanted, m, year)),
                       key=lambda m: -(m.popularity or 0))
        start = (page - 1) * PAGE_SIZE
        return SearchPage(page=page, total_pages=-(-len(found) // PAGE_SIZE),
                          total_results=len(found),
                          results=tuple(_candidate(m) for m in found[start:start + PAGE_SIZE]))

    async def movie_details(self, tmdb_id: int, *, fresh: bool = False) -> MovieDetails:
        self._call()
        if tmdb_id not in self.movies:
            raise NotFound(f"TMDb has nothing at /movie/{tmdb_id}")
        return self.movies[tmdb_id]

    async def find_by_imdb(self, imdb_id: str) -> int | None:
        self._call()
        return next((m.tmdb_id for m in self.movies.values() if m.imdb_id == imdb_id), None)

    async def collection(self, tmdb_id: int) -> CollectionDetails:
        self._call()
        if tmdb_id not in self.collections:
            raise NotFound(f"TMDb has nothing at /collection/{tmdb_id}")
        return self.collections[tmdb_id]

    async def changed_movie_ids(self, start: date, end: date) -> list[int]:
        self._call()
        return list(dict.fromkeys(self.changed))


def _found(wanted: list[str], movie: MovieDetails, year: int | None) -> bool:
    words = _words(movie.title) + _words(movie.original_title or "")
    return (bool(wanted) and all(any(w.startswith(q) for w in words) for q in wanted)
            and (year is None or movie.year == year))


def _candidate(movie: MovieDetails) -> Candidate:
    return Candidate(tmdb_id=movie.tmdb_id, title=movie.title,
                     original_title=movie.original_title, year=movie.year,
                     popularity=movie.popularity or 0.0, poster_path=movie.poster_path,
                     overview=movie.overview)


class InMemoryImageStore:
    """Keeps "downloaded" images as bytes (`images`: provider path -> bytes, seeded by
    tests); variants are the original bytes under their own ETag."""

    def __init__(self, images: dict[str, bytes] | None = None) -> None:
        self.images = dict(images or {})
        self.stored: dict[str, StoredImage] = {}
        self.fetches = 0

    async def store(self, kind: ImageKind, source_path: str) -> StoredImage:
        path = checked_path(source_path)
        if path in self.stored:
            return self.stored[path]
        if path not in self.images:
            raise NotFound(f"the image host has no {path}")
        self.fetches += 1
        data = self.images[path]
        self.stored[path] = StoredImage(
            source_path=path, kind=kind, content_hash=hashlib.sha256(data).hexdigest(),
            content_type=CONTENT_TYPES[extension_of(path)], width=1, height=1,
            size_bytes=len(data), blurhash=None)
        return self.stored[path]

    async def variant(self, kind: ImageKind, source_path: str, size: str, *,
                      webp: bool) -> ImageFile | None:
        stored = self.stored.get(checked_path(source_path))
        checked_size(size)
        if stored is None:
            return None
        data = self.images[stored.source_path]
        return ImageFile(content_type=stored.content_type, size_bytes=len(data),
                         etag=f'"{stored.content_hash[:32]}-{size}"', content=data)
