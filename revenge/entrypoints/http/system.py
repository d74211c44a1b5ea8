"""/api/v1/system/info: what the web app needs before anyone signs in (public)."""

from __future__ import annotations

import socket
from importlib import metadata

import msgspec
from litestar import Router, get

from revenge.application.identity.queries import IdentityQueries
from revenge.entrypoints.http.di_bridge import Uses, uses


class SystemInfo(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    version: str
    setup_required: bool
    registration_open: bool


def _version() -> str:
    try:
        return metadata.version("revenge")
    except metadata.PackageNotFoundError:  # run from a source tree that is not installed
        return "0+unknown"


@get("/info", summary="Server name and version; whether first-run set-up or registration "
                      "is open (public, no secrets)", dependencies=uses(IdentityQueries))
async def system_info(identity_queries: Uses[IdentityQueries]) -> SystemInfo:
    state = await identity_queries.setup_state()
    return SystemInfo(name=socket.gethostname(), version=_version(),
                      setup_required=state.setup_required,
                      registration_open=state.registration_open)


def system_router() -> Router:
    return Router("/system", route_handlers=[system_info], tags=["system"])
