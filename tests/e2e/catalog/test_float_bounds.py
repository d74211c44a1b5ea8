"""Issue 20, finding 15: a denormal `duration_seconds` (5e-324) was accepted and then
broke that user's /movies/stats with a 500 (PostgreSQL underflows dividing it); a
denormal position failed the write itself. Every float the API takes is bounded: times
are kept to the millisecond, limits refuse what no player sends."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.catalog.conftest import new_movie, new_user
from tests.e2e.identity.conftest import Account

DENORMAL = 5e-324


def test_a_denormal_duration_is_refused_naming_it(api: httpx.Client,
                                                 catalog_admin: Account) -> None:
    user, movie = new_user(api, catalog_admin), new_movie(api, catalog_admin)
    response = api.post(f"/movies/{movie['id']}/progress", headers=user.auth,
                        json={"position_seconds": 0, "duration_seconds": DENORMAL})
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["field"] == "duration_seconds"
    assert api.get("/movies/stats", headers=user.auth).status_code == 200


def test_a_denormal_position_is_kept_as_zero_and_stats_still_answer(
        api: httpx.Client, catalog_admin: Account) -> None:
    user, movie = new_user(api, catalog_admin), new_movie(api, catalog_admin)
    response = api.post(f"/movies/{movie['id']}/progress", headers=user.auth,
                        json={"position_seconds": DENORMAL, "duration_seconds": 7200})
    assert response.status_code == 200, response.text
    assert response.json()["percent"] == 0
    assert api.get("/movies/stats", headers=user.auth).status_code == 200


@pytest.mark.parametrize(("path", "field"), [
    ("/search?min_rating=1e400", "min_rating"),
    ("/movies?min_rating=-1e-320", "min_rating"),
])
def test_an_unbounded_float_in_a_query_is_a_400(api: httpx.Client, catalog_admin: Account,
                                                path: str, field: str) -> None:
    response = api.get(path, headers=catalog_admin.auth)
    assert response.status_code == 400, response.text
    assert field in [e["field"] for e in response.json()["errors"]]


def test_a_popularity_beyond_any_real_one_is_a_400(api: httpx.Client,
                                                  catalog_admin: Account) -> None:
    response = api.post("/movies", headers=catalog_admin.auth,
                        json={"title": "Huge", "popularity": 1e300})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "popularity"
