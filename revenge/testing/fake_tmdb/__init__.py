"""A fake TMDb: a local HTTP server speaking TMDb API v3 from fixture data."""

from revenge.testing.fake_tmdb.server import FakeTmdb

__all__ = ["FakeTmdb"]
