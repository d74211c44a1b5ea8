"""Ports of the metadata context: the provider (TMDb), the image cache, the records a
match writes (inside a unit of work) and the reads behind the metadata API.

Every driven port has an in-memory twin; tests/contract/metadata runs one suite
against both.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self

from revenge.application.catalog.ports import (
    CollectionRepository,
    CreditRepository,
    GenreRepository,
    MovieMerger,
    MovieRepository,
    WatchStateRepository,
)
from revenge.application.metadata.read_models import (
    ImageFile,
    MatchCandidateView,
    MetadataState,
    PendingMovie,
    SimilarMovieView,
    StoredImage,
)
from revenge.application.shared.jobs import JobQueue as JobQueue
from revenge.domain.metadata.details import (
    CollectionDetails,
    MovieDetails,
    SearchPage,
    SimilarMovie,
)
from revenge.domain.metadata.images import ImageKind
from revenge.domain.metadata.matching import ScoredCandidate


class MetadataProvider(Protocol):
    """A movie database (TMDb). Every method may raise `Unavailable` (outage, rate limit
    beyond the retry budget, refused API key, a malformed answer): callers park the
    work as pending. Reads are idempotent and may be served from a cache."""

    async def search_movies(self, query: str, *, year: int | None = None,
                            page: int = 1) -> SearchPage:
        """Movies whose titles match `query` (released in `year` when given), most
        relevant first, one page of the provider's paging."""
        ...

    async def movie_details(self, tmdb_id: int, *, fresh: bool = False) -> MovieDetails:
        """Details with credits, genres, collection and similar movies. `fresh` skips
        cached answers (a refresh). Raises `NotFound` for an unknown id."""
        ...

    async def find_by_imdb(self, imdb_id: str) -> int | None:
        """The provider id of the movie with this IMDb id, None when there is none."""
        ...

    async def collection(self, tmdb_id: int) -> CollectionDetails:
        """The collection with its parts in the provider's order. Raises `NotFound`."""
        ...

    async def changed_movie_ids(self, start: date, end: date) -> list[int]:
        """Ids of movies whose metadata changed between the two days (every page)."""
        ...


class ImageStore(Protocol):
    """A content-addressed cache of provider images with resized variants.

    Fetches only from the provider's image host. Paths are checked with
    `domain.metadata.images.checked_path` first; nothing outside the cache is ever read.
    """

    async def store(self, kind: ImageKind, source_path: str) -> StoredImage:
        """Fetches the image once (later calls answer from disk) and makes its variants.
        Raises `NotFound` when the host has no such image, `RuleViolation` for a bad
        path or an image that is too large, `Unavailable` when the host fails."""
        ...

    async def variant(self, kind: ImageKind, source_path: str, size: str, *,
                      webp: bool) -> ImageFile | None:
        """The cached variant (WebP when `webp` and one can be made), None when the image
        was never stored. Raises `RuleViolation` for a bad path or size."""
        ...


class MetadataRepository(Protocol):
    """The metadata context's records, inside a unit of work."""

    async def state(self, movie_id: str) -> MetadataState | None: ...

    async def save_state(self, movie_id: str, state: MetadataState, now: datetime) -> None:
        """Also sets the catalog's coarse flag (movies.match_status)."""
        ...

    async def replace_candidates(self, movie_id: str,
                                 candidates: Sequence[ScoredCandidate]) -> None: ...

    async def replace_similar(self, movie_id: str, similar: Sequence[SimilarMovie]) -> None: ...

    async def movie_ids_by_tmdb(self, tmdb_ids: Collection[int]) -> dict[int, str]: ...

    async def collection_id_by_tmdb(self, tmdb_id: int) -> str | None: ...

    async def record_image(self, image: StoredImage, now: datetime) -> None:
        """Idempotent (by source path)."""
        ...

    async def synced_until(self, name: str) -> datetime | None: ...

    async def set_synced_until(self, name: str, until: datetime) -> None: ...


class MetadataUnitOfWork(Protocol):
    """One transaction over the catalog's repositories and the metadata records."""

    movies: MovieRepository
    genres: GenreRepository
    credits: CreditRepository
    collections: CollectionRepository
    watch: WatchStateRepository
    merger: MovieMerger
    metadata: MetadataRepository
    jobs: JobQueue | None

    async def __aenter__(self) -> Self: ...

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None: ...

    async def commit(self) -> None: ...


class MetadataQueries(Protocol):
    """Reads outside a unit of work. Raise `NotFound` for an unknown movie."""

    async def candidates(self, movie_id: str) -> list[MatchCandidateView]:
        """The stored candidates of a movie left unmatched, best first."""
        ...

    async def similar(self, movie_id: str) -> list[SimilarMovieView]:
        """In the provider's order, each with the library's movie id when we have it."""
        ...

    async def pending(self, due_before: datetime, limit: int) -> list[PendingMovie]:
        """Movies parked as pending whose next attempt is due, oldest first."""
        ...

    async def image(self, source_path: str) -> StoredImage | None: ...
