"""Acceptance: a generated library of real video files, scanned into PostgreSQL and probed
with ffprobe; renames keep movies and watch state; deletions mark movies missing and
keep history; an unchanged rescan writes nothing."""

from __future__ import annotations

import shutil
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.integration.library.conftest import Library

pytestmark = pytest.mark.integration

NOW = datetime(2026, 1, 1, tzinfo=UTC)
WRITTEN_TABLES = ("movies", "movie_files", "library_skipped_files", "libraries", "job_runs",
                  "job_outbox", "watch_state", "watch_history")


async def movies(library: Library) -> dict[str, tuple[Any, ...]]:
    rows = await library.rows("SELECT title, year, tmdb_id, imdb_id, missing, match_status, "
                              "id::text FROM movies")
    return {row[0]: row[1:] for row in rows}


async def files(library: Library, title: str) -> list[tuple[Any, ...]]:
    return await library.rows(
        "SELECT substr(f.path, length(%s) + 2), f.kind, f.extra_type, f.part, "
        "f.missing_since IS NOT NULL FROM movie_files f JOIN movies m ON m.id = f.movie_id "
        "WHERE m.title = %s ORDER BY f.path", (str(library.root), title))


async def fingerprint(library: Library) -> list[tuple[Any, ...]]:
    """Row counts and the sum of row versions (xmin) of every table a scan may write:
    equal fingerprints mean no row was inserted, updated or deleted."""
    result = []
    for table in WRITTEN_TABLES:
        result += await library.rows(
            f"SELECT '{table}', count(*), coalesce(sum(xmin::text::bigint), 0) "  # noqa: S608
            f"FROM {table}")
    return result


async def scanned(library: Library) -> None:
    await library.scan()
    await library.run_probe_jobs()


async def test_a_generated_library_becomes_movies_files_extras_and_probe_data(
        library: Library) -> None:
    report = await library.scan()
    await library.run_probe_jobs()

    found = await movies(library)
    assert {title: row[:5] for title, row in found.items()} == {
        "The Matrix": (1999, None, None, False, "unmatched"),
        "Alien": (1979, None, None, False, "unmatched"),
        "Blade Runner": (1982, 78, "tt0083658", False, "unmatched"),
        "Heat": (1995, None, None, False, "unmatched"),
        "Broken Movie": (2001, None, None, False, "unmatched"),
    }
    assert await files(library, "The Matrix") == [
        ("The Matrix (1999)/Featurettes/Making Of.mp4", "extra", "featurette", None, False),
        ("The Matrix (1999)/The Matrix (1999)-trailer.mp4", "extra", "trailer", None, False),
        ("The Matrix (1999)/The.Matrix.1999.1080p.BluRay.x264-GRP.mkv", "main", None, None,
         False),
    ]
    assert [row[3] for row in await files(library, "Alien")] == [1, 2]
    assert report.counts.skipped == 1  # the sample; the .ignore'd folder is never walked
    assert (report.counts.new, report.counts.movies_added) == (9, 5)


@pytest.mark.parametrize("ffprobe", [True])
async def test_probing_records_streams_and_a_corrupt_file_keeps_its_error(
        library: Library) -> None:
    await scanned(library)

    [(container, duration, video, audio, subtitles, error, hashed)] = await library.rows(
        "SELECT container, duration_seconds, video_streams, audio_streams, subtitle_streams, "
        "probe_error, content_hash IS NOT NULL FROM movie_files WHERE path LIKE %s",
        ("%The.Matrix.1999%",))
    assert (container, round(duration), error, hashed) == ("matroska", 6, None, True)
    assert [(v["codec"], v["width"], v["height"]) for v in video] == [("hevc", 320, 180)]
    assert [(a["codec"], a["channels"], a["language"]) for a in audio] == [
        ("ac3", 6, "eng"), ("aac", 2, "fre")]
    assert [(s["codec"], s["language"]) for s in subtitles] == [("subrip", "eng")]

    [(probed, broken_error)] = await library.rows(
        "SELECT probed_at IS NOT NULL, probe_error FROM movie_files WHERE path LIKE %s",
        ("%Broken.Movie%",))
    assert probed and broken_error

    await library.scan()
    assert await library.rows("SELECT count(*) FROM job_runs WHERE status = 'queued' "
                              "AND name = 'library.probe_files'") == [(0,)]


async def test_a_rescan_of_the_unchanged_tree_writes_nothing(library: Library) -> None:
    await scanned(library)
    before = await fingerprint(library)

    report = await library.scan()

    assert await fingerprint(library) == before
    counts = report.counts
    assert (counts.parsed, counts.hashed, counts.new, counts.changed, counts.missing) == (
        0, 0, 0, 0, 0)
    assert counts.unchanged == counts.seen == 9


async def test_a_renamed_and_moved_file_keeps_its_movie_and_everyones_watch_state(
        library: Library) -> None:
    await scanned(library)
    heat = (await movies(library))["Heat"][-1]
    user = await _user_watching(library, heat)
    [(file_id,)] = await library.rows("SELECT id::text FROM movie_files WHERE path LIKE %s",
                                      ("%Heat.1995%",))

    (library.root / "Heat (1995)").mkdir()
    (library.root / "Heat.1995.720p.WEB-DL.mp4").rename(library.root / "Heat (1995)/Heat.mp4")
    report = await library.scan()

    assert report.counts.moved == 1 and report.counts.movies_added == 0
    assert await library.rows("SELECT id::text, movie_id::text, missing_since FROM movie_files "
                              "WHERE path LIKE %s", ("%Heat (1995)/Heat.mp4",)) == [
        (file_id, heat, None)]
    assert await library.rows("SELECT position_seconds FROM watch_state WHERE user_id = %s "
                              "AND movie_id = %s", (user, heat)) == [(600.0,)]


async def test_deleted_files_mark_the_movie_missing_keep_history_and_come_back(
        library: Library) -> None:
    await scanned(library)
    alien = (await movies(library))["Alien"][-1]
    user = await _user_watching(library, alien)
    folder = library.root / "Alien (1979)"
    parked = library.root.parent / "parked"
    shutil.move(folder, parked)

    gone = await library.scan()
    assert (await movies(library))["Alien"][3] is True
    assert [row[4] for row in await files(library, "Alien")] == [True, True]
    assert await _history(library, user, alien) == 1
    assert gone.counts.missing == 2

    shutil.move(parked, folder)
    back = await library.scan()
    assert (await movies(library))["Alien"][3] is False
    assert back.counts.returned == 2 and back.counts.parsed == 0
    assert await _history(library, user, alien) == 1


async def _user_watching(library: Library, movie_id: str) -> str:
    user_id = str(uuid.uuid4())
    await library.execute(
        "INSERT INTO users (id, username, email, password_hash, created_at, updated_at) "
        "VALUES (%s, %s, %s, 'x', %s, %s)",
        (user_id, f"library-test-{user_id[:8]}", f"{user_id[:8]}@example.org", NOW, NOW))
    await library.execute(
        "INSERT INTO watch_state (user_id, movie_id, position_seconds, duration_seconds, "
        "in_progress, last_played_at) VALUES (%s, %s, 600, 6000, true, %s)",
        (user_id, movie_id, NOW))
    await library.execute(
        "INSERT INTO watch_history (id, user_id, movie_id, watched_at, source) "
        "VALUES (%s, %s, %s, %s, 'playback')", (str(uuid.uuid4()), user_id, movie_id, NOW))
    return user_id


async def _history(library: Library, user_id: str, movie_id: str) -> int:
    [(count,)] = await library.rows("SELECT count(*) FROM watch_history WHERE user_id = %s "
                                    "AND movie_id = %s", (user_id, movie_id))
    return int(count)
