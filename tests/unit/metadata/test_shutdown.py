"""Shutdown closes the metadata context's HTTP clients (TMDb, image host), in the HTTP
server's lifecycle and in the worker, and a restarted container opens new ones."""

from __future__ import annotations

from pathlib import Path

from revenge.entrypoints.config import Config
from revenge.entrypoints.di.app import AppContainer, build_container
from revenge.entrypoints.lifecycle import Lifecycle
from revenge.entrypoints.worker.runtime import BackgroundLoops


def container_with_tmdb(tmp_path: Path) -> AppContainer:
    settings = Config(tmdb_api_key="a-key", data_dir=str(tmp_path),
                      tmdb_image_base_url="http://127.0.0.1:9/t/p/")
    return build_container(settings, "memory")


async def test_stopping_the_server_closes_the_tmdb_and_image_host_clients(
        tmp_path: Path) -> None:
    container = container_with_tmdb(tmp_path)
    client, _ = container.metadata.tmdb_client(), container.metadata.image_store()
    assert len(container.metadata.http_clients()) == 2 and not client.is_closed

    await Lifecycle(container).stop()

    assert client.is_closed
    assert len(container.metadata.http_clients()) == 0


async def test_stopping_the_worker_closes_the_clients_its_jobs_used(tmp_path: Path) -> None:
    container = container_with_tmdb(tmp_path)
    client = container.metadata.tmdb_client()

    await BackgroundLoops(container, schedule=()).stop()

    assert client.is_closed


async def test_after_a_stop_the_container_opens_new_clients(tmp_path: Path) -> None:
    container = container_with_tmdb(tmp_path)
    closed, provider = container.metadata.tmdb_client(), container.metadata.metadata_provider()
    await Lifecycle(container).stop()

    reopened = container.metadata.tmdb_client()

    assert reopened is not closed and not reopened.is_closed
    assert container.metadata.metadata_provider() is not provider  # not wrapping the closed one


async def test_a_server_without_a_tmdb_key_stops_without_opening_clients(
        tmp_path: Path) -> None:
    container = build_container(Config(data_dir=str(tmp_path)), "memory")

    await Lifecycle(container).stop()

    assert len(container.metadata.http_clients()) == 0
