"""The progress rules: completion threshold, resume points, idempotent replays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from msgspec.structs import replace

from revenge.domain.catalog.progress import (
    UNWATCHED,
    ProgressPolicy,
    ProgressReport,
    WatchState,
    clear_progress,
    hide_from_continue_watching,
    is_resume_point,
    mark_watched,
    merged,
    record_progress,
    unmark_watched,
)
from revenge.domain.errors import RuleViolation

NOW = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
POLICY = ProgressPolicy()
TWO_HOURS = 7200.0

durations = st.floats(min_value=0.5, max_value=20 * 3600, allow_nan=False)
fractions = st.floats(min_value=0, max_value=1.5, allow_nan=False)
reports = st.builds(lambda d, f: ProgressReport(d * f, d), durations, fractions)
policies = st.builds(
    lambda complete, resume, seconds: ProgressPolicy(
        complete_percent=complete, min_resume_percent=resume * complete / 100,
        min_resume_seconds=seconds),
    st.floats(min_value=1, max_value=100), st.floats(min_value=0, max_value=99),
    st.floats(min_value=0, max_value=600))


def play(state: WatchState, *reports_: ProgressReport,
         policy: ProgressPolicy = POLICY) -> WatchState:
    for number, report in enumerate(reports_):
        state = record_progress(state, report, NOW + timedelta(seconds=number), policy).state
    return state


@pytest.mark.parametrize(("position", "resumable"), [
    (0, False), (119, False),  # under two minutes
    (300, False),  # over two minutes but under 5% of two hours (360 s)
    (360, True), (3600, True), (6479, True),
    (6480, False),  # 90%: watched, nothing to resume
    (7200, False), (9000, False),  # past the end counts as the end
])
def test_which_positions_are_resume_points(position: float, resumable: bool) -> None:
    state = play(UNWATCHED, ProgressReport(position, TWO_HOURS))
    assert state.in_progress is resumable
    assert state.resume_position_seconds == (min(position, TWO_HOURS) if resumable else 0)


@pytest.mark.parametrize(("percent", "watched"), [(89.9, False), (90, True), (100, True)])
def test_a_play_counts_as_watched_from_ninety_percent(percent: float, watched: bool) -> None:
    state = play(UNWATCHED, ProgressReport(TWO_HOURS * percent / 100, TWO_HOURS))
    assert (state.completed, state.play_count) == (watched, int(watched))


def test_the_completion_threshold_is_configurable() -> None:
    policy = ProgressPolicy(complete_percent=95)
    assert not play(UNWATCHED, ProgressReport(6800, TWO_HOURS), policy=policy).completed
    assert play(UNWATCHED, ProgressReport(6850, TWO_HOURS), policy=policy).completed


def test_a_short_movie_is_resumable_only_after_two_minutes() -> None:
    assert not is_resume_point(100, 600, POLICY)  # 16% but under two minutes
    assert is_resume_point(130, 600, POLICY)


def test_a_policy_whose_resume_minimum_reaches_completion_is_refused() -> None:
    with pytest.raises(RuleViolation):
        ProgressPolicy(complete_percent=50, min_resume_percent=60)


@pytest.mark.parametrize(("position", "duration", "field"), [
    (-1, 100, "position_seconds"), (10, 0, "duration_seconds"),
    (float("nan"), 100, "position_seconds"), (10, float("inf"), "duration_seconds"),
])
def test_impossible_reports_are_refused_naming_the_field(position: float, duration: float,
                                                         field: str) -> None:
    with pytest.raises(RuleViolation) as caught:
        ProgressReport(position, duration)
    assert caught.value.field == field


def test_times_are_kept_to_the_millisecond_so_no_denormal_is_stored() -> None:
    """Issue 20, finding 15: 5e-324 reached PostgreSQL, where dividing it underflows."""
    report = ProgressReport(5e-324, 7200.0004)
    assert (report.position_seconds, report.duration_seconds) == (0.0, 7200.0)
    with pytest.raises(RuleViolation) as caught:
        ProgressReport(0, 5e-324)
    assert caught.value.field == "duration_seconds"


@given(st.lists(reports, max_size=20), policies)
def test_percent_is_always_between_0_and_100(sequence: list[ProgressReport],
                                             policy: ProgressPolicy) -> None:
    state = UNWATCHED
    for report in sequence:
        state = play(state, report, policy=policy)
        assert 0 <= state.percent <= 100


@given(st.lists(reports, max_size=20), policies)
def test_completion_is_monotone_and_plays_never_decrease(sequence: list[ProgressReport],
                                                         policy: ProgressPolicy) -> None:
    state = UNWATCHED
    for report in sequence:
        after = play(state, report, policy=policy)
        assert after.completed >= state.completed
        assert after.play_count in (state.play_count, state.play_count + 1)
        state = after


@given(st.lists(reports, max_size=10), reports, policies)
def test_replaying_the_same_report_changes_nothing(history: list[ProgressReport],
                                                   report: ProgressReport,
                                                   policy: ProgressPolicy) -> None:
    before = play(UNWATCHED, *history, report, policy=policy)
    outcome = record_progress(before, report, NOW, policy)
    assert outcome.completed_now is False
    assert outcome.state == replace(before, last_played_at=NOW)


@given(st.lists(reports, max_size=10))
def test_a_play_is_counted_only_when_a_report_crosses_the_threshold(
        sequence: list[ProgressReport]) -> None:
    state, crossings = UNWATCHED, 0
    for report in sequence:
        outcome = record_progress(state, report, NOW, POLICY)
        crossed = report.position * 100 / report.duration_seconds >= 90 and state.percent < 90
        crossings += crossed
        assert outcome.completed_now is crossed
        state = outcome.state
    assert state.play_count == crossings


def test_marking_watched_twice_counts_one_play_and_a_rewatch_another() -> None:
    once = mark_watched(UNWATCHED, NOW).state
    assert mark_watched(once, NOW).completed_now is False
    rewatching = play(once, ProgressReport(1800, TWO_HOURS))
    assert mark_watched(rewatching, NOW).state.play_count == 2


def test_a_player_still_reporting_after_mark_watched_does_not_count_again() -> None:
    near_end = play(UNWATCHED, ProgressReport(6000, TWO_HOURS))
    marked = mark_watched(near_end, NOW).state
    assert play(marked, ProgressReport(6600, TWO_HOURS)).play_count == 1


def test_unmarking_forgets_plays_and_resume_point() -> None:
    state = play(UNWATCHED, ProgressReport(7000, TWO_HOURS), ProgressReport(1800, TWO_HOURS))
    assert unmark_watched(state) == WatchState(last_played_at=state.last_played_at,
                                               duration_seconds=TWO_HOURS)


def test_hidden_stays_hidden_for_a_replay_and_returns_on_new_progress() -> None:
    state = hide_from_continue_watching(play(UNWATCHED, ProgressReport(1800, TWO_HOURS)))
    assert play(state, ProgressReport(1800, TWO_HOURS)).hidden_from_continue
    assert not play(state, ProgressReport(1810, TWO_HOURS)).hidden_from_continue
    assert state.resume_position_seconds == 1800


def test_clearing_progress_keeps_watched() -> None:
    state = play(UNWATCHED, ProgressReport(7000, TWO_HOURS), ProgressReport(1800, TWO_HOURS))
    cleared = clear_progress(state)
    assert (cleared.in_progress, cleared.completed, cleared.play_count) == (False, True, 1)


def test_merging_two_states_adds_plays_and_keeps_the_latest_position() -> None:
    old = play(UNWATCHED, ProgressReport(7000, TWO_HOURS))
    recent = record_progress(UNWATCHED, ProgressReport(1800, TWO_HOURS),
                             NOW + timedelta(days=1), POLICY).state
    combined = merged(old, recent)
    assert (combined.completed, combined.play_count, combined.position_seconds) == (
        True, 1, 1800)
    assert merged(UNWATCHED, recent) == recent
