"""Fetching a movie's artwork into the image cache once it is matched."""

from __future__ import annotations

import logging

from revenge.application.metadata.common import Clock, UnitOfWorkFactory
from revenge.application.metadata.ports import ImageStore
from revenge.application.metadata.read_models import ImageFile, StoredImage
from revenge.domain.catalog.movie import Movie
from revenge.domain.errors import DomainError, Unavailable
from revenge.domain.metadata.images import ImageKind, is_image_path

log = logging.getLogger(__name__)


def artwork(movie: Movie) -> list[tuple[ImageKind, str]]:
    """The movie's provider images worth fetching ahead of the first view."""
    paths: list[tuple[ImageKind, str | None]] = [
        ("poster", movie.poster_path), ("backdrop", movie.backdrop_path),
        ("logo", movie.logo_path)]
    return [(kind, path) for kind, path in paths if path is not None and is_image_path(path)]


class ImageFetcher:
    """Best effort after a match: an image that cannot be fetched now is logged and
    fetched on its first request instead (the image endpoint fills the cache through
    `cache`, which records it too, so the list's blurhash appears either way)."""

    def __init__(self, store: ImageStore | None, unit_of_work: UnitOfWorkFactory,
                 clock: Clock) -> None:
        self._store = store
        self._unit_of_work = unit_of_work
        self._clock = clock

    async def fetch_for(self, movie: Movie) -> int:
        """How many of the movie's images are in the cache now."""
        if self._store is None:
            return 0
        stored = 0
        for kind, path in artwork(movie):
            stored += await self._fetch(kind, path)
        return stored

    async def cache(self, kind: ImageKind, path: str) -> StoredImage | None:
        """The image in the cache and its record (size, blurhash) in the catalog; None
        without a cache. Errors of the image host are the caller's to handle."""
        if self._store is None:
            return None
        image = await self._store.store(kind, path)
        async with self._unit_of_work() as uow:
            await uow.metadata.record_image(image, self._clock())
            await uow.commit()
        return image

    async def variant(self, kind: ImageKind, path: str, size: str, *,
                      webp: bool) -> ImageFile | None:
        """One size of a cached image, filling the cache on a miss (its first request
        after a fetch that failed at match time); None without a cache or image."""
        if self._store is None:
            return None
        found = await self._store.variant(kind, path, size, webp=webp)
        if found is None:
            await self.cache(kind, path)
            found = await self._store.variant(kind, path, size, webp=webp)
        return found

    async def _fetch(self, kind: ImageKind, path: str) -> int:
        try:
            await self.cache(kind, path)
        except (DomainError, Unavailable) as exc:
            log.warning("image %s %s not cached now: %s", kind, path, exc)
            return 0
        return 1
