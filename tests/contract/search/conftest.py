"""The search index contract runs against the in-memory twin and a real Typesense."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import uuid_utils

from revenge.adapters.memory.search_index import InMemorySearchIndex
from revenge.adapters.typesense.client import TypesenseClient
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
    await client.request("DELETE", f"/aliases/{alias}")
    listed = await client.request("GET", "/collections")
    for collection in listed.json():
        if collection["name"].startswith(f"{alias}_v"):
            await client.request("DELETE", f"/collections/{collection['name']}")
