"""`revenge search reindex | reconcile` against real PostgreSQL and Typesense."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from revenge.adapters.postgres.database import Database
from revenge.adapters.typesense.client import TypesenseClient
from revenge.adapters.typesense.search_index import TypesenseSearchIndex
from revenge.domain.search.query import SearchQuery
from tests.contract.search.conftest import drop_collections
from tests.contract.search.documents import small_catalog
from tests.integration.search.catalog_rows import delete_movie, insert_movies

ROOT = Path(__file__).resolve().parents[3]


def revenge_search(action: str, database_url: str, typesense: tuple[str, str],
                   settings: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVENGE_")}
    env.update(settings if settings is not None else {
        "REVENGE_DATABASE_URL": database_url, "REVENGE_TYPESENSE_URL": typesense[0],
        "REVENGE_TYPESENSE_API_KEY": typesense[1]})
    return subprocess.run([sys.executable, "-m", "revenge", "search", action, "--batch-size",
                           "4"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
async def live(typesense: tuple[str, str]) -> AsyncIterator[TypesenseSearchIndex]:
    """The index under the default alias (the one the command serves), dropped after."""
    client = TypesenseClient(*typesense)
    try:
        yield TypesenseSearchIndex(client)
    finally:
        await drop_collections(client, "movies")
        await client.close()


async def test_reindex_then_reconcile_from_the_command_line(
        database: Database, migrated_database_url: str, typesense: tuple[str, str],
        live: TypesenseSearchIndex) -> None:
    movies = small_catalog()
    await insert_movies(database, list(movies.values()))
    built = revenge_search("reindex", migrated_database_url, typesense)
    assert built.returncode == 0, built.stderr
    assert json.loads(built.stdout)["indexed"] == 9
    assert (await live.search(SearchQuery(text="matirx"))).hits[0].title == "The Matrix"
    await delete_movie(database, movies["Heat"].id)
    repaired = revenge_search("reconcile", migrated_database_url, typesense)
    assert json.loads(repaired.stdout) == {"indexed": 0, "removed": 1, "rebuilt": False}
    assert (await live.search(SearchQuery(text="heat"))).found == 0


def test_without_urls_the_command_explains_what_is_missing_and_exits_2() -> None:
    result = revenge_search("reindex", "", ("", ""), settings={})
    assert result.returncode == 2
    assert "REVENGE_DATABASE_URL, REVENGE_TYPESENSE_URL, REVENGE_TYPESENSE_API_KEY" in result.stderr
