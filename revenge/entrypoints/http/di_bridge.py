"""Bridge dependency-injector providers into Litestar's `Provide` (no @inject on handlers)."""

from __future__ import annotations

from typing import Any

from dependency_injector import providers
from litestar.di import Provide


def provide(provider: providers.Provider[Any]) -> Provide:
    """Each request gets whatever the provider gives (a singleton or a fresh factory)."""

    def dependency() -> Any:
        return provider()

    return Provide(dependency, sync_to_thread=False)
