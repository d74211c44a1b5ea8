"""Pure pieces of the Jellyfin API: ids, the app header, query lists, mapped pages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from revenge.application.catalog.read_models import MovieListItem, Page, UserMovieState
from revenge.domain.errors import NotFound
from revenge.entrypoints.http.jellyfin.auth import _parse
from revenge.entrypoints.http.jellyfin.ids import jf_id, our_id, ticks
from revenge.entrypoints.http.jellyfin.mapped_pages import MappedPages
from revenge.entrypoints.http.jellyfin.mapping import list_movie
from revenge.entrypoints.http.jellyfin.subtitles import as_srt

pytestmark = pytest.mark.unit
UUID = "01a24e53-bde1-71c1-98c1-537674b5e1cf"


def test_ids_travel_without_dashes_and_come_back_with_them() -> None:
    assert jf_id(UUID) == "01a24e53bde171c198c1537674b5e1cf"
    assert our_id(jf_id(UUID)) == UUID and our_id(UUID) == UUID


@pytest.mark.parametrize("bad", ["", "..%2Fetc", "²" * 32, "0" * 31, "a\x00b", "x" * 5000])
def test_anything_but_a_guid_is_an_unknown_item(bad: str) -> None:
    with pytest.raises(NotFound):
        our_id(bad)


def test_ticks_are_hundreds_of_nanoseconds() -> None:
    assert ticks(1.5) == 15_000_000 and ticks(None) is None


def test_the_mediabrowser_header_is_read_quoted_or_bare_and_url_decoded() -> None:
    header = _parse('Client="Jellyfin%20Web", Device="Firefox", DeviceId="abc", '
                    'Version="10.10.7", Token="rvr_x-y_z"')
    assert (header.client, header.device, header.device_id, header.version, header.token) == (
        "Jellyfin Web", "Firefox", "abc", "10.10.7", "rvr_x-y_z")
    assert _parse("Client=Kodi, Token=abc").token == "abc"
    assert header.describe() == "Jellyfin Web 10.10.7 on Firefox"


def test_webvtt_becomes_numbered_subrip() -> None:
    vtt = b"WEBVTT\n\n00:01.500 --> 00:02.000\nHi\n\n01:00:00.000 --> 01:00:01.250\nBye\n"
    assert as_srt(vtt) == (b"1\n00:00:01,500 --> 00:00:02,000\nHi\n\n"
                           b"2\n01:00:00,000 --> 01:00:01,250\nBye\n")


def _page(title: str) -> Page[MovieListItem]:
    movie = MovieListItem(id=UUID, title=title, year=None, runtime_minutes=None,
                          poster_path=None, vote_average=None, popularity=None,
                          added_at=datetime(2026, 1, 1, tzinfo=UTC), missing=False,
                          user=UserMovieState())
    return Page([movie], None, 1)


def test_a_page_object_is_mapped_once_and_a_new_page_anew() -> None:
    pages = MappedPages(size=2)
    first = _page("Alien")
    mapped = pages.items(first, "server", list_movie)
    assert pages.items(first, "server", list_movie) is mapped
    changed = _page("Aliens")  # what the page cache hands out after a change
    assert pages.items(changed, "server", list_movie)[0].name == "Aliens"


def test_a_list_item_leaves_out_what_it_lacks() -> None:
    import msgspec

    encoded = msgspec.json.decode(msgspec.json.encode(list_movie(_page("X").items[0], "s")))
    assert "ProductionYear" not in encoded and "RunTimeTicks" not in encoded
    assert encoded["UserData"]["Played"] is False and encoded["ImageTags"] == {}


def test_the_shapes_of_one_page_are_kept_apart() -> None:
    pages = MappedPages(size=4)
    page = _page("Alien")
    plain = pages.items(page, "server", list_movie)
    assert pages.get(page, frozenset({"overview"})) is None
    pages.put(page, [], frozenset({"overview"}))
    assert pages.get(page, frozenset({"overview"})) == []
    assert pages.get(page) is plain
    assert pages.get(_page("Alien"), frozenset({"overview"})) is None  # another page object
