"""Direct play, remux or transcode, and which audio track: a table."""

from __future__ import annotations

import pytest

from revenge.domain.errors import RuleViolation
from revenge.domain.media.info import SubtitleStream
from revenge.domain.playback.decision import decide
from revenge.domain.playback.profiles import BROWSER, ClientProfile, client_profile
from tests.unit.playback.factories import audio, media, video

VP9_CLIENT = client_profile({"video_codecs": ["h264", "vp9"]})
HEVC_CLIENT = client_profile({"video_codecs": ["h264", "hevc"], "containers": ["mp4"]})

CASES = [
    # (what, file, profile, method, video action, audio action)
    ("h264/aac mp4 plays directly", media(), BROWSER, "direct", "copy", "copy"),
    ("h264/aac in mkv is remuxed", media("matroska"), BROWSER, "remux", "copy", "copy"),
    ("h264/ac3 in mp4 is remuxed with audio converted",
     media(a=(audio(1, "ac3", default=True),)), BROWSER, "remux", "copy", "transcode"),
    ("h264/dts in mkv is remuxed with audio converted",
     media("matroska", a=(audio(1, "dts", default=True),)), BROWSER, "remux", "copy", "transcode"),
    ("hevc is transcoded for a browser", media("matroska", video("hevc")), BROWSER,
     "transcode", "transcode", "copy"),
    ("hevc plays directly where declared", media("mp4", video("hevc")), HEVC_CLIENT,
     "direct", "copy", "copy"),
    ("vp9/opus webm is transcoded when vp9 is not declared (opus has no place in MPEG-TS)",
     media("webm", video("vp9"), (audio(1, "opus"),)), BROWSER, "transcode", "transcode",
     "transcode"),
    ("vp9/opus webm plays directly where vp9 is declared",
     media("webm", video("vp9"), (audio(1, "opus"),)), VP9_CLIENT, "direct", "copy", "copy"),
    ("vp9 in mkv for a vp9 client cannot be copied into MPEG-TS",
     media("matroska", video("vp9"), (audio(1, "opus"),)), VP9_CLIENT, "transcode",
     "transcode", "transcode"),
    ("4k over the client's max height is transcoded", media(v=video(width=3840, height=2160)),
     ClientProfile(max_height=1080), "transcode", "transcode", "copy"),
    ("a file over the max bitrate is transcoded", media(bitrate=40_000_000),
     ClientProfile(max_bitrate=8_000_000), "transcode", "transcode", "copy"),
    ("HDR10 is tone-mapped for an SDR client", media(v=video(color_transfer="smpte2084")),
     BROWSER, "transcode", "transcode", "copy"),
    ("HDR10 plays directly on an HDR client", media(v=video(color_transfer="smpte2084")),
     ClientProfile(hdr=True), "direct", "copy", "copy"),
    ("a file with no audio plays directly", media(a=()), BROWSER, "direct", "copy", None),
]


@pytest.mark.parametrize(("what", "info", "profile", "method", "video_action", "audio_action"),
                         CASES, ids=[c[0] for c in CASES])
def test_decision_table(what: str, info, profile, method, video_action, audio_action) -> None:
    decision = decide(info, profile)
    assert (decision.method, decision.video, decision.audio) == (
        method, video_action, audio_action)


def test_a_decision_other_than_direct_says_why() -> None:
    decision = decide(media("matroska", video("hevc")), BROWSER)
    assert decision.reasons == ("video codec hevc", "container matroska")


AUDIO_TRACKS = (audio(1, "ac3", "eng", default=True, channels=6), audio(2, "aac", "fre"),
                audio(3, "aac", "eng"))

AUDIO_CASES = [
    ("the default track without a preference", BROWSER, None, 1),
    ("a requested track wins", BROWSER, 2, 2),
    ("the preferred language, default first", ClientProfile(preferred_language="en"), None, 1),
    ("the preferred language by its two-letter code", ClientProfile(preferred_language="fr"),
     None, 2),
    ("an unmatched preference falls back to the default", ClientProfile(preferred_language="ja"),
     None, 1),
]


@pytest.mark.parametrize(("what", "profile", "requested", "chosen"), AUDIO_CASES,
                         ids=[c[0] for c in AUDIO_CASES])
def test_audio_track_choice(what: str, profile, requested, chosen) -> None:
    decision = decide(media("mp4", a=AUDIO_TRACKS), profile, audio_index=requested)
    assert decision.audio_index == chosen


def test_among_undefaulted_tracks_a_playable_one_is_preferred() -> None:
    tracks = (audio(1, "dts"), audio(2, "aac"))
    assert decide(media("mp4", a=tracks), BROWSER).audio_index == 2


def test_an_unknown_audio_index_is_refused_naming_the_field() -> None:
    with pytest.raises(RuleViolation) as raised:
        decide(media(), BROWSER, audio_index=7)
    assert raised.value.field == "audio_index"


def test_burning_an_image_subtitle_forces_a_transcode() -> None:
    pgs = SubtitleStream(index=2, codec="hdmv_pgs_subtitle", format="image")
    decision = decide(media(subtitles=(pgs,)), BROWSER, burn_subtitle=2)
    assert (decision.method, decision.burn_subtitle) == ("transcode", 2)


def test_a_text_subtitle_is_never_burned() -> None:
    srt = SubtitleStream(index=2, codec="subrip")
    decision = decide(media(subtitles=(srt,)), BROWSER, burn_subtitle=2)
    assert (decision.method, decision.burn_subtitle) == ("direct", None)


def test_a_file_without_video_is_refused() -> None:
    from revenge.domain.media.info import MediaInfo

    with pytest.raises(RuleViolation):
        decide(MediaInfo(container="mp4", duration=3.0), BROWSER)
