"""Client profiles: browser defaults and a closed vocabulary (CVE-2023-49096 class)."""

from __future__ import annotations

import pytest

from revenge.domain.errors import RuleViolation
from revenge.domain.playback.profiles import BROWSER, client_profile


def test_no_declaration_means_browser_defaults() -> None:
    assert client_profile(None) == BROWSER
    assert BROWSER.containers == {"mp4", "webm"} and BROWSER.video_codecs == {"h264"}
    assert BROWSER.audio_codecs == {"aac", "mp3", "opus"}


def test_declared_codecs_are_taken_case_insensitively() -> None:
    profile = client_profile({"video_codecs": ["H264", "VP9", "av1"], "max_height": 720})
    assert profile.video_codecs == {"h264", "vp9", "av1"} and profile.max_height == 720
    assert profile.audio_codecs == BROWSER.audio_codecs


@pytest.mark.parametrize("hostile", [
    "h264 -f lavfi -i anullsrc",
    "copy -y /etc/passwd",
    "-vf",
    "libx264;rm -rf /",
    "h264\n-i http://evil",
    "aac,$(id)",
])
def test_a_codec_that_is_not_a_known_name_is_refused(hostile: str) -> None:
    with pytest.raises(RuleViolation) as raised:
        client_profile({"video_codecs": [hostile]})
    assert raised.value.field == "profile.video_codecs"


@pytest.mark.parametrize(("declaration", "field"), [
    ({"audio_codecs": "aac"}, "profile.audio_codecs"),
    ({"containers": ["mkv -y"]}, "profile.containers"),
    ({"max_bitrate": -1}, "profile.max_bitrate"),
    ({"max_width": "1920"}, "profile.max_width"),
    ({"preferred_language": "en-x -y"}, "profile.preferred_language"),
    ({"transcode_args": ["-y"]}, "profile.transcode_args"),
])
def test_malformed_declarations_name_the_field(declaration: dict, field: str) -> None:
    with pytest.raises(RuleViolation) as raised:
        client_profile(declaration)
    assert raised.value.field == field
