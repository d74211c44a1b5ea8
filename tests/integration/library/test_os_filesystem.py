"""The disk adapter on a real folder tree: what a walk finds, skips and survives."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from revenge.adapters.filesystem.walker import OsFileSystem

pytestmark = pytest.mark.integration


def touch(path: Path, data: bytes = b"\0" * 10) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


async def test_a_walk_finds_videos_with_size_and_mtime_and_nfo_files(tmp_path: Path) -> None:
    video = touch(tmp_path / "Heat (1995)" / "Heat.mkv", b"x" * 1234)
    os.utime(video, ns=(1_600_000_000_123_456_789, 1_600_000_000_123_456_789))
    touch(tmp_path / "Heat (1995)" / "movie.nfo")
    touch(tmp_path / "Heat (1995)" / "poster.jpg")

    walk = await OsFileSystem().walk([str(tmp_path)])

    [stat] = walk.videos
    assert (stat.path, stat.size, stat.mtime_us) == (str(video), 1234, 1_600_000_000_123_456)
    assert walk.nfos == {str(tmp_path / "Heat (1995)" / "movie.nfo")}


async def test_ignored_hidden_and_nas_folders_are_skipped(tmp_path: Path) -> None:
    touch(tmp_path / "Private" / "Home (2010).mkv")
    touch(tmp_path / "Private" / ".ignore", b"")
    touch(tmp_path / ".hidden" / "a.mkv")
    touch(tmp_path / "@eaDir" / "b.mkv")
    touch(tmp_path / "Kept" / "c.mkv")

    walk = await OsFileSystem().walk([str(tmp_path)])

    assert [Path(v.path).name for v in walk.videos] == ["c.mkv"]


async def test_symbolic_links_are_followed_but_never_round_a_loop(tmp_path: Path) -> None:
    touch(tmp_path / "lib" / "A" / "a.mkv")
    touch(tmp_path / "elsewhere" / "b.mkv")
    (tmp_path / "lib" / "A" / "loop").symlink_to(tmp_path / "lib")
    (tmp_path / "lib" / "B").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "lib" / "dangling.mkv").symlink_to(tmp_path / "nowhere.mkv")

    walk = await OsFileSystem().walk([str(tmp_path / "lib")])

    assert sorted(Path(v.path).name for v in walk.videos) == ["a.mkv", "b.mkv"]


async def test_links_out_of_the_library_are_not_followed_when_walking_within_it(
        tmp_path: Path) -> None:
    """Review finding 6: the walker followed symbolic links out of a library, so a link
    to any folder (or file) the server can read got indexed and played. Walking within
    the library's folders skips such links; links inside the library still work."""
    touch(tmp_path / "lib" / "A" / "a.mkv")
    touch(tmp_path / "secret" / "b.mkv")
    touch(tmp_path / "secret" / "c.mkv")
    (tmp_path / "lib" / "Out").symlink_to(tmp_path / "secret")
    (tmp_path / "lib" / "c.mkv").symlink_to(tmp_path / "secret" / "c.mkv")
    (tmp_path / "lib" / "Again").symlink_to(tmp_path / "lib" / "A")
    library = str(tmp_path / "lib")

    walk = await OsFileSystem().walk([library], within=[library])

    found = [Path(v.path).resolve() for v in walk.videos]  # noqa: ASYNC240
    assert found == [(tmp_path / "lib" / "A" / "a.mkv").resolve()]


async def test_links_out_of_the_library_are_followed_when_the_library_allows_it(
        tmp_path: Path) -> None:
    touch(tmp_path / "lib" / "A" / "a.mkv")
    touch(tmp_path / "shared" / "b.mkv")
    (tmp_path / "lib" / "Shared").symlink_to(tmp_path / "shared")

    walk = await OsFileSystem().walk([str(tmp_path / "lib")], within=None)

    assert sorted(Path(v.path).name for v in walk.videos) == ["a.mkv", "b.mkv"]


async def test_a_library_reached_through_a_link_still_finds_its_files(tmp_path: Path) -> None:
    touch(tmp_path / "disk" / "movies" / "Inner" / "a.mkv")
    (tmp_path / "movies").symlink_to(tmp_path / "disk" / "movies")
    (tmp_path / "disk" / "movies" / "Linked").symlink_to(tmp_path / "disk" / "movies" / "Inner")
    library = str(tmp_path / "movies")

    walk = await OsFileSystem().walk([library], within=[library])

    assert sorted(Path(v.path).name for v in walk.videos) == ["a.mkv"]


async def test_a_name_that_is_not_utf8_is_reported_not_recorded(tmp_path: Path) -> None:
    touch(Path(os.fsdecode(bytes(tmp_path) + b"/bad\xff.mkv")))
    touch(tmp_path / "good é.mkv")

    walk = await OsFileSystem().walk([str(tmp_path)])

    assert [Path(v.path).name for v in walk.videos] == ["good é.mkv"]
    assert len(walk.unreadable) == 1


async def test_a_root_that_is_a_file_or_missing_is_walked_as_such(tmp_path: Path) -> None:
    video = touch(tmp_path / "a.mkv")

    walk = await OsFileSystem().walk([str(video), str(tmp_path / "gone")])

    assert [v.path for v in walk.videos] == [str(video)] and walk.unreadable == ()


async def test_folder_problems_are_named(tmp_path: Path) -> None:
    fs = OsFileSystem()
    touch(tmp_path / "file.mkv")

    assert await fs.folder_problem(str(tmp_path)) is None
    assert await fs.folder_problem(str(tmp_path / "missing")) == "does not exist"
    assert await fs.folder_problem(str(tmp_path / "file.mkv")) == "is not a folder"


async def test_the_partial_hash_follows_content_not_path(tmp_path: Path) -> None:
    fs = OsFileSystem()
    big = os.urandom(300_000)
    a, b = touch(tmp_path / "a.mkv", big), touch(tmp_path / "x" / "b.mkv", big)
    # the last byte changed for sure (a fixed "!" was the same byte once in 256 runs)
    c = touch(tmp_path / "c.mkv", big[:-1] + bytes([big[-1] ^ 0xFF]))

    hashes = [await fs.partial_hash(str(p)) for p in (a, b, c)]

    assert hashes[0] == hashes[1] != hashes[2]
    assert await fs.partial_hash(str(tmp_path / "gone.mkv")) is None


async def test_text_files_are_read_whatever_their_encoding(tmp_path: Path) -> None:
    utf16 = touch(tmp_path / "a.nfo", codecs.BOM_UTF16_LE + "<movie>é</movie>".encode("utf-16-le"))
    latin = touch(tmp_path / "b.nfo", "<movie>\xe9</movie>".encode("latin-1"))

    texts = await OsFileSystem().read_texts([str(utf16), str(latin), str(tmp_path / "c.nfo")])

    assert texts[str(utf16)] == "<movie>é</movie>"
    assert texts[str(latin)].startswith("<movie>") and texts[str(tmp_path / "c.nfo")] is None
