"""`/DisplayPreferences/{id}`: what an app posts is what it reads back, per user and app."""

from __future__ import annotations

from tests.integration.jellyfin.conftest import Jellyfin
from tests.integration.jellyfin.test_permissions import viewer_token

VIEW = "f137a2dd21bbc1b99aa5c0f6bf02a805"


async def test_posted_preferences_read_back_for_that_app_only(jellyfin: Jellyfin) -> None:
    fresh = (await jellyfin.get(f"/DisplayPreferences/{VIEW}", client="tv-app")).json()
    assert fresh["SortBy"] == "SortName" and fresh["CustomPrefs"] == {}
    assert fresh["Id"] == VIEW and fresh["Client"] == "tv-app"
    posted = {**fresh, "SortBy": "ProductionYear", "SortOrder": "Descending",
              "ViewType": "Poster", "CustomPrefs": {"landing-movies": "favorites"},
              "Unknown": {"kept": False}}
    saved = await jellyfin.post(f"/DisplayPreferences/{VIEW}", json=posted,
                                client="tv-app", userId=jellyfin.user_id)
    assert saved.status_code == 204, saved.text
    read = (await jellyfin.get(f"/DisplayPreferences/{VIEW}", client="tv-app",
                               userId=jellyfin.user_id)).json()
    assert {k: read[k] for k in ("SortBy", "SortOrder", "ViewType", "CustomPrefs")} == {
        "SortBy": "ProductionYear", "SortOrder": "Descending", "ViewType": "Poster",
        "CustomPrefs": {"landing-movies": "favorites"}}
    assert "Unknown" not in read
    other_app = (await jellyfin.get(f"/DisplayPreferences/{VIEW}", client="web")).json()
    assert other_app["SortBy"] == "SortName"
    token = await viewer_token(jellyfin)
    other_user = await jellyfin.client.get(f"/DisplayPreferences/{VIEW}",
                                           headers=jellyfin.headers(token),
                                           params={"client": "tv-app"})
    assert other_user.json()["SortBy"] == "SortName"


async def test_bad_preferences_are_a_422_naming_the_field(jellyfin: Jellyfin) -> None:
    for body, field in (({"SortOrder": "Sideways"}, "SortOrder"),
                        ({"PrimaryImageHeight": "tall"}, "PrimaryImageHeight"),
                        ({"CustomPrefs": {"a": 1}}, "CustomPrefs"), ([1], "body")):
        answer = await jellyfin.post(f"/DisplayPreferences/{VIEW}", json=body, client="x")
        assert answer.status_code == 422, answer.text
        assert field in answer.text
    another = await jellyfin.get(f"/DisplayPreferences/{VIEW}",
                                 userId="0" * 32, client="x")
    assert another.status_code == 404
