"""The Litestar application factory: routes, DI bridge, errors, OpenAPI, lifecycle."""

from __future__ import annotations

import os
from typing import Any

from litestar import Litestar, Request, Response, Router, get
from litestar.datastructures import State
from litestar.di import Provide
from litestar.exceptions import NotFoundException
from litestar.openapi import OpenAPIConfig
from litestar.types import ControllerRouterHandler

from revenge.application.health.check_readiness import CheckReadiness
from revenge.entrypoints.config import Config, load_config
from revenge.entrypoints.di.app import AppContainer, build_container
from revenge.entrypoints.http import auth, health, metrics, system
from revenge.entrypoints.http.api_docs import docs_plugins
from revenge.entrypoints.http.catalog import catalog_router
from revenge.entrypoints.http.di_bridge import CONTAINER_KEY, PROVIDED_KEY, bind, uses
from revenge.entrypoints.http.errors import exception_handlers
from revenge.entrypoints.http.identity import identity_routers
from revenge.entrypoints.http.jellyfin import jellyfin_router, unknown_endpoint
from revenge.entrypoints.http.jobs import jobs_router
from revenge.entrypoints.http.json_only import json_only_middleware
from revenge.entrypoints.http.library import library_router
from revenge.entrypoints.http.metadata import metadata_router
from revenge.entrypoints.http.mfa import mfa_routers
from revenge.entrypoints.http.nul_guard import nul_guard_middleware
from revenge.entrypoints.http.openapi_contract import contract_document
from revenge.entrypoints.http.own_writes import own_writes_middleware
from revenge.entrypoints.http.path_prefix import public_prefix, with_path_prefix
from revenge.entrypoints.http.playback import playback_router
from revenge.entrypoints.http.radarr import media_browser_router, radarr_router
from revenge.entrypoints.http.request_context import request_context_middleware
from revenge.entrypoints.http.search import search_routers
from revenge.entrypoints.http.security_headers import security_headers_hook
from revenge.entrypoints.http.server_config import server_config_router
from revenge.entrypoints.http.web_app import WebApp, with_web_app
from revenge.entrypoints.lifecycle import Lifecycle
from revenge.entrypoints.logging import configure_logging

API_PREFIX = "/api/v1"


@get(f"{API_PREFIX}/openapi.json", include_in_schema=False, sync_to_thread=False)
def openapi_document(request: Request[Any, Any, Any]) -> Response[dict[str, Any]]:
    # Served here rather than by the OpenAPI controller, whose catch-all route would
    # otherwise answer every unknown /api/v1 path with an HTML 404. The document is
    # Litestar's, completed with the security and problems the routes really have.
    return Response(contract_document(request.app),
                    media_type="application/vnd.oai.openapi+json")


def api_routers() -> list[Router]:
    """Each context contributes its routers here (all under /api/v1)."""
    return [Router("/", route_handlers=identity_routers()),
            Router("/", route_handlers=mfa_routers()),
            Router("/", route_handlers=search_routers()),
            catalog_router(),
            playback_router(),
            library_router(),
            jobs_router(),
            metadata_router(),
            radarr_router(),
            system.system_router(),
            server_config_router()]


def create_app(container: AppContainer) -> Litestar:
    lifecycle = Lifecycle(container)
    auth_state = auth.AuthState.from_container(container)
    route_handlers: list[ControllerRouterHandler] = [
        *health.handlers, metrics.metrics, openapi_document,
        Router(API_PREFIX, route_handlers=api_routers()),
        media_browser_router(),  # Radarr's Emby connection: root paths
        jellyfin_router()]  # Jellyfin apps: root paths and /jellyfin
    return Litestar(
        route_handlers=route_handlers,
        dependencies={
            "lifecycle": Provide(lambda: lifecycle, sync_to_thread=False),
            **uses(CheckReadiness),
            **auth.dependencies(),
        },
        state=State({auth.STATE_KEY: auth_state,
                     PROVIDED_KEY: bind(container),  # after the routers asked for theirs
                     CONTAINER_KEY: container}),
        exception_handlers={**exception_handlers(), NotFoundException: unknown_endpoint},
        middleware=[request_context_middleware, json_only_middleware, nul_guard_middleware,
                    own_writes_middleware(container.catalog.change_stamps())],
        before_send=[security_headers_hook(auth_state.https.applies)],
        on_startup=[lifecycle.start],
        on_shutdown=[lifecycle.stop],
        openapi_config=OpenAPIConfig(
            title="Revenge", version="1.0.0", path="/api/docs",
            description="Self-hosted movie server API",
            render_plugins=docs_plugins(),  # Swagger UI from our own files (offline)
            components=auth.openapi_components(),
        ),
        logging_config=None,
        debug=False,
    )


def create_app_from_environment() -> Any:
    """Factory for the ASGI server (real profile): configuration comes from REVENGE_*
    (and the TOML file named by REVENGE_CONFIG); the CLI validated it already before
    starting us. The memory profile's factory is `entrypoints.memory_profile`'s, which
    also runs jobs inline."""
    settings, _ = load_config(os.environ, os.environ.get("REVENGE_CONFIG") or None)
    configure_logging(settings.log_level, settings.log_format, process="http")
    return serve_with_web_app(create_app(build_container(settings, "real")), settings)


def serve_with_web_app(app: Litestar, settings: Config) -> Any:
    """The built web app, when there is one, served in front of the API, under the
    public URL's path prefix. The web app answers outside Litestar; its files carry the
    same security headers, built once at start (web_app.Variant), so no per-request
    wrapper is needed here."""
    prefix = public_prefix(settings.public_url)
    served = with_web_app(app, WebApp.find(settings.web_dir, prefix),
                          WebApp.find_docs(settings.docs_dir))
    return with_path_prefix(served, prefix)
