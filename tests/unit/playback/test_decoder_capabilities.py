"""Issue 20, finding 16: the decision ignored the H.264 profile and bit depth, so a High
4:4:4 or Hi10P file in MP4 was played directly (or remuxed) for a browser that cannot
decode it. Profile, level, bit depth and chroma now count: a table, one row per case."""

from __future__ import annotations

import pytest

from revenge.domain.errors import RuleViolation
from revenge.domain.playback.decision import decide
from revenge.domain.playback.profiles import BROWSER, client_profile
from tests.unit.playback.factories import media, video

HI10_CLIENT = client_profile({"h264_profiles": ["main", "high", "high10"], "max_bit_depth": 10})
HEVC10_CLIENT = client_profile({"video_codecs": ["h264", "hevc"], "max_bit_depth": 10})
LEVEL_41_CLIENT = client_profile({"max_h264_level": 4.1})
FULL_CHROMA_CLIENT = client_profile({"h264_profiles": ["high", "high444"],
                                     "chroma": ["4:2:0", "4:4:4"]})


def h264(profile: str, pixel_format: str = "yuv420p", level: int = 40,
         bit_depth: int | None = None) -> object:
    return video(profile=profile, pixel_format=pixel_format, level=level, bit_depth=bit_depth)


CASES = [
    # (what, file, client, method, video action, reason)
    ("8-bit High 4:2:0 in mp4 plays directly", media(v=h264("High")), BROWSER,
     "direct", "copy", None),
    ("Constrained Baseline plays directly", media(v=h264("Constrained Baseline", level=31)),
     BROWSER, "direct", "copy", None),
    ("High 4:4:4 Predictive in mp4 is transcoded for a browser",
     media(v=h264("High 4:4:4 Predictive", "yuv444p")), BROWSER, "transcode", "transcode",
     "h264 profile High 4:4:4 Predictive"),
    ("High 4:4:4 in mkv is transcoded, not remuxed",
     media("matroska", h264("High 4:4:4 Predictive", "yuv444p")), BROWSER, "transcode",
     "transcode", "chroma 4:4:4 (yuv444p)"),
    ("Hi10P (High 10) is transcoded for a browser",
     media(v=h264("High 10", "yuv420p10le", bit_depth=10)), BROWSER, "transcode", "transcode",
     "h264 profile High 10"),
    ("a 10-bit file whose probe gave no bit depth is known by its pixel format",
     media(v=h264("High 10", "yuv420p10le")), BROWSER, "transcode", "transcode",
     "10-bit video"),
    ("High 4:2:2 is transcoded for a browser", media(v=h264("High 4:2:2", "yuv422p")),
     BROWSER, "transcode", "transcode", "chroma 4:2:2 (yuv422p)"),
    ("Hi10P plays directly on a client that declares it",
     media(v=h264("High 10", "yuv420p10le", bit_depth=10)), HI10_CLIENT, "direct", "copy",
     None),
    ("High 4:4:4 plays directly on a client that declares it",
     media(v=h264("High 4:4:4 Predictive", "yuv444p")), FULL_CHROMA_CLIENT, "direct", "copy",
     None),
    ("level 5.1 over a client's 4.1 is transcoded", media(v=h264("High", level=51)),
     LEVEL_41_CLIENT, "transcode", "transcode", "h264 level 5.1 over 4.1"),
    ("level 5.1 plays directly on a browser (up to 5.2)", media(v=h264("High", level=51)),
     BROWSER, "direct", "copy", None),
    ("level 6.1 is over a browser's 5.2", media(v=h264("High", level=61)), BROWSER,
     "transcode", "transcode", "h264 level 6.1 over 5.2"),
    ("an H.264 profile ffmpeg names but we do not is not played as is",
     media(v=h264("Multiview High")), BROWSER, "transcode", "transcode",
     "h264 profile Multiview High"),
    ("HEVC Main 10 is transcoded on an HEVC client limited to 8 bits",
     media(v=video("hevc", profile="Main 10", pixel_format="yuv420p10le")),
     client_profile({"video_codecs": ["h264", "hevc"]}), "transcode", "transcode",
     "10-bit video"),
    ("HEVC Main 10 plays directly on a 10-bit HEVC client",
     media(v=video("hevc", profile="Main 10", pixel_format="yuv420p10le", level=150)),
     HEVC10_CLIENT, "direct", "copy", None),
    ("HEVC Main 10 in mkv is remuxed for a 10-bit HEVC client",
     media("matroska", video("hevc", profile="Main 10", pixel_format="yuv420p10le")),
     HEVC10_CLIENT, "remux", "copy", "container matroska"),
    ("a probe without profile, level or pixel format plays as before", media(), BROWSER,
     "direct", "copy", None),
]


@pytest.mark.parametrize(("what", "info", "client", "method", "video_action", "reason"),
                         CASES, ids=[c[0] for c in CASES])
def test_decoder_capabilities_table(what: str, info, client, method: str, video_action: str,
                                    reason: str | None) -> None:
    decision = decide(info, client)
    assert (decision.method, decision.video) == (method, video_action)
    if reason is not None:
        assert reason in decision.reasons


@pytest.mark.parametrize(("declaration", "field"), [
    ({"h264_profiles": ["high", "high 4:4:4 -y"]}, "profile.h264_profiles"),
    ({"max_h264_level": 9}, "profile.max_h264_level"),
    ({"max_h264_level": "5.1"}, "profile.max_h264_level"),
    ({"max_bit_depth": 9}, "profile.max_bit_depth"),
    ({"max_bit_depth": True}, "profile.max_bit_depth"),
    ({"chroma": ["4:2:1"]}, "profile.chroma"),
])
def test_decoder_capabilities_outside_the_vocabulary_are_refused(declaration: dict,
                                                                 field: str) -> None:
    with pytest.raises(RuleViolation) as raised:
        client_profile(declaration)
    assert raised.value.field == field


def test_a_declared_level_is_kept_as_ffprobe_reports_it() -> None:
    assert client_profile({"max_h264_level": 4.1}).max_h264_level == 41
    assert client_profile({"max_h264_level": 5}).max_h264_level == 50
