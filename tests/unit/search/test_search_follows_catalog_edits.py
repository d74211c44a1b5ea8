"""An admin's catalog edits (create, update, merge, delete) reach the search index
through the jobs they request (memory profile: jobs run inline after commit)."""

from __future__ import annotations

import pytest

from revenge.application.catalog.create_movie import CreateMovieCommand
from revenge.application.catalog.delete_movie import DeleteMovieCommand
from revenge.application.catalog.merge_movies import MergeMoviesCommand
from revenge.application.catalog.update_movie import UpdateMovieCommand
from revenge.application.shared.principal import Principal
from revenge.domain.catalog.movie import MovieFields
from revenge.domain.search.query import SearchQuery
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer, build_container
from revenge.entrypoints.worker.actors import register_actors

ADMIN = Principal(user_id="00000000-0000-7000-8000-000000000001", username="admin",
                  permissions=frozenset({Permission.LIBRARY_READ, Permission.LIBRARY_MANAGE}))


@pytest.fixture
def container() -> AppContainer:
    container = build_container(Config(), "memory")
    register_actors(container.jobs.broker(), container)
    return container


async def titles(container: AppContainer, text: str) -> list[str]:
    result = await container.search.index().search(SearchQuery(text=text))
    return [hit.title for hit in result.hits]


async def create(container: AppContainer, title: str) -> str:
    movie = await container.catalog.create_movie().execute(CreateMovieCommand(
        actor=ADMIN, fields=MovieFields(title=title, year=1995)))
    return str(movie.id)


async def test_a_created_movie_is_found(container: AppContainer) -> None:
    await create(container, "Heat")
    assert await titles(container, "heat") == ["Heat"]


async def test_an_edited_title_is_found_by_its_new_name_only(container: AppContainer) -> None:
    movie_id = await create(container, "Heat")
    await container.catalog.update_movie().execute(UpdateMovieCommand(
        actor=ADMIN, movie_id=movie_id, changes={"title": "Casino"}))
    assert await titles(container, "casino") == ["Casino"]
    assert await titles(container, "heat") == []


async def test_a_deleted_movie_leaves_the_index(container: AppContainer) -> None:
    movie_id = await create(container, "Heat")
    await container.catalog.delete_movie().execute(DeleteMovieCommand(
        actor=ADMIN, movie_id=movie_id))
    assert await titles(container, "heat") == []


async def test_merged_sources_leave_the_index_and_the_target_stays(
        container: AppContainer) -> None:
    target, source = await create(container, "Heat"), await create(container, "Heat (copy)")
    await container.catalog.merge_movies().execute(MergeMoviesCommand(
        actor=ADMIN, target_id=target, source_ids=[source]))
    assert await titles(container, "heat") == ["Heat"]
