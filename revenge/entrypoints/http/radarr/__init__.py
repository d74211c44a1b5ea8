"""Radarr over HTTP: the admin API and the webhook receiver (under /api/v1), and the
Emby-style endpoints Radarr's stock connection calls (at the root path)."""

from __future__ import annotations

from litestar import Router

from revenge.entrypoints.http.radarr.admin_controller import RadarrAdminController
from revenge.entrypoints.http.radarr.mediabrowser_controller import MediaBrowserController
from revenge.entrypoints.http.radarr.webhook_controller import RadarrWebhookController


def radarr_router() -> Router:
    """Under /api/v1."""
    return Router("/", route_handlers=[RadarrAdminController, RadarrWebhookController])


def media_browser_router() -> Router:
    """At the root path."""
    return Router("/", route_handlers=[MediaBrowserController])
