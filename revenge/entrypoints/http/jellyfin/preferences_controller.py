"""`/DisplayPreferences/{id}`: the layout an app remembers per view (sort order, view
type, its own `CustomPrefs`), stored per user, app (`client`) and id. A view nothing was
stored for answers Jellyfin's defaults. Only the fields of Jellyfin's
DisplayPreferencesDto are kept, each of its declared type (anything else is a 400
naming it), so what we hand back is always a valid DisplayPreferencesDto."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Controller, Request, get, post
from litestar.status_codes import HTTP_204_NO_CONTENT

from revenge.application.identity.display_preferences import DisplayPreferences
from revenge.domain.errors import NotFound, RuleViolation
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.jellyfin.auth import require
from revenge.entrypoints.http.jellyfin.context import caller
from revenge.entrypoints.http.jellyfin.ids import our_id
from revenge.entrypoints.http.jellyfin.query import Query
from revenge.entrypoints.http.jellyfin.routes import PathPart, paths

AnyRequest = Request[Any, Any, Any]
ROUTE = paths("/DisplayPreferences/{preferences_id:str}")
DEFAULT_CLIENT = "emby"  # Jellyfin's default when an app names none
DEFAULTS: dict[str, Any] = {
    "SortBy": "SortName", "RememberIndexing": False, "PrimaryImageHeight": 250,
    "PrimaryImageWidth": 250, "CustomPrefs": {}, "ScrollDirection": "Horizontal",
    "ShowBackdrop": True, "RememberSorting": False, "SortOrder": "Ascending",
    "ShowSidebar": False}
# DisplayPreferencesDto's fields and their JSON types (Id and Client are ours to set).
TEXT, FLAG, NUMBER = (str,), (bool,), (int,)
KINDS: dict[str, tuple[type, ...]] = {
    "ViewType": TEXT, "SortBy": TEXT, "IndexBy": TEXT, "ScrollDirection": TEXT,
    "SortOrder": TEXT, "RememberIndexing": FLAG, "RememberSorting": FLAG,
    "ShowBackdrop": FLAG, "ShowSidebar": FLAG, "PrimaryImageHeight": NUMBER,
    "PrimaryImageWidth": NUMBER}
ENUMS = {"ScrollDirection": {"Horizontal", "Vertical"},
         "SortOrder": {"Ascending", "Descending"}}


class PreferencesController(Controller):
    path = "/"
    include_in_schema = False
    guards = [require()]
    dependencies = uses(DisplayPreferences)

    @get(ROUTE)
    async def read(self, request: AnyRequest, preferences_id: PathPart,
                   display_preferences: Uses[DisplayPreferences]) -> dict[str, Any]:
        client = _client(request)
        stored = await display_preferences.read(
            caller(request).user_id, client, preferences_id)
        return {**DEFAULTS, **(stored or {}), "Id": preferences_id, "Client": client}

    @post(ROUTE, status_code=HTTP_204_NO_CONTENT)
    async def write(self, request: AnyRequest, preferences_id: PathPart,
                    display_preferences: Uses[DisplayPreferences]) -> None:
        body = _preferences(await request.body())
        await display_preferences.save(
            caller(request).user_id, _client(request), preferences_id, body)


def _client(request: AnyRequest) -> str:
    """The app the preferences belong to; a `userId` other than the caller's names
    nobody (another person's preferences are never read or written)."""
    query = Query(request)
    user = query.text("userId")
    if user is not None and our_id(user, "user") != caller(request).user_id:
        raise NotFound("no such user", field="userId")
    return query.text("client") or DEFAULT_CLIENT


def _preferences(raw: bytes) -> dict[str, Any]:
    try:
        body = msgspec.json.decode(raw) if raw.strip() else {}
    except msgspec.DecodeError:
        raise RuleViolation("the body must be JSON (DisplayPreferencesDto)",
                            field="body") from None
    if not isinstance(body, dict):
        raise RuleViolation("the body must be a JSON object", field="body")
    kept: dict[str, Any] = {}
    for name, value in body.items():
        if value is None or name in ("Id", "Client"):
            continue
        if name == "CustomPrefs":
            kept[name] = _custom(value)
        elif name in KINDS:
            kept[name] = _typed(name, value)
    return kept  # unknown names are left out, as Jellyfin's binding drops them


def _typed(name: str, value: Any) -> Any:
    kinds = KINDS[name]
    if not isinstance(value, kinds) or (kinds is NUMBER and isinstance(value, bool)):
        raise RuleViolation(f"{name} has the wrong type", field=name)
    if name in ENUMS and value not in ENUMS[name]:
        raise RuleViolation(f"{name} must be one of {sorted(ENUMS[name])}", field=name)
    return value


def _custom(value: Any) -> dict[str, str | None]:
    if not isinstance(value, dict) or not all(
            isinstance(v, str | None) for v in value.values()):
        raise RuleViolation("CustomPrefs must map names to text", field="CustomPrefs")
    return value
