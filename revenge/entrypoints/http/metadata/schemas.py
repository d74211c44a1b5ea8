"""Request and response bodies of the metadata API."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

import msgspec

from revenge.application.metadata.read_models import MatchCandidateView, SimilarMovieView
from revenge.domain.metadata.details import Candidate

T = TypeVar("T")


class MatchBody(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The TMDb id an admin says this movie is."""

    tmdb_id: Annotated[int, msgspec.Meta(gt=0, examples=[603])]


class ItemList(msgspec.Struct, Generic[T], frozen=True):
    """A complete (unpaged) list in the API's list shape."""

    items: list[T]
    next_cursor: str | None = None
    total: int = 0


class ProviderSearchPage(msgspec.Struct, frozen=True):
    items: list[Candidate]
    page: int
    total_pages: int
    total: int


SimilarList = ItemList[SimilarMovieView]
CandidateList = ItemList[MatchCandidateView]
