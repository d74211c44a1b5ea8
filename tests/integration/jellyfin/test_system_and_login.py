"""System information and logging in from a Jellyfin app."""

from __future__ import annotations

from tests.integration.jellyfin.conftest import APP, Jellyfin, sign_in
from tests.integration.playback.live import PASSWORD


async def test_public_system_info_names_the_server_without_a_login(jellyfin: Jellyfin) -> None:
    for path in ("/System/Info/Public", "/system/info/public", "/jellyfin/System/Info/Public"):
        answer = await jellyfin.client.get(path)
        assert answer.status_code == 200, path
        info = answer.json()
        assert info["ProductName"] == "Jellyfin Server" and info["Version"].startswith("10.10")
        assert len(info["Id"]) == 32 and info["StartupWizardCompleted"] is True


async def test_a_login_answers_jellyfins_authentication_result(jellyfin: Jellyfin) -> None:
    answer = await sign_in(jellyfin.client, "root", PASSWORD)
    body = answer.json()
    assert set(body) == {"User", "SessionInfo", "AccessToken", "ServerId"}
    assert body["User"]["Name"] == "root" and body["User"]["Policy"]["IsAdministrator"]
    assert body["SessionInfo"]["DeviceName"] == "Test Box"
    assert body["SessionInfo"]["Client"] == "Test App"


async def test_a_login_is_a_session_named_after_the_app_and_device(jellyfin: Jellyfin) -> None:
    sessions = await jellyfin.client.get("/api/v1/users/me/sessions",
                                         headers=jellyfin.live.admin)
    agents = [s["user_agent"] for s in sessions.json()["items"]]
    assert "Test App 1.2.3 on Test Box" in agents


async def test_a_wrong_password_is_refused_with_401(jellyfin: Jellyfin) -> None:
    answer = await sign_in(jellyfin.client, "root", "not the password at all")
    assert answer.status_code == 401


async def test_the_token_works_in_every_header_apps_use(jellyfin: Jellyfin) -> None:
    token = jellyfin.token
    for headers, params in (
            ({"Authorization": f'{APP}, Token="{token}"'}, {}),
            ({"X-Emby-Authorization": f'{APP}, Token="{token}"'}, {}),
            ({"X-Emby-Token": token}, {}), ({"X-MediaBrowser-Token": token}, {}),
            ({}, {"api_key": token}), ({}, {"ApiKey": token})):
        answer = await jellyfin.client.get("/Users/Me", headers=headers, params=params)
        assert answer.status_code == 200, (headers, params, answer.text)
        assert answer.json()["Id"] == jellyfin.user_id


async def test_without_a_token_the_user_is_unknown(jellyfin: Jellyfin) -> None:
    assert (await jellyfin.client.get("/Users/Me")).status_code == 401
    bad = await jellyfin.client.get("/Users/Me", headers={"X-Emby-Token": "rvr_nope"})
    assert bad.status_code == 401


async def test_an_unknown_endpoint_is_a_404_naming_the_path(jellyfin: Jellyfin) -> None:
    answer = await jellyfin.get("/LiveTv/Channels")
    assert answer.status_code == 404
    assert "/LiveTv/Channels" in answer.json()["detail"]


async def test_quick_connect_is_off_and_branding_is_plain(jellyfin: Jellyfin) -> None:
    assert (await jellyfin.client.get("/QuickConnect/Enabled")).json() is False
    branding = (await jellyfin.client.get("/Branding/Configuration")).json()
    assert branding == {"LoginDisclaimer": "", "CustomCss": "", "SplashscreenEnabled": False}
