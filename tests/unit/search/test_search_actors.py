"""Search jobs through the composition root (memory profile: jobs run inline after commit)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import uuid_utils

from revenge.adapters.memory.catalog_tables import CatalogTables
from revenge.application.search.requests import (
    IndexMovieCommand,
    ReconcileIndexCommand,
    ReindexAllCommand,
    request_index,
)
from revenge.application.shared.jobs import JobMessage
from revenge.domain.catalog.movie import MovieFields, new_movie
from revenge.domain.search.query import SearchQuery
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer, build_container
from revenge.entrypoints.worker.actors import register_actors
from revenge.entrypoints.worker.scheduler import PERIODIC_JOBS
from tests.support.jobs import raw_job

NOW = datetime(2025, 1, 1, tzinfo=UTC)


@pytest.fixture
def container() -> AppContainer:
    container = build_container(Config(), "memory")
    register_actors(container.jobs.broker(), container)
    return container


def add_movie(container: AppContainer, title: str) -> str:
    movie = new_movie(str(uuid_utils.uuid7()), MovieFields(title=title, year=1999), NOW)
    CatalogTables(container.core.memory_state()).movies[movie.id] = movie
    return movie.id


async def run(container: AppContainer, message: JobMessage) -> Any:
    async with container.jobs.unit_of_work() as uow:
        job_id = await uow.jobs.enqueue(message)
        await uow.commit()
    return await container.jobs.job_runs().get(job_id)


async def titles(container: AppContainer, text: str) -> list[str]:
    result = await container.search.index().search(SearchQuery(text=text))
    return [hit.title for hit in result.hits]


async def test_the_periodic_reconciliation_builds_the_index_first(container: AppContainer) -> None:
    add_movie(container, "The Matrix")
    run_ = await run(container, ReconcileIndexCommand())
    assert run_.status == "succeeded" and run_.result["rebuilt"] is True
    assert await titles(container, "matirx") == ["The Matrix"]
    assert ReconcileIndexCommand() in {job.message for job in PERIODIC_JOBS}


async def test_an_index_request_after_a_catalog_change_updates_or_removes_it(
        container: AppContainer) -> None:
    movie_id = add_movie(container, "Heat")
    async with container.jobs.unit_of_work() as uow:
        await request_index(uow.jobs, movie_id)
        await uow.commit()
    assert await titles(container, "heat") == ["Heat"]
    CatalogTables(container.core.memory_state()).movie_deleted(movie_id)
    indexed = await run(container, IndexMovieCommand(movie_id))
    assert indexed.result == {"movie_id": movie_id, "indexed": False}
    assert await titles(container, "heat") == []


async def test_a_reindex_job_rebuilds_and_reports(container: AppContainer) -> None:
    add_movie(container, "Alien")
    finished = await run(container, ReindexAllCommand(batch_size=10))
    assert finished.status == "succeeded" and finished.result["indexed"] == 1
    assert await titles(container, "alien") == ["Alien"]


async def test_a_malformed_index_request_is_not_retried(container: AppContainer) -> None:
    failed = await run(container, raw_job(IndexMovieCommand.job, {"movie": "x"}))
    assert (failed.status, failed.attempts) == ("failed", 1)
