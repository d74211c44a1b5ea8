"""The image cache port, run against the cache on disk (downloading from the fake
TMDb's image host over HTTP) and the in-memory twin."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from revenge.adapters.images.download import ImageDownloader
from revenge.adapters.images.store import FileImageStore
from revenge.adapters.memory.metadata_provider import InMemoryImageStore
from revenge.application.metadata.ports import ImageStore
from revenge.domain.errors import NotFound, RuleViolation
from revenge.testing.fake_tmdb import FakeTmdb
from revenge.testing.fake_tmdb.images import artwork

pytestmark = pytest.mark.contract


class Cache:
    def __init__(self, store: ImageStore, fetches: Callable[[], int], path: str) -> None:
        self.store, self.fetches, self.path = store, fetches, path


@pytest.fixture(params=["file", "memory"])
async def cache(request: pytest.FixtureRequest, fake_tmdb: FakeTmdb,
                tmp_path: Path) -> AsyncIterator[Cache]:
    path = next(p for p, kind in fake_tmdb.catalog.images.items() if kind == "poster")
    if request.param == "memory":
        memory = InMemoryImageStore({path: artwork("poster", path)})
        yield Cache(memory, lambda: memory.fetches, path)
        return

    async def base_url() -> str:
        return fake_tmdb.image_base_url

    downloader = ImageDownloader(base_url, max_bytes=10 * 1024 * 1024, attempts=1)
    before = len(fake_tmdb.image_requests)
    yield Cache(FileImageStore(tmp_path / "images", downloader),
                lambda: len(fake_tmdb.image_requests) - before, path)
    await downloader.aclose()


async def test_an_image_is_served_only_once_stored(cache: Cache) -> None:
    assert await cache.store.variant("poster", cache.path, "w185", webp=False) is None

    stored = await cache.store.store("poster", cache.path)

    assert (stored.source_path, stored.kind) == (cache.path, "poster")
    assert stored.content_type == "image/jpeg" and stored.size_bytes > 0
    found = await cache.store.variant("poster", cache.path, "w185", webp=False)
    assert found is not None and found.content_type == "image/jpeg"
    assert found.etag.startswith('"') and found.size_bytes > 0


async def test_requests_for_one_image_at_once_fetch_it_once(cache: Cache) -> None:
    first = await asyncio.gather(*(cache.store.store("poster", cache.path) for _ in range(5)))
    again = await cache.store.store("poster", cache.path)

    assert cache.fetches() == 1
    assert {image.content_hash for image in [*first, again]} == {first[0].content_hash}


async def test_an_image_the_host_lacks_is_not_found(cache: Cache) -> None:
    with pytest.raises(NotFound):
        await cache.store.store("poster", "/nosuchimage123.jpg")


@pytest.mark.parametrize("path", ["/../outside.jpg", "/a/b.jpg", "/x.jpg\x00.png"])
async def test_a_path_that_is_not_one_safe_file_name_is_refused(cache: Cache, path: str) -> None:
    with pytest.raises(RuleViolation):
        await cache.store.store("poster", path)
    assert cache.fetches() == 0
