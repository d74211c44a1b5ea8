"""Playback settings: read from REVENGE_*, validated, and documented in the
configuration reference (docs/configuration.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from revenge.entrypoints.config import ConfigError, env_name, load_config, masked

PLAYBACK_FIELDS = ("ffmpeg_path", "transcode_limit", "transcode_hwaccel",
                   "hls_segment_seconds", "hls_transcode_segment_seconds",
                   "transcode_cache_dir", "media_token_secret")
CONFIGURATION = Path(__file__).resolve().parents[3] / "docs" / "configuration.md"


def test_every_playback_setting_has_a_row_in_the_configuration_reference() -> None:
    rows = [line for line in CONFIGURATION.read_text().splitlines()
            if line.startswith("| `REVENGE_")]
    documented = {line.split("`")[1] for line in rows}
    assert {env_name(f) for f in PLAYBACK_FIELDS} <= documented


def test_playback_defaults_keep_hardware_encoding_off() -> None:
    config, _ = load_config({})
    assert (config.transcode_hwaccel, config.transcode_limit, config.hls_segment_seconds,
            config.hls_transcode_segment_seconds) == ("none", 2, 6.0, 2.0)


def test_a_bad_hwaccel_names_the_variable_and_the_choices() -> None:
    with pytest.raises(ConfigError) as raised:
        load_config({"REVENGE_TRANSCODE_HWACCEL": "cuda -y"})
    assert "REVENGE_TRANSCODE_HWACCEL" in str(raised.value) and "vaapi" in str(raised.value)


def test_the_media_token_secret_is_masked() -> None:
    config, _ = load_config({"REVENGE_MEDIA_TOKEN_SECRET": "s3cret"})
    assert masked(config)["media_token_secret"] == "***"
