"""Metadata job actors: `MatchMovieCommand` (the scanner's and Radarr's, per new movie),
`RefreshMovieMetadataCommand` (the catalog's refresh endpoint, the changes sync) and the
periodic `RefreshChangedCommand`."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import msgspec

from revenge.application.metadata.match_movie import MatchMovie, MatchMovieCommand
from revenge.application.metadata.refresh_changed import RefreshChanged, RefreshChangedCommand
from revenge.application.metadata.refresh_movie_metadata import (
    RefreshMovieMetadata,
    RefreshMovieMetadataCommand,
)
from revenge.entrypoints.worker.registry import Run, actors

REFRESH_CHANGED_EVERY = timedelta(minutes=15)


async def match_movie(job: MatchMovieCommand, run: Run, match: MatchMovie) -> dict[str, Any]:
    return dict(msgspec.structs.asdict(await match.execute(job)))


async def refresh_movie_metadata(job: RefreshMovieMetadataCommand, run: Run,
                                 refresh: RefreshMovieMetadata) -> dict[str, Any]:
    return dict(msgspec.structs.asdict(await refresh.execute(job)))


async def refresh_changed(job: RefreshChangedCommand, run: Run,
                          refresh: RefreshChanged) -> dict[str, Any]:
    return dict(msgspec.structs.asdict(await refresh.execute(job)))


METADATA_ACTORS = actors(match_movie, refresh_movie_metadata, refresh_changed)
