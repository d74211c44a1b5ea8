"""The quality ladder: original when copyable, then standard rungs capped by the source."""

from __future__ import annotations

from revenge.domain.playback.decision import decide
from revenge.domain.playback.ladder import quality_ladder
from revenge.domain.playback.profiles import BROWSER
from tests.unit.playback.factories import media, video


def _names(info, max_bitrate=None) -> list[str]:
    return [v.name for v in quality_ladder(info, decide(info, BROWSER), max_bitrate)]


def test_a_remux_offers_the_original_then_every_rung_up_to_the_source() -> None:
    assert _names(media("matroska")) == ["original", "1080p", "720p", "480p"]


def test_a_transcode_offers_no_original() -> None:
    assert _names(media("matroska", video("hevc"))) == ["1080p", "720p", "480p"]


def test_rungs_above_the_source_height_are_left_out() -> None:
    assert _names(media("matroska", video(width=1280, height=720))) == [
        "original", "720p", "480p"]


def test_the_max_bitrate_drops_the_rungs_that_need_more() -> None:
    assert _names(media("matroska", video("hevc")), max_bitrate=5_000_000) == ["720p", "480p"]


def test_a_tiny_source_gets_one_rung_at_its_own_size() -> None:
    info = media("matroska", video("hevc", width=320, height=180), bitrate=300_000)
    (only,) = quality_ladder(info, decide(info, BROWSER))
    assert (only.name, only.width, only.height) == ("180p", 320, 180)
    assert only.video_bitrate <= 360_000


def test_a_rung_never_asks_for_more_bits_than_the_source_had() -> None:
    info = media("matroska", video("hevc"), bitrate=2_000_000)
    assert all(v.video_bitrate <= 2_400_000 for v in quality_ladder(info, decide(info, BROWSER)))


def test_widths_keep_the_aspect_ratio_and_are_even() -> None:
    info = media("matroska", video("hevc", width=1920, height=800))
    widths = {v.name: v.width for v in quality_ladder(info, decide(info, BROWSER))}
    assert widths == {"720p": 1728, "480p": 1152}


def test_direct_play_needs_no_ladder() -> None:
    assert _names(media()) == []
