"""TMDb answers are cached per TMDb server: processes sharing one cache (Redis) but
pointed at different servers (a proxy, another test's fake TMDb) never get each other's
answers — the image base URL in `/configuration` would send posters to the wrong host."""

from __future__ import annotations

from revenge.adapters.tmdb.client import TmdbClient, TmdbSettings
from revenge.application.shared.cache import Cache
from revenge.testing.fake_tmdb import FakeTmdb
from revenge.testing.fake_tmdb.server import API_KEY


async def test_two_tmdb_servers_sharing_a_cache_each_get_their_own_answers(
        any_cache: Cache) -> None:
    with FakeTmdb() as first, FakeTmdb() as second:
        clients = [TmdbClient(TmdbSettings(api_key=API_KEY, base_url=fake.base_url),
                              any_cache) for fake in (first, second)]
        try:
            bodies = [await c.get("/configuration", cache_ttl=3600) for c in clients]
            again = [await c.get("/configuration", cache_ttl=3600) for c in clients]
        finally:
            for client in clients:
                await client.aclose()
    assert first.image_base_url.encode() in bodies[0]
    assert second.image_base_url.encode() in bodies[1]
    assert again == bodies  # and each is still served from the cache
