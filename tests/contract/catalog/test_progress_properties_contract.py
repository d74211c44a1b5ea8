"""Hypothesis properties of progress, through the use case and each backend's storage
(for PostgreSQL this includes the generated `percent` column)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from revenge.application.catalog.record_progress import RecordProgress, RecordProgressCommand
from revenge.domain.catalog.progress import ProgressPolicy, percent_of
from tests.contract.catalog.conftest import Catalog, new_id, page

reports = st.lists(st.tuples(st.floats(min_value=0, max_value=1.3),
                             st.floats(min_value=1, max_value=6 * 3600)),
                   min_size=1, max_size=8)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=reports)
async def test_stored_progress_stays_in_range_completion_is_monotone_and_replays_are_no_ops(
        catalog: Catalog, sequence: list[tuple[float, float]]) -> None:
    movie = await catalog.movie()
    viewer = await catalog.user()
    record = RecordProgress(catalog.unit_of_work, catalog.clock, new_id, ProgressPolicy())
    was_completed, plays = False, 0
    for fraction, duration in sequence:
        command = RecordProgressCommand(actor=viewer, movie_id=movie.id,
                                        position_seconds=fraction * duration,
                                        duration_seconds=duration)
        shown = await record.execute(command)
        stored = await catalog.library.progress(viewer.user_id, movie.id)
        assert 0 <= stored.percent <= 100
        assert stored.percent == percent_of(stored.position_seconds, stored.duration_seconds)
        assert stored.completed >= was_completed and stored.play_count >= plays
        replayed = await record.execute(command)
        assert replace(replayed, last_played_at=None) == replace(shown, last_played_at=None)
        was_completed, plays = stored.completed, stored.play_count
    history = await catalog.library.history(viewer.user_id, page(200))
    assert history.total == plays
