"""What the Jellyfin routes refuse: other people's state, NUL, traversal."""

from __future__ import annotations

from tests.integration.jellyfin.conftest import Jellyfin, item_id, sign_in
from tests.integration.playback.live import PASSWORD

VIEWER = "viewer"


async def viewer_token(jellyfin: Jellyfin) -> str:
    """A user whose role reads the library but may not play (created once)."""
    admin, client = jellyfin.live.admin, jellyfin.client
    roles = (await client.get("/api/v1/admin/roles", headers=admin)).json()
    role = next((r for r in roles["items"] if r["name"] == "browse-only"), None)
    if role is None:
        role = (await client.post("/api/v1/admin/roles", headers=admin, json={
            "name": "browse-only", "permissions": ["library.read"]})).json()
        created = await client.post("/api/v1/admin/users", headers=admin, json={
            "username": VIEWER, "email": "viewer@example.org", "password": PASSWORD,
            "role_ids": [role["id"]]})
        assert created.status_code == 201, created.text
    answer = await sign_in(client, VIEWER, PASSWORD)
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["AccessToken"]
    return token


async def test_another_users_played_state_never_shows(jellyfin: Jellyfin) -> None:
    token = await viewer_token(jellyfin)
    movie = item_id("Transcoded")
    await jellyfin.post(f"/UserPlayedItems/{movie}")
    await jellyfin.post(f"/UserFavoriteItems/{movie}")
    seen = await jellyfin.client.get(f"/Items/{movie}", headers=jellyfin.headers(token))
    assert seen.json()["UserData"]["Played"] is False
    assert seen.json()["UserData"]["IsFavorite"] is False
    mine = await jellyfin.get(f"/Items/{movie}")
    assert mine.json()["UserData"]["Played"] is True


async def test_nul_in_a_path_or_query_is_a_400(jellyfin: Jellyfin) -> None:
    for path, params in ((f"/Items/{item_id('Direct')}%00", {}),
                         ("/Items", {"SearchTerm": "a\x00b"}),
                         (f"/Videos/{item_id('Direct')}/stream", {"MediaSourceId": "\x00"})):
        answer = await jellyfin.get(path, **params)
        assert answer.status_code == 400, (path, params, answer.text)


async def test_traversal_in_ids_and_image_types_finds_nothing(jellyfin: Jellyfin) -> None:
    movie = item_id("Direct")
    for path in ("/Items/..%2F..%2Fetc%2Fpasswd", f"/Items/{movie}/Images/..%2F..%2Fpasswd",
                 f"/Videos/{movie}/..%2Fsecret/hls/main/index.m3u8",
                 f"/Videos/{movie}/{movie}/Subtitles/..%2F1/Stream.vtt"):
        answer = await jellyfin.get(path)
        assert answer.status_code in (400, 401, 404), (path, answer.status_code)
        assert answer.headers["content-type"].startswith("application/")
