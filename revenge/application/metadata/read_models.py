"""What metadata reads return, and the per-movie state its use cases record."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import msgspec

from revenge.domain.metadata.images import ImageKind

MatchStatus = Literal["matched", "unmatched", "pending"]
Operation = Literal["match", "refresh"]


class MetadataState(msgspec.Struct, frozen=True, kw_only=True):
    """Where a movie stands with the provider. `pending`: the provider was unavailable;
    the periodic job tries again from `next_attempt_at`."""

    status: MatchStatus
    operation: Operation = "match"
    attempts: int = 0
    last_error: str | None = None
    next_attempt_at: datetime | None = None
    refreshed_at: datetime | None = None


class MatchCandidateView(msgspec.Struct, frozen=True, kw_only=True):
    tmdb_id: int
    title: str
    original_title: str | None = None
    year: int | None = None
    popularity: float | None = None
    score: float
    poster_path: str | None = None
    overview: str | None = None


class SimilarMovieView(msgspec.Struct, frozen=True, kw_only=True):
    """A similar movie from the provider; `movie_id` is set when it is in the library."""

    tmdb_id: int
    title: str
    year: int | None = None
    poster_path: str | None = None
    vote_average: float | None = None
    movie_id: str | None = None


class StoredImage(msgspec.Struct, frozen=True, kw_only=True):
    """An image in the cache: the original's content hash, its size and a blurhash."""

    source_path: str
    kind: ImageKind
    content_hash: str
    content_type: str
    width: int
    height: int
    size_bytes: int
    blurhash: str | None = None


class ImageFile(msgspec.Struct, frozen=True, kw_only=True):
    """One variant, ready to send: a file on disk (`path`) or, from the in-memory twin,
    the bytes themselves (`content`). `etag` changes exactly when the bytes do."""

    content_type: str
    size_bytes: int
    etag: str
    path: str | None = None
    content: bytes | None = None


class PendingMovie(msgspec.Struct, frozen=True, kw_only=True):
    movie_id: str
    operation: Operation


class MatchResult(msgspec.Struct, frozen=True, kw_only=True):
    """What a match, fix or refresh did: `status` is "matched", "unmatched", "pending"
    (provider down, parked), "merged" (into `movie_id`), "skipped" (no provider)."""

    status: str
    movie_id: str
    tmdb_id: int | None = None
    reason: str | None = None
    candidates: int = 0
