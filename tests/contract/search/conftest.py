"""The search index contract runs against the in-memory twin and a real Typesense."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import pytest
import uuid_utils

from revenge.adapters.memory.search_index import InMemorySearchIndex
from revenge.adapters.typesense.client import Missing, TypesenseClient
from revenge.adapters.typesense.search_index import TypesenseSearchIndex
from revenge.application.search.ports import SearchIndex


@pytest.fixture(params=["memory", "typesense"])
async def index(request: pytest.FixtureRequest) -> AsyncIterator[SearchIndex]:
    if request.param == "memory":
        yield InMemorySearchIndex()
        return
    url, api_key = request.getfixturevalue("typesense")
    client = TypesenseClient(url, api_key)
    alias = f"test_{uuid_utils.uuid7().hex[-12:]}"
    try:
        yield TypesenseSearchIndex(client, alias=alias)
    finally:
        await drop_collections(client, alias)
        await client.close()


async def drop_collections(client: TypesenseClient, alias: str) -> None:
    with contextlib.suppress(Missing):
        await client.call("drop alias", lambda ts: ts.aliases[alias].delete())
    listed = await client.call("list collections", lambda ts: ts.collections.retrieve())
    for collection in listed:
        if collection["name"].startswith(f"{alias}_v"):
            await client.call("drop collection",
                              lambda ts, name=collection["name"]: ts.collections[name].delete())
