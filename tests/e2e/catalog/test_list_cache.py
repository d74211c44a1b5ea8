"""Acceptance: list pages are cached per user in the server process, yet nobody sees a
page from before a change: their own changes show at once, changes by other users,
by other processes or straight in PostgreSQL as soon as its notification arrives."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import psycopg

from tests.e2e.catalog.conftest import new_movie, new_user
from tests.e2e.conftest import LiveServer
from tests.e2e.identity.conftest import Account

NOTIFIED_WITHIN_SECONDS = 3.0


def listed(api: httpx.Client, who: Account, movie_id: str,
           path: str = "/movies?limit=200&sort=-added") -> dict[str, Any] | None:
    response = api.get(path, headers=who.auth)
    assert response.status_code == 200, response.text
    items = [item.get("movie", item) for item in response.json()["items"]]
    return next((item for item in items if item["id"] == movie_id), None)


def eventually(check: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + NOTIFIED_WITHIN_SECONDS
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def test_my_own_change_shows_in_my_next_list_at_once(api: httpx.Client,
                                                     catalog_admin: Account) -> None:
    alice, movie = new_user(api, catalog_admin), new_movie(api, catalog_admin)
    assert listed(api, alice, movie["id"])["user"]["watched"] is False  # type: ignore[index]
    assert api.post(f"/movies/{movie['id']}/watched", headers=alice.auth).status_code == 200
    assert listed(api, alice, movie["id"])["user"]["watched"] is True  # type: ignore[index]
    assert api.put(f"/movies/{movie['id']}/watchlist", headers=alice.auth).status_code == 204
    assert listed(api, alice, movie["id"])["user"]["on_watchlist"] is True  # type: ignore[index]


def test_an_admins_edit_reaches_other_users_lists(api: httpx.Client,
                                                  catalog_admin: Account) -> None:
    alice, movie = new_user(api, catalog_admin), new_movie(api, catalog_admin)
    assert listed(api, alice, movie["id"]) is not None
    response = api.patch(f"/movies/{movie['id']}", headers=catalog_admin.auth,
                         json={"title": "Renamed By The Admin"})
    assert response.status_code == 200, response.text
    assert eventually(lambda: listed(api, alice, movie["id"])["title"]  # type: ignore[index]
                      == "Renamed By The Admin")


def test_changes_made_outside_this_process_arrive_by_notification(
        api: httpx.Client, catalog_admin: Account, live_server: LiveServer) -> None:
    alice, movie = new_user(api, catalog_admin), new_movie(api, catalog_admin)
    assert listed(api, alice, movie["id"]) is not None
    assert listed(api, alice, movie["id"], "/movies/continue-watching") is None
    with psycopg.connect(live_server.database_url, autocommit=True) as conn:
        conn.execute("UPDATE movies SET title = 'Renamed By A Worker' WHERE id = %s",
                     (movie["id"],))
        conn.execute("INSERT INTO watch_state (user_id, movie_id, position_seconds, "
                     "duration_seconds, in_progress, last_played_at, updated_at) "
                     "VALUES (%s, %s, 1800, 7200, true, now(), now())", (alice.id, movie["id"]))
    assert eventually(lambda: listed(api, alice, movie["id"])["title"]  # type: ignore[index]
                      == "Renamed By A Worker")
    assert eventually(lambda: listed(api, alice, movie["id"],
                                     "/movies/continue-watching") is not None)


def test_pages_are_really_served_from_the_cache(api: httpx.Client, catalog_admin: Account,
                                                live_server: LiveServer) -> None:
    """What makes the tests above mean something: a change that sends no notification
    (triggers off for one session) is not seen while the cached page stands."""
    alice, movie = new_user(api, catalog_admin), new_movie(api, catalog_admin)
    time.sleep(1.0)  # the creation's own notification lands before the page is cached
    path = f"/movies?limit=200&sort=-added&q={movie['title']}"
    assert listed(api, alice, movie["id"], path)["title"] == movie["title"]  # type: ignore[index]
    with psycopg.connect(live_server.database_url, autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")  # no triggers fire
        conn.execute("UPDATE movies SET year = 1901 WHERE id = %s", (movie["id"],))
    time.sleep(0.5)
    assert listed(api, alice, movie["id"], path)["year"] != 1901  # type: ignore[index]
