"""Match scoring: which provider movie a file is, or that we cannot tell.

A candidate's score (0-1) is its best title similarity (any of its titles against any
of ours, after `normalised`) less a penalty for a year that differs. The best candidate
is accepted when it reaches `CONFIDENCE` and no other comes within `AMBIGUITY_MARGIN` of
it — unless the best is `DOMINANCE` times more popular (an obscure namesake must not
block "The Matrix"). Otherwise the movie stays unmatched and the candidates are kept
for an admin. Popularity orders equal scores.

A title of two parts around a spaced dash ("James Bond - Goldfinger", "Hitchcock - The
Birds", "Title - Subtitle") is searched whole first; each part is searched only when
that finds nothing sure and the year is known (without it, "Hitchcock" alone would find
a namesake), and a match on one part scores a little less than on the whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

import msgspec
from rapidfuzz import fuzz

from revenge.domain.metadata.details import Candidate
from revenge.domain.metadata.titles import normalised

CONFIDENCE = 0.8
AMBIGUITY_MARGIN = 0.05
DOMINANCE = 10.0
KEPT_CANDIDATES = 10
_NEAR_YEAR_PENALTY = 0.05
_WRONG_YEAR_PENALTY = 0.35
_UNKNOWN_YEAR_PENALTY = 0.1
# a match on one part of "Part - Part" is less sure than on the whole name
_PART_PENALTY = 0.05
# a dash with spaces around it ("Spider-Man" has none)
_SPACED_DASH = re.compile(r"\s+[-\u2013\u2014]\s+")


class MatchQuery(msgspec.Struct, frozen=True, kw_only=True):
    """What we know of a file: its parsed (or .nfo) titles and year."""

    title: str
    year: int | None = None
    alternative_titles: tuple[str, ...] = ()

    @property
    def titles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.title, *self.alternative_titles)))

    @property
    def part_titles(self) -> tuple[str, ...]:
        """Each part of a title of two parts around a spaced dash, the second first (a
        franchise's or director's name leads more often than a subtitle follows); none
        without a year."""
        if self.year is None:
            return ()
        parts = [p for t in self.titles for p in reversed(_dash_parts(t))]
        return tuple(p for p in dict.fromkeys(parts) if p not in self.titles)


def _dash_parts(title: str) -> list[str]:
    parts = [part.strip() for part in _SPACED_DASH.split(title)]
    return parts if len(parts) == 2 and all(map(normalised, parts)) else []


class ScoredCandidate(msgspec.Struct, frozen=True, kw_only=True):
    candidate: Candidate
    score: float


Outcome = Literal["matched", "unmatched"]


class MatchDecision(msgspec.Struct, frozen=True, kw_only=True):
    """`tmdb_id` is set when matched; `reason` says why not ("no_results",
    "low_confidence", "ambiguous"). `candidates` are the best few, best first."""

    outcome: Outcome
    tmdb_id: int | None = None
    reason: str | None = None
    candidates: tuple[ScoredCandidate, ...] = ()


def title_similarity(ours: Iterable[str], theirs: Iterable[str]) -> float:
    """The best similarity (0-1) of any pair; word order counts a little less."""
    left = [n for n in map(normalised, ours) if n]
    right = [n for n in map(normalised, theirs) if n]
    return max((_pair(a, b) for a in left for b in right), default=0.0)


def _pair(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return max(fuzz.ratio(a, b), 0.95 * fuzz.token_sort_ratio(a, b)) / 100


def year_penalty(wanted: int | None, found: int | None) -> float:
    if wanted is None:
        return 0.0
    if found is None:
        return _UNKNOWN_YEAR_PENALTY
    distance = abs(wanted - found)
    if distance == 0:
        return 0.0
    return _NEAR_YEAR_PENALTY if distance == 1 else _WRONG_YEAR_PENALTY


def score(query: MatchQuery, candidate: Candidate) -> float:
    titles = (candidate.title, candidate.original_title or "", *candidate.alternative_titles)
    similarity = title_similarity(query.titles, titles)
    if parts := query.part_titles:
        similarity = max(similarity, title_similarity(parts, titles) - _PART_PENALTY)
    return round(max(0.0, similarity - year_penalty(query.year, candidate.year)), 4)


def ranked(query: MatchQuery, candidates: Iterable[Candidate]) -> list[ScoredCandidate]:
    """Best first: by score, then popularity; each provider id once."""
    unique = {c.tmdb_id: c for c in reversed(list(candidates))}.values()
    scored = [ScoredCandidate(candidate=c, score=score(query, c)) for c in unique]
    return sorted(scored, key=lambda s: (-s.score, -s.candidate.popularity, s.candidate.tmdb_id))


def decide(query: MatchQuery, candidates: Iterable[Candidate]) -> MatchDecision:
    best_first = ranked(query, candidates)
    kept = tuple(best_first[:KEPT_CANDIDATES])
    if not best_first:
        return MatchDecision(outcome="unmatched", reason="no_results")
    best = best_first[0]
    if best.score < CONFIDENCE:
        return MatchDecision(outcome="unmatched", reason="low_confidence", candidates=kept)
    if _rival(best, best_first[1:]):
        return MatchDecision(outcome="unmatched", reason="ambiguous", candidates=kept)
    return MatchDecision(outcome="matched", tmdb_id=best.candidate.tmdb_id, candidates=kept)


def _rival(best: ScoredCandidate, others: Sequence[ScoredCandidate]) -> bool:
    close = [o for o in others if o.score >= best.score - AMBIGUITY_MARGIN]
    return any(not _dominates(best, o) for o in close)


def _dominates(best: ScoredCandidate, other: ScoredCandidate) -> bool:
    top, theirs = best.candidate.popularity, other.candidate.popularity
    return top > 0 and top >= DOMINANCE * theirs


def search_plan(query: MatchQuery) -> list[tuple[str, int | None]]:
    """The searches to try in order, stopping at the first confident match: each title
    with the year, then without it (a year off by more than one still finds it); then
    the parts of a dashed title with the year."""
    with_year = [(t, query.year) for t in query.titles] if query.year else []
    parts = [(t, query.year) for t in query.part_titles]
    return [*with_year, *((t, None) for t in query.titles), *parts]
