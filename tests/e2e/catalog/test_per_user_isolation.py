"""Acceptance: one user's progress, history, watchlist and ratings are invisible to
another, through the HTTP API of a real server."""

from __future__ import annotations

import httpx

from tests.e2e.catalog.conftest import new_movie, new_user
from tests.e2e.identity.conftest import Account


def test_what_alice_does_never_shows_up_for_bob(api: httpx.Client,
                                                catalog_admin: Account) -> None:
    alice, bob = new_user(api, catalog_admin), new_user(api, catalog_admin)
    watched, started = new_movie(api, catalog_admin), new_movie(api, catalog_admin)

    assert api.post(f"/movies/{watched['id']}/watched", headers=alice.auth).status_code == 200
    assert api.post(f"/movies/{started['id']}/progress", headers=alice.auth, json={
        "position_seconds": 1800, "duration_seconds": 7200}).status_code == 200
    assert api.put(f"/movies/{started['id']}/watchlist", headers=alice.auth).status_code == 204
    assert api.put(f"/movies/{started['id']}/rating", headers=alice.auth,
                   json={"rating": 8}).status_code == 204

    def mine(who: Account, path: str) -> list[str]:
        response = api.get(path, headers=who.auth)
        assert response.status_code == 200, response.text
        return [(i.get("movie") or i)["id"] for i in response.json()["items"]]

    assert mine(alice, "/movies/continue-watching") == [started["id"]]
    assert mine(alice, "/movies/watch-history") == [watched["id"]]
    assert mine(alice, "/movies/watchlist") == [started["id"]]
    for path in ("/movies/continue-watching", "/movies/watch-history", "/movies/watchlist"):
        assert mine(bob, path) == []

    bob_sees = api.get(f"/movies/{started['id']}", headers=bob.auth).json()["user"]
    alice_sees = api.get(f"/movies/{started['id']}", headers=alice.auth).json()["user"]
    assert bob_sees == {"watched": False, "play_count": 0, "progress_percent": None,
                        "on_watchlist": False, "rating": None}
    assert (alice_sees["progress_percent"], alice_sees["on_watchlist"],
            alice_sees["rating"]) == (25.0, True, 8)
    assert api.get(f"/movies/{started['id']}/progress", headers=bob.auth).json()[
        "position_seconds"] == 0
    assert api.get(f"/movies/{watched['id']}/progress", headers=bob.auth).json()[
        "completed"] is False


def test_per_user_filters_and_stats_count_only_the_callers_state(
        api: httpx.Client, catalog_admin: Account) -> None:
    alice, bob = new_user(api, catalog_admin), new_user(api, catalog_admin)
    movie = new_movie(api, catalog_admin, runtime_minutes=100)
    api.post(f"/movies/{movie['id']}/watched", headers=alice.auth)
    api.put(f"/movies/{movie['id']}/watchlist", headers=alice.auth)

    def ids(who: Account, query: str) -> list[str]:
        return [i["id"] for i in api.get(f"/movies?{query}&limit=200",
                                         headers=who.auth).json()["items"]]

    assert movie["id"] in ids(alice, "watched=true")
    assert movie["id"] not in ids(bob, "watched=true")
    assert movie["id"] in ids(bob, "watched=false")
    assert movie["id"] not in ids(bob, "on_watchlist=true")
    alice_stats = api.get("/movies/stats", headers=alice.auth).json()["user"]
    bob_stats = api.get("/movies/stats", headers=bob.auth).json()["user"]
    assert (alice_stats["watched_count"], alice_stats["watched_minutes"]) == (1, 100)
    assert (bob_stats["watched_count"], bob_stats["watchlist_count"]) == (0, 0)


def test_the_in_progress_filter_lists_my_resume_points_even_when_removed_from_the_row(
        api: httpx.Client, catalog_admin: Account) -> None:
    alice, bob = new_user(api, catalog_admin), new_user(api, catalog_admin)
    started, hidden = new_movie(api, catalog_admin), new_movie(api, catalog_admin)
    for movie in (started, hidden):
        assert api.post(f"/movies/{movie['id']}/progress", headers=alice.auth, json={
            "position_seconds": 1800, "duration_seconds": 7200}).status_code == 200
    removed = api.delete(f"/movies/{hidden['id']}/continue-watching", headers=alice.auth)
    assert removed.status_code in (200, 204), removed.text

    def ids(who: Account, query: str) -> set[str]:
        response = api.get(f"/movies?{query}&limit=200", headers=who.auth)
        assert response.status_code == 200, response.text
        return {i["id"] for i in response.json()["items"]}

    mine = {started["id"], hidden["id"]}
    assert mine <= ids(alice, "in_progress=true")
    assert not mine & ids(alice, "in_progress=false")
    assert not mine & ids(bob, "in_progress=true")
    refused = api.get("/movies?in_progress=maybe", headers=alice.auth)
    assert refused.status_code == 400 and "in_progress" in refused.text
