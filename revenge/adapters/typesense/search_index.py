"""`SearchIndex` on Typesense: one collection per schema version and build, under an alias.

A full reindex fills a new collection while searches read the old one through the alias,
then repoints the alias in one request (atomic in Typesense) and drops the old collection.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import msgspec

from revenge.adapters.typesense import queries
from revenge.adapters.typesense.client import TypesenseClient, TypesenseRejected, raise_for_status
from revenge.adapters.typesense.schema import (
    collection_name,
    collection_prefix,
    collection_schema,
    is_current,
    to_document,
)
from revenge.application.search.read_models import (
    IdFilter,
    MovieDocument,
    SearchResult,
    Suggestions,
)
from revenge.domain.errors import Unavailable
from revenge.domain.search.query import SearchQuery

DELETE_BATCH = 500


class TypesenseSearchIndex:
    def __init__(self, client: TypesenseClient, alias: str = "movies") -> None:
        self._client = client
        self.alias = alias

    async def search(self, query: SearchQuery, only: IdFilter | None = None) -> SearchResult:
        if queries.matches_nothing(only):
            return queries.empty_result()
        body = await self._multi_search(queries.search_params(self.alias, query, only))
        return queries.to_result(self._answered(queries.decode_search(body)))

    async def autocomplete(self, prefix: str, limit: int) -> Suggestions:
        body = await self._multi_search(queries.autocomplete_params(self.alias, prefix, limit))
        return queries.to_suggestions(self._answered(queries.decode_suggestions(body)))

    async def upsert(self, documents: Sequence[MovieDocument], *, into: str | None = None) -> None:
        if not documents:
            return
        lines = b"\n".join(msgspec.json.encode(to_document(doc)) for doc in documents)
        response = await self._import(into or self.alias, lines)
        if response.status_code == 404 and into is None:
            await self._create_live()
            response = await self._import(self.alias, lines)
        raise_for_status(response, "import documents")
        _check_import(response.content)

    async def delete(self, movie_ids: Sequence[str]) -> None:
        for start in range(0, len(movie_ids), DELETE_BATCH):
            ids = ",".join(f"`{i}`" for i in movie_ids[start:start + DELETE_BATCH])
            response = await self._client.request(
                "DELETE", f"/collections/{self.alias}/documents",
                params={"filter_by": f"movie_id:[{ids}]"}, bulk=True)
            if response.status_code != 404:  # no live index: nothing to delete
                raise_for_status(response, "delete documents")

    async def versions(self) -> dict[str, int]:
        response = await self._client.request(
            "GET", f"/collections/{self.alias}/documents/export",
            params={"include_fields": "id,version"}, bulk=True)
        if response.status_code == 404:
            return {}
        raise_for_status(response, "export documents")
        rows = (msgspec.json.decode(line, type=_Version) for line in response.content.splitlines()
                if line.strip())
        return {row.id: row.version for row in rows}

    async def count(self) -> int:
        live = await self._live_collection()
        if live is None:
            return 0
        response = await self._client.request("GET", f"/collections/{live}")
        if response.status_code == 404:
            return 0
        raise_for_status(response, f"read collection {live}")
        return int(response.json().get("num_documents", 0))

    async def is_current(self) -> bool:
        live = await self._live_collection()
        return live is not None and is_current(self.alias, live) and await self._exists(live)

    async def begin_rebuild(self) -> str:
        name = collection_name(self.alias, time.time_ns())
        response = await self._client.request("POST", "/collections",
                                              json=collection_schema(name))
        raise_for_status(response, f"create collection {name}")
        return name

    async def publish(self, rebuild: str) -> None:
        previous = await self._live_collection()
        response = await self._client.request("PUT", f"/aliases/{self.alias}",
                                              json={"collection_name": rebuild})
        raise_for_status(response, f"point alias {self.alias} at {rebuild}")
        await self._drop_older_than(rebuild, previous)

    async def discard(self, rebuild: str) -> None:
        if rebuild != await self._live_collection():
            await self._drop(rebuild)

    async def ping(self) -> None:
        await self._client.health()
        if await self._live_collection() is None:
            raise Unavailable("search", f"no index yet (alias {self.alias} is missing)")

    async def _multi_search(self, params: dict[str, Any]) -> bytes:
        response = await self._client.request("POST", "/multi_search",
                                              json={"searches": [params]})
        if response.status_code >= 400:
            raise Unavailable("search", f"HTTP {response.status_code}: {response.text[:200]}")
        return response.content

    def _answered(self, answer: Any) -> Any:
        """A search the index cannot answer (no alias yet, a collection of an older schema
        before its rebuild) is `Unavailable`: the caller falls back, never fails."""
        if answer.error is None:
            return answer
        raise Unavailable("search", f"index {self.alias} refused the search "
                                    f"({answer.code}): {answer.error}")

    async def _import(self, collection: str, lines: bytes) -> Any:
        return await self._client.request(
            "POST", f"/collections/{collection}/documents/import",
            params={"action": "upsert"}, content=lines,
            headers={"Content-Type": "text/plain"}, bulk=True)

    async def _create_live(self) -> None:
        """The first write ever: an empty current collection behind the alias (if still
        none: two workers may race here; the loser's collection is dropped)."""
        name = await self.begin_rebuild()
        if await self._live_collection() is None:
            await self.publish(name)
        else:
            await self._drop(name)

    async def _live_collection(self) -> str | None:
        response = await self._client.request("GET", f"/aliases/{self.alias}")
        if response.status_code == 404:
            return None
        raise_for_status(response, f"read alias {self.alias}")
        return str(response.json()["collection_name"])

    async def _exists(self, collection: str) -> bool:
        response = await self._client.request("GET", f"/collections/{collection}")
        if response.status_code == 404:
            return False
        raise_for_status(response, f"read collection {collection}")
        return True

    async def _drop_older_than(self, rebuild: str, previous: str | None) -> None:
        """Drops the previous live collection and abandoned builds started before this one."""
        response = await self._client.request("GET", "/collections")
        raise_for_status(response, "list collections")
        names = {c["name"] for c in response.json()} - {rebuild}
        stale = {n for n in names if n.startswith(collection_prefix(self.alias))
                 and _started(n) < _started(rebuild)}
        for name in stale | ({previous} & names if previous else set()):
            await self._drop(name)

    async def _drop(self, collection: str) -> None:
        response = await self._client.request("DELETE", f"/collections/{collection}",
                                              bulk=True)
        if response.status_code != 404:
            raise_for_status(response, f"drop collection {collection}")


class _Version(msgspec.Struct):
    id: str
    version: int


class _ImportLine(msgspec.Struct):
    success: bool
    error: str | None = None


def _check_import(body: bytes) -> None:
    for line in body.splitlines():
        if line.strip():
            row = msgspec.json.decode(line, type=_ImportLine)
            if not row.success:
                raise TypesenseRejected(f"typesense refused a document: {row.error}")


def _started(collection: str) -> int:
    stamp = collection.rsplit("_", 1)[-1]
    return int(stamp) if stamp.isdigit() else 0
