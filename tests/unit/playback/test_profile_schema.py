"""Issue 20, finding 17: the playback `profile` had no schema in the OpenAPI document (a
free-form object). It is a typed body now, whose vocabulary is the domain's."""

from __future__ import annotations

from typing import Any, get_args

from litestar.testing import TestClient

from revenge.domain.media.codecs import H264_PROFILES
from revenge.domain.playback import profiles
from revenge.entrypoints.http.playback import schemas
from revenge.entrypoints.memory_profile import create_memory_app


def test_the_profile_vocabulary_is_the_domains() -> None:
    assert set(get_args(schemas.Container)) == profiles.CONTAINERS
    assert set(get_args(schemas.VideoCodec)) == profiles.VIDEO_CODECS
    assert set(get_args(schemas.AudioCodec)) == profiles.AUDIO_CODECS
    assert set(get_args(schemas.H264Profile)) == H264_PROFILES
    assert set(get_args(schemas.Chroma)) == profiles.CHROMA


def test_the_document_describes_every_profile_setting() -> None:
    with TestClient(create_memory_app()) as client:
        document: dict[str, Any] = client.get("/api/v1/openapi.json").json()
    components = document["components"]["schemas"]
    start = components["StartSessionBody"]["properties"]["profile"]
    assert any(v.get("$ref", "").endswith("/ClientProfileBody") for v in start["oneOf"])
    described = components["ClientProfileBody"]["properties"]
    assert set(described) == {"containers", "video_codecs", "audio_codecs", "h264_profiles",
                              "max_h264_level", "max_bit_depth", "chroma", "max_width",
                              "max_height", "max_bitrate", "hdr", "preferred_language"}


def test_a_declared_profile_reaches_the_domain_as_its_settings() -> None:
    body = schemas.ClientProfileBody(video_codecs=["h264", "vp9"], max_h264_level=4.1)
    assert profiles.client_profile(body.declared()).max_h264_level == 41
    assert profiles.client_profile(body.declared()).video_codecs == {"h264", "vp9"}
