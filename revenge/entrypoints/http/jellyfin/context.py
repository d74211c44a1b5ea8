"""What every Jellyfin handler reaches for: the caller, this server's id and address."""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection

from revenge.application.shared.principal import Principal
from revenge.entrypoints.config import Config
from revenge.entrypoints.http.auth import principal_of
from revenge.entrypoints.http.di_bridge import provided_of
from revenge.entrypoints.http.jellyfin.ids import server_id
from revenge.entrypoints.http.jellyfin.mapped_pages import MappedPages

Connection = ASGIConnection[Any, Any, Any, Any]
_SERVER_ID = "revenge_jellyfin_server_id"
_MAPPED_PAGES = "revenge_jellyfin_mapped_pages"


def caller(connection: Connection) -> Principal:
    """The principal the route's guard resolved."""
    return principal_of(connection)


def this_server(connection: Connection) -> str:
    state = connection.app.state
    if _SERVER_ID not in state:
        settings = provided_of(connection).get(Config)
        state[_SERVER_ID] = server_id(settings.public_url or f"port:{settings.port}")
    found: str = state[_SERVER_ID]
    return found


def server_name(connection: Connection) -> str:
    return "Revenge"


def local_address(connection: Connection) -> str:
    settings = provided_of(connection).get(Config)
    if settings.public_url:
        return str(settings.public_url).rstrip("/")
    return f"{connection.url.scheme}://{connection.url.netloc}"


def mapped_pages(connection: Connection) -> MappedPages:
    """This process's memo of mapped list pages (see mapped_pages.py)."""
    state = connection.app.state
    if _MAPPED_PAGES not in state:
        state[_MAPPED_PAGES] = MappedPages()
    found: MappedPages = state[_MAPPED_PAGES]
    return found
