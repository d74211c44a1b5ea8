"""Sidecar subtitles are found by name next to the video."""

from __future__ import annotations

from revenge.domain.media.sidecars import SIDECAR_INDEX_BASE, sidecar_subtitles


def test_sidecars_carry_language_and_flags_from_their_names() -> None:
    found = sidecar_subtitles("Movie (1999).mkv", [
        "Movie (1999).mkv", "Movie (1999).en.srt", "Movie (1999).forced.srt",
        "Movie (1999).fr.sdh.ass", "Movie (1999).nfo", "Other.en.srt", "Movie (1999) x.srt",
        "Movie (1999).vtt"])
    summary = [(s.index, s.path, s.codec, s.language, s.forced, s.hearing_impaired)
               for s in found]
    base = SIDECAR_INDEX_BASE
    assert summary == [
        (base, "Movie (1999).en.srt", "subrip", "en", False, False),
        (base + 1, "Movie (1999).forced.srt", "subrip", None, True, False),
        (base + 2, "Movie (1999).fr.sdh.ass", "ass", "fr", False, True),
        (base + 3, "Movie (1999).vtt", "webvtt", None, False, False)]
    assert all(s.external for s in found)
