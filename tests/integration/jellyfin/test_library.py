"""Browsing from a Jellyfin app: views, item lists, one item, my state on items."""

from __future__ import annotations

from tests.integration.jellyfin.conftest import Jellyfin, item_id


async def test_items_lists_the_movies_with_positions_and_totals(jellyfin: Jellyfin) -> None:
    first = (await jellyfin.get("/Items", IncludeItemTypes="Movie", Recursive="true",
                                SortBy="SortName", Limit="1")).json()
    second = (await jellyfin.get(f"/Users/{jellyfin.user_id}/Items", IncludeItemTypes="Movie",
                                 Recursive="true", SortBy="SortName", StartIndex="1",
                                 Limit="1")).json()
    assert [i["Name"] for i in first["Items"] + second["Items"]] == ["Direct", "Transcoded"]
    assert first["TotalRecordCount"] == second["TotalRecordCount"] == 2
    assert second["StartIndex"] == 1
    movie = first["Items"][0]
    assert movie["Type"] == "Movie" and movie["Id"] == item_id("Direct")
    assert movie["UserData"]["Played"] is False and movie["IsFolder"] is False


async def test_descending_order_reverses_the_list(jellyfin: Jellyfin) -> None:
    answer = (await jellyfin.get("/Items", IncludeItemTypes="Movie", Recursive="true",
                                 SortBy="SortName", SortOrder="Descending")).json()
    assert [i["Name"] for i in answer["Items"]] == ["Transcoded", "Direct"]


async def test_kinds_we_do_not_have_are_an_empty_list(jellyfin: Jellyfin) -> None:
    answer = (await jellyfin.get("/Items", IncludeItemTypes="Series", Recursive="true")).json()
    assert answer == {"Items": [], "TotalRecordCount": 0, "StartIndex": 0}
    next_up = (await jellyfin.get("/Shows/NextUp")).json()
    assert next_up["Items"] == []


async def test_a_movie_item_has_its_media_source_and_streams(jellyfin: Jellyfin) -> None:
    movie = (await jellyfin.get(f"/Users/{jellyfin.user_id}/Items/{item_id('Direct')}")).json()
    assert movie["Name"] == "Direct" and movie["Type"] == "Movie"
    (source,) = movie["MediaSources"]
    assert source["Protocol"] == "File" and source["SupportsDirectPlay"] is True


async def test_marking_played_and_favourite_shows_in_user_data_and_filters(
        jellyfin: Jellyfin) -> None:
    movie = item_id("Direct")
    played = await jellyfin.post(f"/Users/{jellyfin.user_id}/PlayedItems/{movie}")
    assert played.status_code == 200 and played.json()["Played"] is True
    favourite = await jellyfin.post(f"/UserFavoriteItems/{movie}")
    assert favourite.json()["IsFavorite"] is True
    names = await _names(jellyfin, Filters="IsPlayed")
    assert names == ["Direct"]
    assert await _names(jellyfin, Filters="IsFavorite") == ["Direct"]
    assert await _names(jellyfin, Filters="IsUnplayed") == ["Transcoded"]
    unplayed = await jellyfin.client.delete(f"/UserPlayedItems/{movie}",
                                            headers=jellyfin.headers())
    assert unplayed.json()["Played"] is False
    await jellyfin.client.delete(f"/Users/{jellyfin.user_id}/FavoriteItems/{movie}",
                                 headers=jellyfin.headers())
    assert await _names(jellyfin, Filters="IsFavorite") == []


async def test_another_users_path_is_an_unknown_user(jellyfin: Jellyfin) -> None:
    other = "0" * 32
    for path in (f"/Users/{other}/Items", f"/Users/{other}/Views",
                 f"/Users/{other}/Items/{item_id('Direct')}", f"/Users/{other}/Items/Resume"):
        answer = await jellyfin.get(path)
        assert answer.status_code == 404, path


async def test_malformed_list_parameters_are_a_400_naming_them(jellyfin: Jellyfin) -> None:
    for params, field in (({"Limit": "ten"}, "Limit"), ({"StartIndex": "-1"}, "StartIndex"),
                          ({"Years": "1999,2005"}, "Years"), ({"Years": "²"}, "Years"),
                          ({"Filters": "IsPlayed,IsUnplayed"}, "Filters")):
        answer = await jellyfin.get("/Items", Recursive="true", **params)
        assert answer.status_code == 400, (params, answer.text)
        assert answer.json()["errors"][0]["field"] == field


async def _names(jellyfin: Jellyfin, **params: str) -> list[str]:
    answer = await jellyfin.get("/Items", IncludeItemTypes="Movie", Recursive="true", **params)
    return [i["Name"] for i in answer.json()["Items"]]


async def test_a_list_shows_my_change_at_once_though_its_page_was_cached(
        jellyfin: Jellyfin) -> None:
    async def direct_played() -> bool:
        answer = await jellyfin.get("/Items", IncludeItemTypes="Movie", Recursive="true",
                                    SortBy="SortName")
        return bool(answer.json()["Items"][0]["UserData"]["Played"])

    assert await direct_played() is False
    assert await direct_played() is False  # the same page again (cached, mapped once)
    await jellyfin.post(f"/UserPlayedItems/{item_id('Direct')}")
    assert await direct_played() is True
    await jellyfin.client.delete(f"/UserPlayedItems/{item_id('Direct')}",
                                 headers=jellyfin.headers())
    assert await direct_played() is False
