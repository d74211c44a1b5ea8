"""HLS segment plans cover the whole duration with no gaps or overlaps."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revenge.domain.errors import RuleViolation
from revenge.domain.playback.segments import (
    fixed_segments,
    keyframe_segments,
    segment_at,
    target_duration,
)

durations = st.floats(min_value=0.1, max_value=4 * 3600, allow_nan=False)
lengths = st.floats(min_value=1.0, max_value=12.0, allow_nan=False)


def _assert_covers(segments, duration: float) -> None:
    assert segments[0].start == 0.0
    for before, after in itertools.pairwise(segments):
        assert after.start == pytest.approx(before.end, abs=1e-9)
    assert segments[-1].end == pytest.approx(duration, abs=1e-6)
    assert math.fsum(s.duration for s in segments) == pytest.approx(duration, abs=1e-6)
    assert [s.index for s in segments] == list(range(len(segments)))
    assert all(s.duration > 0 for s in segments)


@settings(deadline=None, max_examples=60)
@given(durations, lengths)
def test_a_fixed_plan_covers_the_whole_duration(duration: float, length: float) -> None:
    _assert_covers(fixed_segments(duration, length), duration)


@settings(deadline=None, max_examples=60)
@given(st.lists(st.floats(min_value=0, max_value=4 * 3600, allow_nan=False), max_size=300),
       durations, lengths)
def test_a_keyframe_plan_covers_the_whole_duration_and_cuts_only_on_keyframes(
        keyframes: list[float], duration: float, target: float) -> None:
    segments = keyframe_segments(tuple(keyframes), duration, target)
    _assert_covers(segments, duration)
    assert all(s.start in keyframes for s in segments[1:])
    assert all(s.duration >= target for s in segments[:-1])


def test_keyframe_cuts_follow_the_real_gop() -> None:
    keyframes = (0.0, 2.5, 5.0, 7.5, 10.0, 12.5)
    segments = keyframe_segments(keyframes, 14.0, 6.0)
    assert [(s.start, s.duration) for s in segments] == [(0.0, 7.5), (7.5, 6.5)]


def test_no_sliver_segment_is_cut_just_before_the_end() -> None:
    segments = keyframe_segments((0.0, 6.0, 11.8), 12.0, 6.0)
    assert [s.start for s in segments] == [0.0, 6.0]


def test_fixed_segments_have_the_length_but_the_last() -> None:
    assert [s.duration for s in fixed_segments(14.0, 6.0)] == [6.0, 6.0, 2.0]


def test_target_duration_bounds_every_rounded_segment() -> None:
    segments = keyframe_segments((0.0, 7.5), 14.0, 6.0)
    assert target_duration(segments) == 8


def test_segment_at_finds_the_segment_playing_and_clamps() -> None:
    segments = fixed_segments(14.0, 6.0)
    assert [segment_at(segments, t).index for t in (-1, 0, 5.99, 6, 13, 99)] == [0, 0, 0, 1, 2, 2]


def test_a_file_without_duration_cannot_be_planned() -> None:
    with pytest.raises(RuleViolation):
        fixed_segments(0.0, 6.0)
