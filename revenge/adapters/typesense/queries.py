"""Search and autocomplete requests in Typesense's terms, and their answers in ours."""

from __future__ import annotations

from typing import Any

import msgspec

from revenge.adapters.typesense.schema import HIT_FIELDS, SEARCH_WEIGHTS, SEARCHED_FIELDS
from revenge.application.search.read_models import (
    IdFilter,
    SearchFacets,
    SearchHit,
    SearchResult,
    Suggestion,
    Suggestions,
    sorted_counts,
)
from revenge.domain.search.query import Relevance, SearchQuery
from revenge.domain.shared.listing import SortField

MAX_FACET_VALUES = 500
HIGHLIGHTED = ("title", "original_title", "overview")
_SORT_FIELDS = {SortField.TITLE: "sort_title", SortField.YEAR: "year_key",
                SortField.ADDED: "added_at", SortField.RATING: "rating_key",
                SortField.RUNTIME: "runtime_key", SortField.POPULARITY: "popularity_key"}


def search_params(collection: str, query: SearchQuery, only: IdFilter | None) -> dict[str, Any]:
    params: dict[str, Any] = {
        "collection": collection, "q": query.words or "*",
        "query_by": ",".join(SEARCHED_FIELDS),
        "query_by_weights": ",".join(map(str, SEARCH_WEIGHTS)),
        "sort_by": sort_by(query), "facet_by": "genres,year,decade",
        "max_facet_values": MAX_FACET_VALUES,
        "page": query.offset // query.limit + 1, "per_page": query.limit,
        "include_fields": ",".join(HIT_FIELDS), "highlight_fields": ",".join(HIGHLIGHTED),
    }
    conditions = filter_by(query, only)
    if conditions:
        params["filter_by"] = conditions
    return params


def autocomplete_params(collection: str, prefix: str, limit: int) -> dict[str, Any]:
    return {"collection": collection, "q": prefix, "query_by": "title,original_title",
            "query_by_weights": "2,1", "prefix": "true", "per_page": limit,
            "sort_by": "_text_match:desc,popularity_key:desc",
            "include_fields": "id,title,year,poster_path", "highlight_fields": "title"}


def sort_by(query: SearchQuery) -> str:
    if query.sort is Relevance.RELEVANCE:
        return "_text_match:desc,popularity_key:desc" if query.words else "popularity_key:desc"
    direction = "desc" if query.sort.descending else "asc"
    return f"{_SORT_FIELDS[query.sort.field]}:{direction}"


def filter_by(query: SearchQuery, only: IdFilter | None) -> str:
    conditions = []
    if query.genres:
        conditions.append(f"genres:=[{_values(query.genres)}]")
    if query.year_from is not None:
        conditions.append(f"year:>={query.year_from}")
    if query.year_to is not None:
        conditions.append(f"year:<={query.year_to}")
    if query.min_rating is not None:
        conditions.append(f"rating:>={query.min_rating}")
    if only is not None and only.ids:
        operator = "=" if only.include else "!="
        conditions.append(f"movie_id:{operator}[{_values(sorted(only.ids))}]")
    return " && ".join(conditions)


def matches_nothing(only: IdFilter | None) -> bool:
    """Keeping only an empty set of ids: no need to ask (Typesense refuses `[]`)."""
    return only is not None and only.include and not only.ids


def _values(values: Any) -> str:
    # Backticks quote values with commas or spaces; a backtick itself cannot be quoted.
    return ",".join(f"`{str(value).replace('`', '')}`" for value in values)


class _Highlight(msgspec.Struct):
    field: str
    snippet: str | None = None


class _Hit(msgspec.Struct):
    document: SearchHit
    highlights: list[_Highlight] = []  # v1 shape: 0.24's default, optional later
    highlight: dict[str, Any] = {}  # v2 shape: {field: {"snippet": ...}}, in every version


class _Count(msgspec.Struct):
    value: str
    count: int


class _Facet(msgspec.Struct):
    field_name: str
    counts: list[_Count] = []


class _Result(msgspec.Struct):
    found: int = 0
    hits: list[_Hit] = []
    facet_counts: list[_Facet] = []
    error: str | None = None
    code: int | None = None


class _Suggested(msgspec.Struct):
    document: Suggestion


class _Suggestions(msgspec.Struct):
    hits: list[_Suggested] = []
    error: str | None = None
    code: int | None = None


class _MultiSearch(msgspec.Struct):
    results: list[_Result]


class _MultiSuggest(msgspec.Struct):
    results: list[_Suggestions]


_search_decoder = msgspec.json.Decoder(_MultiSearch)
_suggest_decoder = msgspec.json.Decoder(_MultiSuggest)


def decode_search(body: str | bytes) -> _Result:
    return _search_decoder.decode(body).results[0]


def decode_suggestions(body: str | bytes) -> _Suggestions:
    return _suggest_decoder.decode(body).results[0]


def to_result(answer: _Result) -> SearchResult:
    return SearchResult(hits=[_with_highlights(hit) for hit in answer.hits],
                        facets=_facets(answer.facet_counts), found=answer.found)


def to_suggestions(answer: _Suggestions) -> Suggestions:
    return Suggestions(items=[hit.document for hit in answer.hits])


def empty_result() -> SearchResult:
    return SearchResult(hits=[], facets=SearchFacets(), found=0)


def _with_highlights(hit: _Hit) -> SearchHit:
    marked = {h.field: h.snippet for h in hit.highlights if h.snippet and h.field in HIGHLIGHTED}
    for field in HIGHLIGHTED:
        value = hit.highlight.get(field)
        if field not in marked and isinstance(value, dict) and value.get("snippet"):
            marked[field] = str(value["snippet"])
    return msgspec.structs.replace(hit.document, highlights=marked)


def _facets(facets: list[_Facet]) -> SearchFacets:
    counts = {facet.field_name: {c.value: c.count for c in facet.counts} for facet in facets}
    return SearchFacets(genre=sorted_counts(counts.get("genres", {})),
                        year=sorted_counts(counts.get("year", {})),
                        decade=sorted_counts(counts.get("decade", {})))
