"""Metadata job actors: `match_movie` (the scanner's, per new movie),
`refresh_movie_metadata` (the catalog's refresh endpoint, the changes sync) and the
periodic `metadata.refresh_changed`. Payloads: `{"movie_id": str}` for the first two,
`{}` (optionally `{"max_pending": int}`) for the periodic one."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

import msgspec

from revenge.application.metadata.common import MATCH_ACTOR, REFRESH_ACTOR, REFRESH_CHANGED_ACTOR
from revenge.application.metadata.match_movie import MatchMovieCommand
from revenge.application.metadata.refresh_changed import RefreshChangedCommand
from revenge.application.metadata.refresh_movie_metadata import RefreshMovieMetadataCommand
from revenge.entrypoints.di.app import AppContainer
from revenge.entrypoints.worker.payloads import command_from

REFRESH_CHANGED_EVERY = timedelta(minutes=15)


async def match_movie(container: AppContainer, job_id: str,
                      payload: dict[str, Any]) -> dict[str, Any]:
    result = await container.metadata.match_movie().execute(
        command_from(payload, MatchMovieCommand))
    return dict(msgspec.structs.asdict(result))


async def refresh_movie_metadata(container: AppContainer, job_id: str,
                                 payload: dict[str, Any]) -> dict[str, Any]:
    result = await container.metadata.refresh_movie_metadata().execute(
        command_from(payload, RefreshMovieMetadataCommand))
    return dict(msgspec.structs.asdict(result))


async def refresh_changed(container: AppContainer, job_id: str,
                          payload: dict[str, Any]) -> dict[str, Any]:
    result = await container.metadata.refresh_changed().execute(
        command_from(payload, RefreshChangedCommand))
    return dict(msgspec.structs.asdict(result))


METADATA_ACTORS: Mapping[str, Any] = {
    MATCH_ACTOR: match_movie,
    REFRESH_ACTOR: refresh_movie_metadata,
    REFRESH_CHANGED_ACTOR: refresh_changed,
}
