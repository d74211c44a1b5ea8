"""The Radarr URL and API key an admin gives: whatever is accepted can be sent by the HTTP
client; whatever it cannot send is refused naming the field."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from revenge.domain.errors import RuleViolation
from revenge.domain.radarr.settings import checked_api_key, checked_url

_URL_PARTS = st.sampled_from(["http://", "https://", "radarr", "[", "]", "::1", ":", "@",
                              "/", "999", ".", "1", "xn--", "\xdc", "\x00", " ", "?", "%"])


def _sendable(url: str) -> bool:
    try:
        httpx.Request("GET", f"{url}/api/v3/system/status")
    except httpx.InvalidURL:
        return False
    return True


@pytest.mark.parametrize("url", [
    "http://radarr:7878", "https://media.example.org/radarr/", "http://192.168.1.20:7878",
    "http://[::1]:7878", "http://user:secret@radarr:7878", "http://xn--bcher-kva.example",
])
def test_usual_radarr_urls_are_kept(url: str) -> None:
    assert checked_url(url) == url.rstrip("/")


@pytest.mark.parametrize("url", ["http://xn--999", "http://xn--xn--", "http://radarr.xn--z-",
                                 "http://radarr:0", "http://radarr:65536", "ftp://radarr"])
def test_urls_no_client_can_send_to_are_refused_naming_the_field(url: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        checked_url(url)
    assert refused.value.field == "url"


@given(st.lists(_URL_PARTS, max_size=8).map("".join) | st.text().map("http://".__add__))
def test_every_accepted_url_is_one_the_http_client_can_send_to(url: str) -> None:
    try:
        kept = checked_url(url)
    except RuleViolation as exc:
        assert exc.field == "url"
        return
    assert _sendable(kept)


@given(st.text())
def test_every_accepted_api_key_fits_in_a_header(api_key: str) -> None:
    try:
        kept = checked_api_key(api_key)
    except RuleViolation as exc:
        assert exc.field == "api_key"
        return
    assert httpx.Headers({"X-Api-Key": kept})["X-Api-Key"] == kept and " " not in kept
