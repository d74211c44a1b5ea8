"""The probe cache: one read per file version, shared through its folder, keyframes
taken from the index at the scanner's probe so a playback start neither probes nor
scans."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revenge.adapters.ffmpeg.probe_cache import CachedMediaProbe, ProbeStore
from revenge.adapters.memory.media_probe import InMemoryMediaProbe
from revenge.domain.errors import NotFound
from revenge.domain.media.info import AudioStream, MediaInfo, VideoStream

SCANNED = (0.0, 2.0, 4.0, 6.0)
INFO = MediaInfo(container="matroska", duration=8.0, video=(VideoStream(index=0, codec="h264"),),
                 audio=(AudioStream(index=1, codec="aac"),), keyframes=SCANNED)


class Index:
    def __init__(self, answer: tuple[float, ...] | None) -> None:
        self.answer = answer
        self.calls: list[str] = []

    def __call__(self, path: str) -> tuple[float, ...] | None:
        self.calls.append(path)
        return self.answer


@pytest.fixture
def movie(tmp_path: Path) -> Path:
    path = tmp_path / "movie.mkv"
    path.write_bytes(b"not decoded by these tests")
    return path


def world(movie: Path, index: tuple[float, ...] | None = (0.0, 4.0)
          ) -> tuple[InMemoryMediaProbe, Index, CachedMediaProbe]:
    inner, reader = InMemoryMediaProbe({str(movie): INFO}), Index(index)
    return inner, reader, CachedMediaProbe(inner, movie.parent / "cache", reader)


def bump(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))


async def test_a_second_probe_of_an_unchanged_file_reads_nothing(movie: Path) -> None:
    inner, index, probe = world(movie)
    first = await probe.probe(str(movie))
    assert await probe.probe(str(movie)) == first
    assert len(inner.calls) == 1 and len(index.calls) == 1


async def test_the_scanners_probe_leaves_the_keyframes_a_playback_start_needs(
        movie: Path) -> None:
    inner, _, scanner = world(movie)
    assert (await scanner.probe(str(movie))).keyframes is None
    other_process = CachedMediaProbe(inner, movie.parent / "cache", Index(None))
    info = await other_process.probe(str(movie), keyframes=True)
    assert info.keyframes == (0.0, 4.0)
    assert inner.calls == [(str(movie), False)]


async def test_without_an_index_only_a_playback_start_scans_and_only_once(
        movie: Path) -> None:
    inner, _, probe = world(movie, index=None)
    await probe.probe(str(movie))
    assert (await probe.probe(str(movie), keyframes=True)).keyframes == SCANNED
    assert (await probe.probe(str(movie), keyframes=True)).keyframes == SCANNED
    assert inner.calls == [(str(movie), False), (str(movie), True)]


async def test_a_changed_file_is_read_again(movie: Path) -> None:
    inner, _, probe = world(movie)
    await probe.probe(str(movie), keyframes=True)
    bump(movie)
    await probe.probe(str(movie), keyframes=True)
    assert len(inner.calls) == 2


async def test_an_unreadable_cache_entry_is_a_miss(movie: Path) -> None:
    await world(movie)[2].probe(str(movie))
    for entry in (movie.parent / "cache").rglob("*.z"):
        entry.write_bytes(b"garbage")
    inner, _, other_process = world(movie)
    assert (await other_process.probe(str(movie))).container == "matroska"
    assert len(inner.calls) == 1


async def test_an_unwritable_cache_folder_still_answers(movie: Path) -> None:
    (movie.parent / "cache").write_text("a file where the folder should be")
    _, _, probe = world(movie)
    assert (await probe.probe(str(movie), keyframes=True)).keyframes == (0.0, 4.0)


async def test_a_missing_file_is_not_found(tmp_path: Path) -> None:
    _, _, probe = world(tmp_path / "movie.mkv")
    with pytest.raises(NotFound):
        await probe.probe(str(tmp_path / "movie.mkv"))


_times = st.lists(st.integers(0, 10**10), max_size=50, unique=True).map(
    lambda micros: tuple(m / 10**6 for m in sorted(micros)))


@given(keyframes=st.none() | _times)
def test_stored_keyframes_come_back_exactly(tmp_path_factory: pytest.TempPathFactory,
                                            keyframes: tuple[float, ...] | None) -> None:
    store = ProbeStore(tmp_path_factory.getbasetemp() / "store")
    info = MediaInfo(container="mp4", duration=1.0, keyframes=keyframes)
    store.save("/movies/a.mp4", (1, 2), info)
    assert store.load("/movies/a.mp4", (1, 2)) == info
    assert store.load("/movies/a.mp4", (1, 3)) is None


def test_probe_cache_folders_are_private_to_the_server(tmp_path: Path) -> None:
    """Review finding 9: probe-cache folders were created 0755, so any local account
    could list what every library holds. Each folder the cache makes is 0700, and a
    cache folder an older version left 0755 is narrowed."""
    root = tmp_path / "cache" / "media"
    root.mkdir(parents=True, mode=0o755)
    os.chmod(root, 0o755)  # noqa: S103  # what an older version left
    ProbeStore(root).save("/movies/Heat (1995).mkv", (1, 2), INFO)
    folders = [root, *(p for p in root.rglob("*") if p.is_dir())]
    assert len(folders) >= 2
    assert {oct(p.stat().st_mode & 0o777) for p in folders} == {oct(0o700)}
