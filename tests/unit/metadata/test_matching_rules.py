"""Match scoring: normalisation, confidence, years, ambiguity and popularity."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revenge.domain.metadata.details import Candidate
from revenge.domain.metadata.matching import (
    CONFIDENCE,
    MatchQuery,
    decide,
    ranked,
    score,
    search_plan,
    title_similarity,
)
from revenge.domain.metadata.titles import normalised

THING_1982 = Candidate(tmdb_id=1091, title="The Thing", year=1982, popularity=35.6)
THING_2011 = Candidate(tmdb_id=60935, title="The Thing", year=2011, popularity=28.4)
DUNE_1984 = Candidate(tmdb_id=841, title="Dune", year=1984, popularity=30.5)
DUNE_2021 = Candidate(tmdb_id=438631, title="Dune", year=2021, popularity=150.3)
DUNE_TWO = Candidate(tmdb_id=693134, title="Dune: Part Two", year=2024, popularity=120.0)
MATRIX = Candidate(tmdb_id=603, title="The Matrix", year=1999, popularity=80.2)
MATRIX_SHORT = Candidate(tmdb_id=900001, title="The Matrix", year=2012, popularity=0.6)
AMELIE = Candidate(tmdb_id=194, title="Amélie", year=2001, popularity=30.0,
                   original_title="Le Fabuleux Destin d'Amélie Poulain")


@pytest.mark.parametrize(("title", "expected"), [
    ("The Matrix", "matrix"),
    ("Amélie", "amelie"),
    ("Léon: The Professional", "leon the professional"),
    ("Alien³", "alien3"),
    ("Fast & Furious", "fast and furious"),
    ("Rocky II", "rocky 2"),
    ("  the   DARK knight  ", "dark knight"),
    ("The", "the"),
    ("Les Misérables", "miserables"),
])
def test_titles_are_compared_without_case_accents_articles_or_punctuation(
        title: str, expected: str) -> None:
    assert normalised(title) == expected


@pytest.mark.parametrize(("query", "candidates", "outcome", "tmdb_id", "reason"), [
    (MatchQuery(title="The Thing", year=1982), [THING_1982, THING_2011], "matched", 1091, None),
    (MatchQuery(title="The Thing", year=2011), [THING_1982, THING_2011], "matched", 60935, None),
    (MatchQuery(title="The Thing"), [THING_1982, THING_2011], "unmatched", None, "ambiguous"),
    (MatchQuery(title="Dune"), [DUNE_2021, DUNE_1984, DUNE_TWO], "unmatched", None, "ambiguous"),
    (MatchQuery(title="Dune", year=1984), [DUNE_2021, DUNE_1984, DUNE_TWO], "matched", 841, None),
    (MatchQuery(title="Dune", year=2020), [DUNE_2021, DUNE_1984], "matched", 438631, None),
    (MatchQuery(title="The Matrix"), [MATRIX, MATRIX_SHORT], "matched", 603, None),
    (MatchQuery(title="Amelie", year=2001), [AMELIE], "matched", 194, None),
    (MatchQuery(title="Le Fabuleux Destin d Amelie Poulain"), [AMELIE], "matched", 194, None),
    (MatchQuery(title="The Matrix", year=1985), [MATRIX], "unmatched", None, "low_confidence"),
    (MatchQuery(title="Completely Different"), [MATRIX], "unmatched", None, "low_confidence"),
    (MatchQuery(title="Anything"), [], "unmatched", None, "no_results"),
])
def test_decisions_follow_confidence_year_and_ambiguity_rules(
        query: MatchQuery, candidates: list[Candidate], outcome: str, tmdb_id: int | None,
        reason: str | None) -> None:
    decision = decide(query, candidates)
    assert (decision.outcome, decision.tmdb_id, decision.reason) == (outcome, tmdb_id, reason)


def test_an_ambiguous_decision_keeps_the_candidates_best_first() -> None:
    decision = decide(MatchQuery(title="The Thing"), [THING_2011, THING_1982])
    assert [c.candidate.tmdb_id for c in decision.candidates] == [1091, 60935]


def test_a_year_off_by_one_costs_little_and_a_wrong_year_costs_the_match() -> None:
    exact = score(MatchQuery(title="The Matrix", year=1999), MATRIX)
    near = score(MatchQuery(title="The Matrix", year=2000), MATRIX)
    wrong = score(MatchQuery(title="The Matrix", year=2005), MATRIX)
    assert exact == 1.0 and CONFIDENCE <= near < exact and wrong < CONFIDENCE


def test_search_plan_tries_the_year_first_then_without_it_then_other_titles() -> None:
    query = MatchQuery(title="Leon", year=1994, alternative_titles=("Léon: The Professional",))
    assert search_plan(query) == [("Leon", 1994), ("Léon: The Professional", 1994),
                                  ("Leon", None), ("Léon: The Professional", None)]


def test_a_dashed_title_is_searched_whole_then_by_its_parts_with_the_year() -> None:
    query = MatchQuery(title="Hitchcock - The Birds", year=1963)
    assert search_plan(query) == [("Hitchcock - The Birds", 1963), ("Hitchcock - The Birds", None),
                                  ("The Birds", 1963), ("Hitchcock", 1963)]
    assert search_plan(MatchQuery(title="Hitchcock - The Birds")) == [
        ("Hitchcock - The Birds", None)]
    assert MatchQuery(title="Spider-Man", year=2002).part_titles == ()  # no spaced dash
    assert MatchQuery(title="A - B - C", year=2002).part_titles == ()  # two parts only


def test_a_match_on_a_part_scores_a_little_less_than_on_the_whole() -> None:
    birds = Candidate(tmdb_id=571, title="The Birds", year=1963, popularity=20.0)
    namesake = Candidate(tmdb_id=72976, title="Hitchcock", year=2012, popularity=15.0)
    query = MatchQuery(title="Hitchcock - The Birds", year=1963)
    assert CONFIDENCE <= score(query, birds) < 1.0
    assert decide(query, [namesake, birds]).tmdb_id == 571
    assert decide(MatchQuery(title="Hitchcock - The Birds"), [namesake]).tmdb_id is None


def test_ranking_lists_each_provider_id_once() -> None:
    assert len(ranked(MatchQuery(title="Dune"), [DUNE_1984, DUNE_1984, DUNE_2021])) == 2


titles = st.text(alphabet=st.characters(categories=("L", "N", "P", "Zs")), max_size=40)


@given(titles, titles)
def test_title_similarity_is_symmetric_and_between_zero_and_one(a: str, b: str) -> None:
    forward, backward = title_similarity([a], [b]), title_similarity([b], [a])
    assert 0.0 <= forward <= 1.0 and forward == pytest.approx(backward)


@given(titles.filter(lambda t: normalised(t) != ""), st.integers(1900, 2100))
def test_any_title_matches_itself_in_its_own_year(title: str, year: int) -> None:
    candidate = Candidate(tmdb_id=1, title=title, year=year, popularity=1.0)
    assert decide(MatchQuery(title=title, year=year), [candidate]).tmdb_id == 1


@given(st.lists(st.builds(Candidate, tmdb_id=st.integers(1, 50), title=titles,
                          year=st.none() | st.integers(1900, 2100),
                          popularity=st.floats(0, 500)), max_size=8),
       titles, st.none() | st.integers(1900, 2100))
def test_a_match_is_always_the_best_scored_candidate_above_the_threshold(
        candidates: list[Candidate], title: str, year: int | None) -> None:
    decision = decide(MatchQuery(title=title, year=year), candidates)
    if decision.tmdb_id is not None:
        best = decision.candidates[0]
        assert best.candidate.tmdb_id == decision.tmdb_id and best.score >= CONFIDENCE
