"""A fake Radarr for tests: an HTTP server speaking API v3 from a generated library,
Radarr's webhook payload shapes, and its "Emby / Jellyfin" connection's requests."""

from tests.fakes.radarr.data import RadarrLibrary, generated
from tests.fakes.radarr.server import API_KEY, FakeRadarr

__all__ = ["API_KEY", "FakeRadarr", "RadarrLibrary", "generated"]
