"""A generated library of small real video files (ffmpeg `testsrc` + `sine`) under
realistic names, and the real container (PostgreSQL, the disk, ffprobe) to scan it."""

from __future__ import annotations

import dataclasses
import shutil
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
import pytest
from dependency_injector import providers

from revenge.adapters.postgres.database import Database
from revenge.application.library.create_library import CreateLibraryCommand
from revenge.application.library.probe_files import ProbeFilesCommand
from revenge.application.library.scan.scan_library import ScanLibraryCommand
from revenge.application.library.scan.state import ScanReport
from revenge.domain.errors import NotFound
from revenge.domain.media.info import MediaInfo
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer, build_container
from tests.fixtures.media import H264_AAC_MP4, HEVC_AC3_MKV, VP9_OPUS_WEBM, generate, write_corrupt

MATRIX_NFO = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<movie>
  <title>Blade Runner</title>
  <year>1982</year>
  <uniqueid type="tmdb" default="true">78</uniqueid>
  <uniqueid type="imdb">tt0083658</uniqueid>
</movie>
"""

# Relative path -> source spec name (distinct durations make distinct contents).
LAYOUT = {
    "The Matrix (1999)/The.Matrix.1999.1080p.BluRay.x264-GRP.mkv": "hevc_ac3.mkv",
    "The Matrix (1999)/The Matrix (1999)-trailer.mp4": "h264_2s.mp4",
    "The Matrix (1999)/Featurettes/Making Of.mp4": "h264_3s.mp4",
    "The Matrix (1999)/Sample/the.matrix.sample.mkv": "h264_2s.mp4",
    "Alien (1979)/Alien.1979.cd1.mp4": "h264_4s.mp4",
    "Alien (1979)/Alien.1979.cd2.mp4": "h264_5s.mp4",
    "Unsorted/abc.webm": "vp9_opus.webm",
    "Heat.1995.720p.WEB-DL.mp4": "h264_aac.mp4",
    "Private/Home Video (2010).mp4": "h264_2s.mp4",
}


class _AnyFileProbe:
    """A stand-in for ffprobe where streams do not matter (one tenth of its time)."""

    async def probe(self, path: str, *, keyframes: bool = False) -> MediaInfo:
        if not Path(path).exists():  # noqa: ASYNC240 - a test double
            raise NotFound(path)
        return MediaInfo(container="mp4", duration=2.0)


class _ParkedRelay:
    async def kick(self) -> None:
        return None


@pytest.fixture(scope="session")
def media_sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("library-media")
    specs = [HEVC_AC3_MKV, VP9_OPUS_WEBM, H264_AAC_MP4,
             *(dataclasses.replace(H264_AAC_MP4, name=f"h264_{s}s.mp4", duration=float(s))
               for s in (2, 3, 4, 5))]
    return {spec.name: generate(spec, folder) for spec in specs}


def build_tree(root: Path, sources: dict[str, Path]) -> None:
    for relative, source in LAYOUT.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sources[source], target)
    (root / "Unsorted" / "abc.nfo").write_text(MATRIX_NFO)
    (root / "Private" / ".ignore").write_text("")
    (root / "Broken Movie (2001)").mkdir()
    write_corrupt(root / "Broken Movie (2001)", "Broken.Movie.2001.mkv")


@dataclass
class Library:
    container: AppContainer
    database: Database
    root: Path
    id: str = ""

    async def create(self) -> None:
        created = await self.container.library.create_library().execute(
            CreateLibraryCommand(name=f"Movies {uuid.uuid4().hex[:6]}", paths=(str(self.root),),
                                 scan=False))
        self.id = created.library.id

    async def scan(self) -> ScanReport:
        report: ScanReport = await self.container.library.scan_library().execute(
            ScanLibraryCommand(library_id=self.id))
        return report

    async def run_probe_jobs(self) -> None:
        """Runs the queued probing jobs as the worker would (and marks them done)."""
        for job_id, payload in await self.rows(
                "SELECT id::text, payload FROM job_runs WHERE name = 'library.probe_files' "
                "AND status = 'queued'"):
            await self.container.library.probe_files().execute(
                msgspec.convert(payload, ProbeFilesCommand))
            await self.execute("UPDATE job_runs SET status = 'succeeded' WHERE id = %s",
                               (job_id,))

    async def rows(self, statement: str, params: Any = None) -> list[tuple[Any, ...]]:
        async with self.database.connection() as conn:
            cur = await conn.execute(statement, params)
            rows = [tuple(row.values()) for row in await cur.fetchall()]
            await conn.commit()
            return rows

    async def execute(self, statement: str, params: Any = None) -> None:
        async with self.database.transaction() as conn:
            await conn.execute(statement, params)


@pytest.fixture
def ffprobe() -> bool:
    """Probe with the real ffprobe (override to True in a test that checks streams)."""
    return False


@pytest.fixture
async def library(migrated_database_url: str, tmp_path: Path, media_sources: dict[str, Path],
                  ffprobe: bool) -> AsyncIterator[Library]:
    root = tmp_path / "Movies"
    build_tree(root, media_sources)
    container = build_container(Config(database_url=migrated_database_url,
                                       redis_url="redis://unused.invalid:1/0",
                                       data_dir=str(tmp_path / "data")), "real")
    container.jobs.outbox_relay.override(providers.Object(_ParkedRelay()))
    if not ffprobe:
        container.library.media_probe.override(providers.Object(_AnyFileProbe()))
    database = container.core.database()
    await database.open()
    await _empty(database)
    subject = Library(container, database, root)
    await subject.create()
    try:
        yield subject
    finally:
        await _empty(database)
        await database.close()


async def _empty(database: Database) -> None:
    async with database.transaction() as conn:
        for table in ("library_skipped_files", "movie_files", "movies", "libraries",
                      "job_outbox", "job_runs"):
            await conn.execute(f"DELETE FROM {table}")  # noqa: S608 - constant names
        await conn.execute("DELETE FROM users WHERE username LIKE 'library-test-%'")
