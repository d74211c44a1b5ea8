"""Bridge dependency-injector providers into Litestar's `Provide` (no @inject on handlers)."""

from __future__ import annotations

from typing import Any

from dependency_injector import providers
from litestar.connection import ASGIConnection
from litestar.di import Provide


def provide(provider: providers.Provider[Any]) -> Provide:
    """Each request gets whatever the provider gives (a singleton or a fresh factory)."""

    def dependency() -> Any:
        return provider()

    return Provide(dependency, sync_to_thread=False)


CONTAINER_KEY = "revenge_container"


def container_of(connection: ASGIConnection[Any, Any, Any, Any]) -> Any:
    """The app container, read off the app state: for hot routes that avoid a
    dependency (see `auth.principal_of`)."""
    return connection.app.state[CONTAINER_KEY]
