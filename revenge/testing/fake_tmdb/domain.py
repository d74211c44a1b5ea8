"""The fake's fixture movies as domain objects, for seeding the in-memory provider."""

from __future__ import annotations

import msgspec

from revenge.adapters.memory.metadata_provider import InMemoryMetadataProvider
from revenge.adapters.tmdb import mapping
from revenge.adapters.tmdb.wire import WireCollection, WireMovie
from revenge.testing.fake_tmdb.catalog import FakeCatalog
from revenge.testing.fake_tmdb.data import COLLECTIONS

EVERYTHING = ["credits", "images", "release_dates", "external_ids", "similar"]


def memory_provider(catalog: FakeCatalog | None = None) -> InMemoryMetadataProvider:
    """An in-memory provider knowing exactly what the fake TMDb serves."""
    catalog = catalog or FakeCatalog()
    movies = [mapping.movie_details(msgspec.convert(catalog.movie(i, EVERYTHING), WireMovie),
                                    language="en-US", region="US") for i in catalog.rows]
    collections = [mapping.collection_details(msgspec.convert(catalog.collection(c),
                                                              WireCollection))
                   for c in COLLECTIONS]
    return InMemoryMetadataProvider(movies, collections)
