"""`Fields` on lists (heavy parts only when asked) and server paths only for those who
manage libraries (#20 item 8: the same rule as /api/v1)."""

from __future__ import annotations

from typing import Any

from tests.integration.jellyfin.conftest import Jellyfin, item_id, sign_in
from tests.integration.playback.live import PASSWORD

HEAVY = ("Overview", "Genres", "GenreItems", "People", "MediaSources", "MediaStreams", "Path",
         "ProviderIds", "Taglines")
WATCHER = "watcher"


async def watcher_token(jellyfin: Jellyfin) -> str:
    """A user who browses and plays but does not manage libraries (created once)."""
    admin, client = jellyfin.live.admin, jellyfin.client
    roles = (await client.get("/api/v1/admin/roles", headers=admin)).json()
    if not any(r["name"] == "watch-only" for r in roles["items"]):
        role = (await client.post("/api/v1/admin/roles", headers=admin, json={
            "name": "watch-only", "permissions": ["library.read", "playback"]})).json()
        created = await client.post("/api/v1/admin/users", headers=admin, json={
            "username": WATCHER, "email": "watcher@example.org", "password": PASSWORD,
            "role_ids": [role["id"]]})
        assert created.status_code == 201, created.text
    answer = await sign_in(client, WATCHER, PASSWORD)
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["AccessToken"]
    return token


async def _list(jellyfin: Jellyfin, token: str | None = None, **params: str) -> list[Any]:
    answer = await jellyfin.client.get("/Items", headers=jellyfin.headers(token), params={
        "IncludeItemTypes": "Movie", "Recursive": "true", "SortBy": "SortName", **params})
    assert answer.status_code == 200, answer.text
    items: list[Any] = answer.json()["Items"]
    return items


async def test_a_list_leaves_out_the_heavy_fields_unless_asked(jellyfin: Jellyfin) -> None:
    plain = await _list(jellyfin)
    assert [i["Name"] for i in plain] == ["Direct", "Transcoded"]
    for item in plain:
        assert not set(HEAVY) & item.keys(), item.keys()
    asked = await _list(jellyfin, Fields="MediaSources,Path,People,PrimaryImageAspectRatio")
    direct = asked[0]
    assert direct["Path"].endswith(".mp4") and direct["Path"].startswith("/")
    (source,) = direct["MediaSources"]
    assert source["Id"] and source["Path"] == direct["Path"]
    assert direct["People"] == []
    assert "Overview" not in direct and "MediaStreams" not in direct  # not asked
    again = await _list(jellyfin, Fields="Genres,Overview")
    assert again[0]["Genres"] == [] and "MediaSources" not in again[0]


async def test_unknown_fields_are_ignored_as_jellyfin_does(jellyfin: Jellyfin) -> None:
    items = await _list(jellyfin, Fields="NoSuchField,SortName")
    assert [i["Name"] for i in items] == ["Direct", "Transcoded"]


async def test_server_paths_only_for_those_who_manage_libraries(jellyfin: Jellyfin) -> None:
    token = await watcher_token(jellyfin)
    movie = item_id("Direct")
    admin_item = (await jellyfin.get(f"/Items/{movie}")).json()
    assert admin_item["Path"].startswith("/") and "/" in admin_item["Path"][1:]
    name = admin_item["Path"].rsplit("/", 1)[1]

    seen = await jellyfin.client.get(f"/Items/{movie}", headers=jellyfin.headers(token))
    assert seen.status_code == 200, seen.text
    assert seen.json()["Path"] == name
    assert [s["Path"] for s in seen.json()["MediaSources"]] == [name]
    listed = await _list(jellyfin, token, Fields="Path,MediaSources")
    assert listed[0]["Path"] == name and listed[0]["MediaSources"][0]["Path"] == name
    info = await jellyfin.client.post(f"/Items/{movie}/PlaybackInfo",
                                      headers=jellyfin.headers(token), json={})
    assert info.status_code == 200, info.text
    assert info.json()["MediaSources"][0]["Path"] == name
    assert admin_item["Path"] not in seen.text + info.text + str(listed)

    admin_info = (await jellyfin.post(f"/Items/{movie}/PlaybackInfo", json={})).json()
    assert admin_info["MediaSources"][0]["Path"] == admin_item["Path"]
