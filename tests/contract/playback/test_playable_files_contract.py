"""`PlayableFiles` on the in-memory twin and PostgreSQL: which file of a movie plays, the
catalog's facts about it, and the sidecar subtitles found next to it."""

from __future__ import annotations

from typing import Any

import pytest

from revenge.domain.errors import NotFound
from revenge.domain.media.sidecars import SIDECAR_INDEX_BASE
from tests.contract.playback.conftest import AT, MTIME, Shelf, new_id, row


async def test_a_file_asked_for_by_id_comes_with_the_catalogs_facts(shelf: Shelf) -> None:
    movie_id, (file_id,) = await shelf.movie(("Heat.mkv", row(size_bytes=123_456_789)))
    found = await shelf.files.playable(movie_id, file_id)
    assert (found.movie_id, found.file_id, found.path) == (
        movie_id, file_id, str(shelf.folder / "Heat.mkv"))
    assert found.size == 123_456_789
    assert found.mtime == pytest.approx(MTIME.timestamp(), abs=1e-6)
    assert found.sidecars == ()


@pytest.mark.parametrize(("files", "chosen"), [
    ([("b.mkv", row()), ("a.mkv", row())], 1),
    ([("cd2.mkv", row(part=2)), ("cd1.mkv", row(part=1))], 1),
    ([("a-trailer.mkv", row(kind="extra", extra_type="trailer")), ("z.mkv", row())], 1),
    ([("a.mkv", row(missing_since=AT)), ("b.mkv", row())], 1),
    ([("cd1.mkv", row(part=1, missing_since=AT)), ("cd2.mkv", row(part=2))], 1),
], ids=["by-path", "by-part", "main-before-extra", "missing-skipped", "missing-part-skipped"])
async def test_without_a_file_id_the_first_present_main_file_plays(
        shelf: Shelf, files: list[tuple[str, dict[str, Any]]], chosen: int) -> None:
    movie_id, file_ids = await shelf.movie(*files)
    assert (await shelf.files.playable(movie_id, None)).file_id == file_ids[chosen]


async def test_an_extra_plays_when_asked_for(shelf: Shelf) -> None:
    movie_id, (_, trailer) = await shelf.movie(
        ("Heat.mkv", row()), ("Heat-trailer.mkv", row(kind="extra", extra_type="trailer")))
    assert (await shelf.files.playable(movie_id, trailer)).file_id == trailer


async def test_sidecar_subtitles_next_to_the_file_are_listed_with_absolute_paths(
        shelf: Shelf) -> None:
    for name in ("Heat.mkv", "Heat.en.srt", "Heat.fr.forced.ass", "Other.en.srt"):
        (shelf.folder / name).write_bytes(b"")
    movie_id, _ = await shelf.movie(("Heat.mkv", row()))
    sidecars = (await shelf.files.playable(movie_id, None)).sidecars
    assert [(s.index, s.path, s.language, s.forced) for s in sidecars] == [
        (SIDECAR_INDEX_BASE, str(shelf.folder / "Heat.en.srt"), "en", False),
        (SIDECAR_INDEX_BASE + 1, str(shelf.folder / "Heat.fr.forced.ass"), "fr", True)]


async def test_unknown_foreign_missing_or_malformed_ids_are_not_found(shelf: Shelf) -> None:
    movie_id, (present, gone) = await shelf.movie(("a.mkv", row()),
                                                  ("b.mkv", row(missing_since=AT)))
    _, (foreign,) = await shelf.movie(("c.mkv", row()))
    for movie, file in [(new_id(), None), (movie_id, new_id()), (movie_id, foreign),
                        (movie_id, gone), ("not-a-uuid", None), (movie_id, "not-a-uuid")]:
        with pytest.raises(NotFound):
            await shelf.files.playable(movie, file)
    assert (await shelf.files.playable(movie_id, present)).file_id == present


async def test_a_movie_whose_files_are_all_missing_is_not_found(shelf: Shelf) -> None:
    movie_id, _ = await shelf.movie(("a.mkv", row(missing_since=AT)))
    with pytest.raises(NotFound):
        await shelf.files.playable(movie_id, None)
