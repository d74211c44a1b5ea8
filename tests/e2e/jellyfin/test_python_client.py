"""jellyfin-apiclient-python (the library behind the Kodi add-on and jellyfin-mpv-shim)
against a real server: connect, log in, browse, open, play, report, mark."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from jellyfin_apiclient_python import JellyfinClient
from jellyfin_apiclient_python.connection_manager import CONNECTION_STATE

from revenge.adapters.ffmpeg.tools import locate_tools
from tests.e2e.identity.conftest import PASSWORD
from tests.e2e.jellyfin.conftest import SEQUEL_TITLES, TITLES, JellyfinStack

pytestmark = pytest.mark.e2e

# What jellyfin-mpv-shim declares it plays directly (mpv plays anything; a narrow
# profile here makes the Matroska/HEVC clip take our HLS path).
PROFILE = {"Name": "e2e", "MaxStreamingBitrate": 20_000_000,
           "DirectPlayProfiles": [{"Type": "Video", "Container": "mp4",
                                   "VideoCodec": "h264", "AudioCodec": "aac"}],
           "TranscodingProfiles": [{"Type": "Video", "Container": "ts", "Protocol": "hls",
                                    "VideoCodec": "h264", "AudioCodec": "aac"}]}


@pytest.fixture(scope="module")
def client(jellyfin_stack: JellyfinStack) -> Iterator[JellyfinClient]:
    jellyfin = JellyfinClient()
    jellyfin.config.app("Revenge e2e", "0.1.0", "pytest box", "e2e-device-1")
    jellyfin.config.data["auth.ssl"] = False
    state = jellyfin.auth.connect_to_address(jellyfin_stack.server.base_url)
    assert state["State"] == CONNECTION_STATE["ServerSignIn"], state
    result = jellyfin.auth.login(jellyfin_stack.server.base_url, "root", PASSWORD)
    assert result.get("AccessToken"), result
    yield jellyfin
    jellyfin.stop()


def movies(client: JellyfinClient, **params: Any) -> dict[str, Any]:
    answer: dict[str, Any] = client.jellyfin.user_items(params={
        "IncludeItemTypes": "Movie", "Recursive": "true", **params})
    return answer


def names(client: JellyfinClient, **params: Any) -> list[str]:
    return [item["Name"] for item in movies(client, **params)["Items"]]


def by_name(client: JellyfinClient, name: str) -> dict[str, Any]:
    return next(i for i in movies(client)["Items"] if i["Name"] == name)


def test_the_login_is_a_session_named_after_the_app(client: JellyfinClient,
                                                    jellyfin_stack: JellyfinStack) -> None:
    with jellyfin_stack.api() as api:
        sessions = api.get("/users/me/sessions", headers=jellyfin_stack.admin.auth).json()
    assert any(s["user_agent"] == "Revenge e2e 0.1.0 on pytest box" for s in sessions["items"])


@pytest.fixture(scope="module")
def views(client: JellyfinClient) -> dict[str, str]:
    """View name -> id."""
    return {v["Name"]: v["Id"] for v in client.jellyfin.get_views()["Items"]}


def test_each_library_is_a_movies_view_holding_only_its_movies(
        client: JellyfinClient, views: dict[str, str], jellyfin_stack: JellyfinStack) -> None:
    listed = client.jellyfin.get_views()["Items"]
    assert sorted((v["Name"], v["CollectionType"]) for v in listed) == [
        ("Movies", "movies"), ("Sequels", "movies")]
    assert sorted(names(client, ParentId=views["Movies"])) == sorted(TITLES)
    assert names(client, ParentId=views["Sequels"]) == list(SEQUEL_TITLES)
    assert movies(client, ParentId=views["Movies"])["TotalRecordCount"] == len(TITLES)
    assert sorted(names(client)) == sorted(TITLES + SEQUEL_TITLES)  # no parent: all
    latest = client.jellyfin.get_recently_added(parent_id=views["Sequels"])
    assert [i["Name"] for i in latest] == list(SEQUEL_TITLES)
    # /api/v1 filters by the same library: the view's id is the library's.
    with jellyfin_stack.api() as api:
        for name, titles in (("Movies", TITLES), ("Sequels", SEQUEL_TITLES)):
            listed_v1 = api.get("/movies", headers=jellyfin_stack.admin.auth, params={
                "library_id": jellyfin_stack.libraries[name]}).json()["items"]
            assert sorted(m["title"] for m in listed_v1) == sorted(titles)
            assert views[name] == jellyfin_stack.libraries[name].replace("-", "")
        bad = api.get("/movies", headers=jellyfin_stack.admin.auth,
                      params={"library_id": "nope"})
        assert bad.status_code == 400 and "library_id" in bad.text


def test_a_list_carries_overview_and_genres_only_when_asked(client: JellyfinClient) -> None:
    plain = by_name(client, "The Matrix")
    assert "Overview" not in plain and "Genres" not in plain and "MediaSources" not in plain
    asked = next(i for i in movies(client, Fields="Overview,Genres,MediaSources")["Items"]
                 if i["Name"] == "The Matrix")
    assert asked["Overview"] and "Science Fiction" in asked["Genres"]
    assert asked["MediaSources"][0]["Container"] == "mkv"


def test_the_trailer_and_featurette_are_alien_s_extras(client: JellyfinClient) -> None:
    alien = client.jellyfin.get_item(by_name(client, "Alien")["Id"])
    assert (alien["LocalTrailerCount"], alien["SpecialFeatureCount"]) == (1, 1)
    (trailer,) = client.jellyfin.get_local_trailers(alien["Id"])
    assert trailer["ExtraType"] == "Trailer" and trailer["ParentId"] == alien["Id"]
    (feature,) = client.jellyfin.user_items(f"/{alien['Id']}/SpecialFeatures")
    assert (feature["Name"], feature["ExtraType"]) == ("Making Alien", "Featurette")
    info = client.jellyfin.get_play_info(trailer["Id"], PROFILE)
    source = info["MediaSources"][0]
    assert source["Id"] == trailer["Id"] and source["SupportsDirectPlay"] is True
    url = client.jellyfin.video_url(trailer["Id"], source["Id"]) + \
        f"&PlaySessionId={info['PlaySessionId']}"
    part = httpx.get(url, headers={"Range": "bytes=0-99"}, timeout=30)
    assert part.status_code == 206 and len(part.content) == 100


@pytest.mark.parametrize(("sort", "order", "expected"), [
    ("SortName", "Ascending", ["Alien", "Inception", "The Matrix"]),
    ("SortName", "Descending", ["The Matrix", "Inception", "Alien"]),
    ("ProductionYear,SortName", "Ascending", ["Alien", "The Matrix", "Inception"]),
    ("PremiereDate", "Descending", ["Inception", "The Matrix", "Alien"]),
    ("CommunityRating", "Descending", None),
    ("DateCreated", "Descending", None),
    ("Runtime", "Ascending", None),
])
def test_each_sort_pages_through_every_movie_once(client: JellyfinClient,
                                                  views: dict[str, str], sort: str,
                                                  order: str, expected: list[str] | None
                                                  ) -> None:
    paged = [name for start in range(len(TITLES))
             for name in names(client, SortBy=sort, SortOrder=order, StartIndex=start,
                               Limit=1, ParentId=views["Movies"])]
    assert sorted(paged) == sorted(TITLES)
    if expected is not None:
        assert paged == expected


def test_filters_search_genres_and_years(client: JellyfinClient) -> None:
    assert names(client, SearchTerm="matrix") == ["The Matrix"]
    assert names(client, Years="1979") == ["Alien"]
    assert names(client, Years="1999,2000,2001,2002,2003,2004,2005,2006,2007,2008,2009,"
                              "2010", SortBy="ProductionYear") == ["The Matrix", "Inception"]
    genres = [g["Name"] for g in client.jellyfin.get_genres()["Items"]]
    assert "Science Fiction" in genres
    assert "The Matrix" in names(client, Genres="Science Fiction")


def test_played_unplayed_and_favourite(client: JellyfinClient) -> None:
    alien = by_name(client, "Alien")["Id"]
    client.jellyfin.item_played(alien, True)
    assert names(client, Filters="IsPlayed") == ["Alien"]
    assert "Alien" not in names(client, Filters="IsUnplayed")
    client.jellyfin.item_played(alien, False)
    assert names(client, Filters="IsPlayed") == []
    client.jellyfin.favorite(alien, True)
    assert names(client, Filters="IsFavorite") == ["Alien"]
    assert client.jellyfin.get_item(alien)["UserData"]["IsFavorite"] is True
    client.jellyfin.favorite(alien, False)
    assert names(client, Filters="IsFavorite") == []


def test_an_item_opens_with_its_details_cast_and_poster(client: JellyfinClient) -> None:
    matrix = client.jellyfin.get_item(by_name(client, "The Matrix")["Id"])
    assert matrix["ProductionYear"] == 1999 and matrix["ProviderIds"]["Tmdb"] == "603"
    assert "Keanu Reeves" in [p["Name"] for p in matrix["People"]]
    assert matrix["MediaSources"][0]["Container"] == "mkv"
    assert matrix["ImageTags"]["Primary"]
    url = client.jellyfin.artwork(matrix["Id"], "Primary", 300)
    image = httpx.get(url, timeout=30)
    assert image.status_code == 200 and image.headers["content-type"].startswith("image/")
    similar = client.jellyfin.get_similar(matrix["Id"])["Items"]
    assert matrix["Id"] not in [i["Id"] for i in similar]


def test_direct_play_streams_the_file_with_a_range(client: JellyfinClient) -> None:
    alien = by_name(client, "Alien")["Id"]
    info = client.jellyfin.get_play_info(alien, PROFILE)
    source = info["MediaSources"][0]
    assert source["SupportsDirectPlay"] is True
    url = client.jellyfin.video_url(alien, source["Id"]) + f"&PlaySessionId={info['PlaySessionId']}"
    part = httpx.get(url, headers={"Range": "bytes=100-1099"}, timeout=30)
    assert part.status_code == 206 and len(part.content) == 1000
    assert part.headers["content-range"] == f"bytes 100-1099/{source['Size']}"


def test_hls_from_the_url_the_client_builds_decodes_to_the_end(
        client: JellyfinClient, jellyfin_stack: JellyfinStack) -> None:
    matrix = by_name(client, "The Matrix")["Id"]
    info = client.jellyfin.get_play_info(matrix, PROFILE)
    source = info["MediaSources"][0]
    assert source["SupportsDirectPlay"] is False and source["TranscodingUrl"]
    url = jellyfin_stack.server.base_url + source["TranscodingUrl"]
    ffmpeg = locate_tools(None).ffmpeg
    decoded = subprocess.run([ffmpeg, "-nostdin", "-v", "error", "-stats", "-i", url,
                              "-f", "null", "-"], capture_output=True, text=True, timeout=180)
    assert decoded.returncode == 0, decoded.stderr
    times = re.findall(r"time=(\d+):(\d+):(\d+\.\d+)", decoded.stderr)
    hours, minutes, seconds = times[-1]
    assert int(hours) * 3600 + int(minutes) * 60 + float(seconds) >= 5.5  # a 6 s clip


def test_reported_playback_becomes_our_progress_and_continue_watching(
        client: JellyfinClient, jellyfin_stack: JellyfinStack) -> None:
    inception = by_name(client, "Inception")
    info = client.jellyfin.get_play_info(inception["Id"], PROFILE)
    report = {"ItemId": inception["Id"], "PlaySessionId": info["PlaySessionId"],
              "MediaSourceId": info["MediaSources"][0]["Id"], "PositionTicks": 0,
              "CanSeek": True, "IsPaused": False}
    client.jellyfin.session_playing(report)
    client.jellyfin.session_progress({**report, "PositionTicks": 1 * 10**7})
    client.jellyfin.session_stop({**report, "PositionTicks": 2 * 10**7})
    movie_id = jellyfin_stack.movies["Inception"]["id"]
    with jellyfin_stack.api() as api:
        auth = jellyfin_stack.admin.auth
        progress = api.get(f"/movies/{movie_id}/progress", headers=auth).json()
        watching = api.get("/movies/continue-watching", headers=auth).json()["items"]
    assert progress["position_seconds"] == 2.0 and progress["in_progress"] is True
    assert [w["movie"]["id"] for w in watching] == [movie_id]
    resume = client.jellyfin.get_resume_items()["Items"]
    assert [i["Id"] for i in resume] == [inception["Id"]]
    assert resume[0]["UserData"]["PlaybackPositionTicks"] == 2 * 10**7
