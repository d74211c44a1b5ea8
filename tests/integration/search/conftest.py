"""Fixtures for search integration tests: a Typesense index under a private alias."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import uuid_utils

from revenge.adapters.typesense.client import TypesenseClient
from revenge.adapters.typesense.search_index import TypesenseSearchIndex
from tests.contract.search.conftest import drop_collections


def private_alias() -> str:
    return f"it_{uuid_utils.uuid7().hex[-12:]}"


@pytest.fixture
async def typesense_index(typesense: tuple[str, str]) -> AsyncIterator[TypesenseSearchIndex]:
    client = TypesenseClient(*typesense)
    alias = private_alias()
    try:
        yield TypesenseSearchIndex(client, alias=alias)
    finally:
        await drop_collections(client, alias)
        await client.close()
