"""Per-user watch state through the use cases: progress, completion, resume points,
"continue watching", history, watchlist and ratings, on both backends."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from revenge.application.catalog.add_to_watchlist import AddToWatchlist, AddToWatchlistCommand
from revenge.application.catalog.clear_progress import ClearProgress, ClearProgressCommand
from revenge.application.catalog.hide_from_continue_watching import (
    HideFromContinueWatching,
    HideFromContinueWatchingCommand,
)
from revenge.application.catalog.mark_watched import MarkWatched, MarkWatchedCommand
from revenge.application.catalog.rate_movie import RateMovie, RateMovieCommand
from revenge.application.catalog.read_models import WatchProgress
from revenge.application.catalog.record_progress import RecordProgress, RecordProgressCommand
from revenge.application.catalog.remove_from_watchlist import (
    RemoveFromWatchlist,
    RemoveFromWatchlistCommand,
)
from revenge.application.catalog.unmark_watched import UnmarkWatched, UnmarkWatchedCommand
from revenge.application.catalog.unrate_movie import UnrateMovie, UnrateMovieCommand
from revenge.application.shared.principal import Principal
from revenge.domain.catalog.progress import ProgressPolicy
from revenge.domain.errors import NotFound
from tests.contract.catalog.conftest import Catalog, new_id, page

HOUR = 3600.0


class Viewer:
    """One user driving the use cases."""

    def __init__(self, catalog: Catalog, who: Principal) -> None:
        self.catalog, self.who = catalog, who
        self._record = RecordProgress(catalog.unit_of_work, catalog.clock, new_id,
                                      ProgressPolicy())

    async def play(self, movie_id: str, position: float,
                   duration: float = 2 * HOUR) -> WatchProgress:
        return await self._record.execute(RecordProgressCommand(
            actor=self.who, movie_id=movie_id, position_seconds=position,
            duration_seconds=duration))

    async def mark(self, movie_id: str) -> WatchProgress:
        return await MarkWatched(self.catalog.unit_of_work, self.catalog.clock,
                                 new_id).execute(MarkWatchedCommand(actor=self.who,
                                                                    movie_id=movie_id))

    async def unmark(self, movie_id: str) -> WatchProgress:
        return await UnmarkWatched(self.catalog.unit_of_work, self.catalog.clock).execute(
            UnmarkWatchedCommand(actor=self.who, movie_id=movie_id))

    async def hide(self, movie_id: str) -> WatchProgress:
        return await HideFromContinueWatching(self.catalog.unit_of_work, self.catalog.clock
                                              ).execute(HideFromContinueWatchingCommand(
                                                  actor=self.who, movie_id=movie_id))

    async def clear(self, movie_id: str) -> WatchProgress:
        return await ClearProgress(self.catalog.unit_of_work, self.catalog.clock).execute(
            ClearProgressCommand(actor=self.who, movie_id=movie_id))

    async def continue_ids(self) -> list[str]:
        found = await self.catalog.library.continue_watching(self.who.user_id, page())
        return [i.movie.id for i in found.items]

    async def history(self) -> list[tuple[str, str]]:
        found = await self.catalog.library.history(self.who.user_id, page())
        return [(h.movie.id, h.source) for h in found.items]


@pytest.fixture
async def alice(catalog: Catalog) -> Viewer:
    return Viewer(catalog, await catalog.user())


async def test_progress_in_the_middle_is_a_resume_point(catalog: Catalog, alice: Viewer) -> None:
    movie = await catalog.movie()
    shown = await alice.play(movie.id, 1800)
    stored = await catalog.library.progress(alice.who.user_id, movie.id)
    assert stored == shown
    assert (stored.percent, stored.resume_position_seconds, stored.in_progress) == (
        25.0, 1800, True)
    assert await alice.continue_ids() == [movie.id]


@pytest.mark.parametrize("position", [60.0, 119.0, 200.0])
async def test_progress_under_two_minutes_or_five_percent_is_not_a_resume_point(
        catalog: Catalog, alice: Viewer, position: float) -> None:
    movie = await catalog.movie()
    shown = await alice.play(movie.id, position, duration=2 * HOUR)  # 5% is 360 s
    assert (shown.in_progress, shown.resume_position_seconds) == (False, 0)
    assert await alice.continue_ids() == []


async def test_reaching_ninety_percent_completes_once_and_writes_one_history_row(
        catalog: Catalog, alice: Viewer) -> None:
    movie = await catalog.movie()
    await alice.play(movie.id, 3000)
    done = await alice.play(movie.id, 0.9 * 2 * HOUR)
    again = await alice.play(movie.id, 0.95 * 2 * HOUR)
    replay = await alice.play(movie.id, 0.95 * 2 * HOUR)
    assert (done.completed, done.play_count, done.in_progress) == (True, 1, False)
    assert again.play_count == 1
    assert replace(replay, last_played_at=None) == replace(again, last_played_at=None)
    assert await alice.history() == [(movie.id, "playback")]
    assert await alice.continue_ids() == []


async def test_a_rewatch_counts_a_second_play_and_watched_stays_true_meanwhile(
        catalog: Catalog, alice: Viewer) -> None:
    movie = await catalog.movie()
    await alice.play(movie.id, 7000)
    rewatching = await alice.play(movie.id, 1800)
    assert (rewatching.completed, rewatching.in_progress) == (True, True)
    finished = await alice.play(movie.id, 7100)
    assert finished.play_count == 2
    assert [m for m, _ in await alice.history()] == [movie.id, movie.id]


async def test_marking_watched_twice_counts_one_play(catalog: Catalog, alice: Viewer) -> None:
    movie = await catalog.movie()
    await alice.mark(movie.id)
    second = await alice.mark(movie.id)
    assert (second.completed, second.play_count) == (True, 1)
    assert await alice.history() == [(movie.id, "manual")]


async def test_unmarking_clears_plays_and_resume_point_but_keeps_history(
        catalog: Catalog, alice: Viewer) -> None:
    movie = await catalog.movie()
    await alice.play(movie.id, 7000)
    await alice.play(movie.id, 1800)
    cleared = await alice.unmark(movie.id)
    assert (cleared.completed, cleared.play_count, cleared.in_progress) == (False, 0, False)
    assert len(await alice.history()) == 1
    listed = await catalog.details.movie(alice.who.user_id, movie.id)
    assert listed.user.watched is False


async def test_hiding_from_continue_watching_keeps_the_position_until_played_again(
        catalog: Catalog, alice: Viewer) -> None:
    movie = await catalog.movie()
    await alice.play(movie.id, 1800)
    hidden = await alice.hide(movie.id)
    assert (hidden.resume_position_seconds, hidden.hidden_from_continue) == (1800, True)
    assert await alice.continue_ids() == []
    assert (await alice.play(movie.id, 1800)).hidden_from_continue  # a replayed report
    assert await alice.continue_ids() == []
    await alice.play(movie.id, 1900)
    assert await alice.continue_ids() == [movie.id]


async def test_clearing_progress_forgets_the_resume_point_only(
        catalog: Catalog, alice: Viewer) -> None:
    movie = await catalog.movie()
    await alice.mark(movie.id)
    await alice.play(movie.id, 1800)
    cleared = await alice.clear(movie.id)
    assert (cleared.in_progress, cleared.completed, cleared.play_count) == (False, True, 1)


async def test_continue_watching_is_most_recent_first_and_pages(
        catalog: Catalog, alice: Viewer) -> None:
    movies = [await catalog.movie(f"Movie {i}") for i in range(5)]
    for movie in movies:
        await alice.play(movie.id, 1800)
    await alice.play(movies[1].id, 2000)
    first = await catalog.library.continue_watching(alice.who.user_id, page(2))
    rest = await catalog.library.continue_watching(alice.who.user_id,
                                                   page(10, first.next_cursor))
    order = [i.movie.id for i in first.items + rest.items]
    assert order == [movies[i].id for i in (1, 4, 3, 2, 0)]
    assert (first.total, rest.total, rest.next_cursor) == (5, 5, None)
    assert first.items[0].position_seconds == 2000 and first.items[0].percent == pytest.approx(
        2000 / 72)


async def test_state_of_one_user_is_invisible_to_another(catalog: Catalog, alice: Viewer) -> None:
    bob = Viewer(catalog, await catalog.user())
    movie = await catalog.movie()
    await alice.play(movie.id, 1800)
    await alice.mark(movie.id)
    assert (await catalog.library.progress(bob.who.user_id, movie.id)).play_count == 0
    assert await bob.continue_ids() == [] and await bob.history() == []
    assert (await catalog.details.movie(bob.who.user_id, movie.id)).user.watched is False


async def test_watch_state_of_an_unknown_movie_is_not_found(
        catalog: Catalog, alice: Viewer) -> None:
    for action in (alice.play(new_id(), 10), alice.mark(new_id()), alice.hide("nope")):
        with pytest.raises(NotFound):
            await action


async def test_watchlist_adds_once_removes_idempotently_and_lists_newest_first(
        catalog: Catalog, alice: Viewer) -> None:
    first, second = await catalog.movie("First"), await catalog.movie("Second")
    add = AddToWatchlist(catalog.unit_of_work, catalog.clock)
    remove = RemoveFromWatchlist(catalog.unit_of_work)
    for movie in (first, second, first):
        await add.execute(AddToWatchlistCommand(actor=alice.who, movie_id=movie.id))
    listed = await catalog.library.watchlist(alice.who.user_id, page())
    assert [w.movie.id for w in listed.items] == [second.id, first.id]
    assert listed.items[0].movie.user.on_watchlist
    for _ in range(2):
        await remove.execute(RemoveFromWatchlistCommand(actor=alice.who, movie_id=second.id))
    assert (await catalog.library.watchlist(alice.who.user_id, page())).total == 1
    with pytest.raises(NotFound):
        await add.execute(AddToWatchlistCommand(actor=alice.who, movie_id=new_id()))
    with pytest.raises(NotFound):
        await remove.execute(RemoveFromWatchlistCommand(actor=alice.who, movie_id=new_id()))


async def test_a_rating_replaces_the_previous_one_and_can_be_removed(
        catalog: Catalog, alice: Viewer) -> None:
    movie = await catalog.movie()
    rate = RateMovie(catalog.unit_of_work, catalog.clock)
    await rate.execute(RateMovieCommand(actor=alice.who, movie_id=movie.id, rating=7))
    await rate.execute(RateMovieCommand(actor=alice.who, movie_id=movie.id, rating=9))
    assert (await catalog.details.movie(alice.who.user_id, movie.id)).user.rating == 9
    unrate = UnrateMovie(catalog.unit_of_work)
    for _ in range(2):
        await unrate.execute(UnrateMovieCommand(actor=alice.who, movie_id=movie.id))
    assert (await catalog.details.movie(alice.who.user_id, movie.id)).user.rating is None


async def test_history_pages_newest_first(catalog: Catalog, alice: Viewer) -> None:
    movies = [await catalog.movie(f"M{i}") for i in range(3)]
    for movie in movies:
        await alice.mark(movie.id)
    first = await catalog.library.history(alice.who.user_id, page(2))
    rest = await catalog.library.history(alice.who.user_id, page(2, first.next_cursor))
    assert [h.movie.id for h in first.items + rest.items] == [m.id for m in reversed(movies)]
    assert (first.total, rest.next_cursor) == (3, None)
