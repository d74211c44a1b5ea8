"""`SearchIndex` on Typesense: one collection per schema version and build, under an alias.

A full reindex fills a new collection while searches read the old one through the alias,
then repoints the alias in one request (atomic in Typesense) and drops the old collection.
Every call goes through the `typesense` package's client (see client.py for its setup).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
from typing import Any, cast

import msgspec
from typesense import AsyncClient

from revenge.adapters.typesense import queries
from revenge.adapters.typesense.client import Missing, TypesenseClient, TypesenseRejected
from revenge.adapters.typesense.schema import (
    collection_name,
    collection_prefix,
    collection_schema,
    is_current,
    to_document,
)
from revenge.application.search.read_models import (
    IdFilter,
    LiveIndex,
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
        answer = await self._multi_search(queries.search_params(self.alias, query, only))
        return queries.to_result(self._answered(queries.decode_search(answer)))

    async def autocomplete(self, prefix: str, limit: int) -> Suggestions:
        answer = await self._multi_search(queries.autocomplete_params(self.alias, prefix, limit))
        return queries.to_suggestions(self._answered(queries.decode_suggestions(answer)))

    async def upsert(self, documents: Sequence[MovieDocument], *, into: str | None = None) -> None:
        if not documents:
            return
        lines = b"\n".join(msgspec.json.encode(to_document(doc)) for doc in documents)
        try:
            answer = await self._import(into or self.alias, lines)
        except Missing:
            if into is not None:  # a rebuild's collection is gone: the caller must know
                raise
            await self._create_live()
            answer = await self._import(self.alias, lines)
        _check_import(answer)

    async def delete(self, movie_ids: Sequence[str]) -> None:
        for start in range(0, len(movie_ids), DELETE_BATCH):
            await self._delete_batch(movie_ids[start:start + DELETE_BATCH])

    async def versions(self) -> dict[str, int]:
        try:
            exported = await self._client.call("export documents", lambda ts: ts.collections[
                self.alias].documents.export({"include_fields": "id,version"}), bulk=True)
        except Missing:
            return {}
        rows = (msgspec.json.decode(line, type=_Version) for line in exported.split("\n")
                if line.strip())
        return {row.id: row.version for row in rows}

    async def count(self) -> int:
        return (await self.live_index()).documents

    async def is_current(self) -> bool:
        return (await self.live_index()).current

    async def live_index(self) -> LiveIndex:
        """Two reads: the alias, then the collection it points at."""
        live = await self._live_collection()
        if live is None:
            return LiveIndex(documents=0, current=False)
        try:
            collection = await self._client.call(
                f"read collection {live}", lambda ts: ts.collections[live].retrieve())
        except Missing:
            return LiveIndex(documents=0, current=False)
        return LiveIndex(documents=int(collection.get("num_documents", 0)),
                         current=is_current(self.alias, live))

    async def begin_rebuild(self) -> str:
        name = collection_name(self.alias, time.time_ns())
        await self._client.call(f"create collection {name}", lambda ts: ts.collections.create(
            cast(Any, collection_schema(name))))
        return name

    async def publish(self, rebuild: str) -> None:
        previous = await self._live_collection()
        await self._client.call(f"point alias {self.alias} at {rebuild}", lambda ts: ts.aliases
                                .upsert(self.alias, {"collection_name": rebuild}))
        await self._drop_older_than(rebuild, previous)

    async def discard(self, rebuild: str) -> None:
        if rebuild != await self._live_collection():
            await self._drop(rebuild)

    async def ping(self) -> None:
        await self._client.health()
        if await self._live_collection() is None:
            raise Unavailable("search", f"no index yet (alias {self.alias} is missing)")

    async def _multi_search(self, params: dict[str, Any]) -> str:
        """The answer's JSON text, for msgspec to decode straight into our structs (the hot
        path: `multi_search.perform` would parse it with `json` first, ~10x slower).
        A refused request (4xx) is `Unavailable` too: the caller falls back, never fails."""
        try:
            return await self._client.call("search", lambda ts: ts.api_call.post(
                "/multi_search", entity_type=str, as_json=False, body={"searches": [params]}))
        except TypesenseRejected as exc:
            raise Unavailable("search", str(exc)) from exc

    def _answered(self, answer: Any) -> Any:
        """A search the index cannot answer (no alias yet, a collection of an older schema
        before its rebuild) is `Unavailable`: the caller falls back, never fails."""
        if answer.error is None:
            return answer
        raise Unavailable("search", f"index {self.alias} refused the search "
                                    f"({answer.code}): {answer.error}")

    async def _import(self, collection: str, lines: bytes) -> str:
        async def send(ts: AsyncClient) -> str:
            return str(await ts.collections[collection].documents.import_(
                lines, {"action": "upsert"}))
        return await self._client.call(f"import documents into {collection}", send, bulk=True)

    async def _create_live(self) -> None:
        """The first write ever: an empty current collection behind the alias (if still
        none: two workers may race here; the loser's collection is dropped)."""
        name = await self.begin_rebuild()
        if await self._live_collection() is None:
            await self.publish(name)
        else:
            await self._drop(name)

    async def _live_collection(self) -> str | None:
        try:
            alias = await self._client.call(f"read alias {self.alias}",
                                            lambda ts: ts.aliases[self.alias].retrieve())
        except Missing:
            return None
        return str(alias["collection_name"])

    async def _drop_older_than(self, rebuild: str, previous: str | None) -> None:
        """Drops the previous live collection and abandoned builds started before this one."""
        listed = await self._client.call("list collections",
                                         lambda ts: ts.collections.retrieve())
        names = {c["name"] for c in listed} - {rebuild}
        stale = {n for n in names if n.startswith(collection_prefix(self.alias))
                 and _started(n) < _started(rebuild)}
        for name in stale | ({previous} & names if previous else set()):
            await self._drop(name)

    async def _delete_batch(self, movie_ids: Sequence[str]) -> None:
        ids = ",".join(f"`{i}`" for i in movie_ids)
        with contextlib.suppress(Missing):  # no live index: nothing to delete
            await self._client.call("delete documents", lambda ts: ts.collections[
                self.alias].documents.delete({"filter_by": f"movie_id:[{ids}]"}), bulk=True)

    async def _drop(self, collection: str) -> None:
        with contextlib.suppress(Missing):  # already gone
            await self._client.call(f"drop collection {collection}",
                                    lambda ts: ts.collections[collection].delete(), bulk=True)


class _Version(msgspec.Struct):
    id: str
    version: int


class _ImportLine(msgspec.Struct):
    success: bool
    error: str | None = None


def _check_import(body: str) -> None:
    for line in body.split("\n"):
        if line.strip():
            row = msgspec.json.decode(line, type=_ImportLine)
            if not row.success:
                raise TypesenseRejected(f"typesense refused a document: {row.error}")


def _started(collection: str) -> int:
    stamp = collection.rsplit("_", 1)[-1]
    return int(stamp) if stamp.isdigit() else 0
