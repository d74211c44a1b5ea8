"""In-memory twins of the search index and its fallback: a small typo-tolerant matcher.

It follows Typesense's defaults closely enough for the shared contract: every query word
must match a word of a searched field, the last one possibly as a prefix; a word of 4+
letters may carry one typo, of 7+ letters two (a transposition counts as one).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from revenge.application.search.ports import MovieDocuments
from revenge.application.search.read_models import (
    IdFilter,
    LiveIndex,
    MovieDocument,
    SearchFacets,
    SearchHit,
    SearchResult,
    Suggestion,
    Suggestions,
    sorted_counts,
)
from revenge.domain.errors import Unavailable
from revenge.domain.search.query import Relevance, SearchQuery, decade_of
from revenge.domain.shared.listing import SortField

FIELD_WEIGHTS = {"title": 10, "original_title": 6, "cast": 3, "directors": 3,
                 "collection": 2, "overview": 1}
HIGHLIGHTED = ("title", "original_title", "overview")
_WORD = re.compile(r"\w+")


class InMemorySearchIndex:
    """`SearchIndex` in a dict; set `available = False` to act out an outage."""

    def __init__(self) -> None:
        self.collections: dict[str, dict[str, MovieDocument]] = {}
        self.live: str | None = None
        self.available = True
        self._names = itertools.count(1)

    async def search(self, query: SearchQuery, only: IdFilter | None = None) -> SearchResult:
        return search_documents(self._live().values(), query, only)

    async def autocomplete(self, prefix: str, limit: int) -> Suggestions:
        return suggest(self._live().values(), prefix, limit)

    async def upsert(self, documents: Sequence[MovieDocument], *, into: str | None = None) -> None:
        self._check()
        if into is None and self.live is None:
            self.live = self._create()
        target = self.collections[into or str(self.live)]
        target.update((document.id, document) for document in documents)

    async def delete(self, movie_ids: Sequence[str]) -> None:
        for movie_id in movie_ids:
            self._live().pop(movie_id, None)

    async def versions(self) -> dict[str, int]:
        return {movie_id: doc.version for movie_id, doc in self._live().items()}

    async def count(self) -> int:
        self._check()
        return len(self.collections[self.live]) if self.live is not None else 0

    async def is_current(self) -> bool:
        self._check()
        return self.live is not None

    async def live_index(self) -> LiveIndex:
        return LiveIndex(documents=await self.count(), current=await self.is_current())

    async def begin_rebuild(self) -> str:
        self._check()
        return self._create()

    async def publish(self, rebuild: str) -> None:
        self._check()
        previous, self.live = self.live, rebuild
        if previous is not None and previous != rebuild:
            self.collections.pop(previous, None)

    async def discard(self, rebuild: str) -> None:
        if rebuild != self.live:
            self.collections.pop(rebuild, None)

    async def ping(self) -> None:
        self._live()

    def _create(self) -> str:
        name = f"movies_{next(self._names)}"
        self.collections[name] = {}
        return name

    def _live(self) -> dict[str, MovieDocument]:
        self._check()
        if self.live is None:
            raise Unavailable("search", "the index has not been built yet")
        return self.collections[self.live]

    def _check(self) -> None:
        if not self.available:
            raise Unavailable("search", "the in-memory index is switched off")


class InMemorySearchFallback:
    """`SearchReader` over the catalog's documents, like the PostgreSQL fallback."""

    def __init__(self, documents: MovieDocuments) -> None:
        self._documents = documents

    async def search(self, query: SearchQuery, only: IdFilter | None = None) -> SearchResult:
        return search_documents(await self._all(), query, only)

    async def autocomplete(self, prefix: str, limit: int) -> Suggestions:
        return suggest(await self._all(), prefix, limit)

    async def _all(self) -> list[MovieDocument]:
        return [doc async for batch in self._documents.batches(1000) for doc in batch]


def search_documents(documents: Iterable[MovieDocument], query: SearchQuery,
                     only: IdFilter | None) -> SearchResult:
    words = tokens(query.words)
    scored = [(doc, score) for doc in documents if _passes(doc, query, only)
              for score in [text_score(doc, words)] if score is not None]
    scored = _sorted(scored, query)
    page = scored[query.offset:query.offset + query.limit]
    return SearchResult(hits=[_hit(doc, words) for doc, _ in page],
                        facets=facets_of([doc for doc, _ in scored]), found=len(scored))


def suggest(documents: Iterable[MovieDocument], prefix: str, limit: int) -> Suggestions:
    words = tokens(prefix)
    scored = [(doc, score) for doc in documents
              for score in [_title_score(doc, words)] if score is not None]
    scored.sort(key=lambda pair: (-pair[1], -(pair[0].popularity or 0), pair[0].id))
    return Suggestions(items=[Suggestion(id=doc.id, title=doc.title, year=doc.year,
                                         poster_path=doc.poster_path)
                              for doc, _ in scored[:limit]])


def facets_of(documents: Sequence[MovieDocument]) -> SearchFacets:
    years = [doc.year for doc in documents if doc.year is not None]
    return SearchFacets(
        genre=sorted_counts(Counter(g for doc in documents for g in set(doc.genres))),
        year=sorted_counts(Counter(str(y) for y in years)),
        decade=sorted_counts(Counter(str(decade_of(y)) for y in years)))


def tokens(text: str | None) -> list[str]:
    return _WORD.findall(fold(text or ""))


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def text_score(doc: MovieDocument, words: list[str]) -> float | None:
    """None when some word matches no field; else the sum of each word's best match."""
    if not words:
        return 0.0
    fields = {name: tokens(" ".join(_values(doc, name))) for name in FIELD_WEIGHTS}
    total = 0.0
    for position, word in enumerate(words):
        last = position == len(words) - 1
        best = max((weight * quality for name, weight in FIELD_WEIGHTS.items()
                    for quality in [word_match(word, fields[name], prefix=last)]), default=0.0)
        if best == 0:
            return None
        total += best
    return total


def word_match(word: str, candidates: list[str], *, prefix: bool) -> float:
    """1 for an exact word, 0.8 for a prefix (last word), 0.5 for a typo, 0 for none."""
    budget = 2 if len(word) >= 7 else 1 if len(word) >= 4 else 0
    best = 0.0
    for candidate in candidates:
        if candidate == word:
            return 1.0
        if prefix and candidate.startswith(word):
            best = max(best, 0.8)
        elif budget and _typo_match(word, candidate, budget, prefix=prefix):
            best = max(best, 0.5)
    return best


def _typo_match(word: str, candidate: str, budget: int, *, prefix: bool) -> bool:
    if abs(len(word) - len(candidate)) <= budget and osa_distance(word, candidate) <= budget:
        return True
    return prefix and len(candidate) > len(word) and osa_distance(
        word, candidate[:len(word)]) <= budget


def osa_distance(a: str, b: str) -> int:
    """Edit distance where swapping two neighbouring letters costs one."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _title_score(doc: MovieDocument, words: list[str]) -> float | None:
    title_words = tokens(f"{doc.title} {doc.original_title or ''}")
    total = 0.0
    for position, word in enumerate(words):
        last = position == len(words) - 1
        quality = word_match(word, title_words, prefix=last)
        if quality == 0:
            return None
        total += quality
    return total


def _values(doc: MovieDocument, field: str) -> list[str]:
    value = getattr(doc, field)
    if value is None:
        return []
    return list(value) if isinstance(value, tuple) else [value]


def _passes(doc: MovieDocument, query: SearchQuery, only: IdFilter | None) -> bool:
    checks = (
        not query.genres or bool(set(query.genres) & set(doc.genres)),
        query.year_from is None or (doc.year is not None and doc.year >= query.year_from),
        query.year_to is None or (doc.year is not None and doc.year <= query.year_to),
        query.min_rating is None or (doc.rating is not None and doc.rating >= query.min_rating),
        only is None or (doc.id in only.ids) == only.include,
    )
    return all(checks)


NO_VALUE = -1  # a missing year, rating, runtime or popularity sorts lowest (as in the catalog)

_SORT_KEYS: dict[SortField, Callable[[MovieDocument], Any]] = {
    SortField.TITLE: lambda doc: doc.sort_title,
    SortField.YEAR: lambda doc: _or_lowest(doc.year),
    SortField.ADDED: lambda doc: doc.added_at,
    SortField.RATING: lambda doc: _or_lowest(doc.rating),
    SortField.RUNTIME: lambda doc: _or_lowest(doc.runtime_minutes),
    SortField.POPULARITY: lambda doc: _or_lowest(doc.popularity),
}


def _or_lowest(value: float | None) -> float:
    return NO_VALUE if value is None else value


def _sorted(scored: list[tuple[MovieDocument, float]],
            query: SearchQuery) -> list[tuple[MovieDocument, float]]:
    """Relevance: score, then popularity. A field: its value, then id, both in the
    requested direction."""
    if query.sort is Relevance.RELEVANCE:
        return sorted(scored, key=lambda pair: (-pair[1], -_or_lowest(pair[0].popularity),
                                                pair[0].id))
    key = _SORT_KEYS[query.sort.field]
    return sorted(scored, key=lambda pair: (key(pair[0]), pair[0].id),
                  reverse=query.sort.descending)


def _hit(doc: MovieDocument, words: list[str]) -> SearchHit:
    return SearchHit(
        id=doc.id, title=doc.title, original_title=doc.original_title, year=doc.year,
        genres=list(doc.genres), rating=doc.rating, runtime_minutes=doc.runtime_minutes,
        poster_path=doc.poster_path, poster_blurhash=doc.poster_blurhash,
        highlights=_highlights(doc, words))


def _highlights(doc: MovieDocument, words: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for field in HIGHLIGHTED:
        text = getattr(doc, field)
        if text and words:
            marked = _WORD.sub(lambda m: _mark(m.group(0), words), text)
            if marked != text:
                found[field] = marked
    return found


def _mark(word: str, words: list[str]) -> str:
    folded = fold(word)
    hit = any(word_match(w, [folded], prefix=i == len(words) - 1) for i, w in enumerate(words))
    return f"<mark>{word}</mark>" if hit else word
