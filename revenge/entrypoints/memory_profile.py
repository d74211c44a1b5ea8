"""The memory profile's composition: a container whose jobs run inline, in this process.

The real HTTP process never imports an actor: its jobs go through the outbox to
`revenge worker`. The memory profile has no worker, so its in-memory broker runs the
actors itself, right after the commit that enqueued them (`InMemoryOutboxRelay.kick`).
The two meet here, outside `entrypoints.http`, which an import contract keeps free of
`entrypoints.worker`.
"""

from __future__ import annotations

import os
from typing import Any

from litestar import Litestar

from revenge.entrypoints.config import Config, load_config
from revenge.entrypoints.di.app import AppContainer, build_container
from revenge.entrypoints.http.app import create_app, serve_with_web_app
from revenge.entrypoints.logging import configure_logging
from revenge.entrypoints.worker.actors import register_actors


def build_memory_container(settings: Config | None = None) -> AppContainer:
    """A memory-profile container with every built-in actor on its inline broker."""
    container = build_container(settings or Config(), "memory")
    register_actors(container.jobs.broker(), container)
    return container


def create_memory_app(settings: Config | None = None) -> Litestar:
    return create_app(build_memory_container(settings))


def create_memory_app_from_environment() -> Any:
    """`revenge http --profile memory`'s factory for the ASGI server (see
    `http.app.create_app_from_environment`, its real-profile twin)."""
    settings, _ = load_config(os.environ, os.environ.get("REVENGE_CONFIG") or None)
    configure_logging(settings.log_level, settings.log_format, process="http")
    return serve_with_web_app(create_app(build_memory_container(settings)), settings)
