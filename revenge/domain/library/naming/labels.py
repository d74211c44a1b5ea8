"""Canonical labels for the tags a name carries ("x264" -> "H.264", "BDRip" -> "BluRay")."""

from __future__ import annotations

import re
from functools import lru_cache

_KEY_DROP = re.compile(r"[\s._'-]+")
_DIGITS = re.compile(r"\d+")
_FRAME = re.compile(r"(\d{3,4})x(\d{3,4})")
_HEIGHT = re.compile(r"(\d{3,4})([pi])")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
_ROMAN["x"] = 10

# (key prefix, label): first match wins, so longer prefixes come first
SOURCES = (
    ("webdl", "WEB-DL"), ("webrip", "WEBRip"), ("web", "WEB"), ("blu", "BluRay"),
    ("bd", "BluRay"), ("br", "BluRay"), ("hddvd", "HD-DVD"), ("dvdscr", "Screener"),
    ("dvd", "DVD"), ("hdtv", "HDTV"), ("pdtv", "TV"), ("sdtv", "TV"), ("tvrip", "TV"),
    ("dsr", "TV"), ("dth", "TV"), ("sat", "TV"), ("hdrip", "HDRip"), ("hdcam", "CAM"),
    ("cam", "CAM"), ("hdts", "Telesync"), ("ts", "Telesync"), ("telesync", "Telesync"),
    ("hdtc", "Telecine"), ("tc", "Telecine"), ("telecine", "Telecine"), ("desiscr", "Screener"),
    ("scr", "Screener"), ("r5", "R5"), ("r6", "R5"), ("vhs", "VHS"), ("ppv", "PPV"),
    ("vod", "VOD"), ("dm", "HDRip"), ("wbb", "HDRip"), ("hdlight", "HDRip"), ("mhd", "HDRip"),
    ("hd", "HDRip"),
)
CODECS = (
    ("x264", "H.264"), ("h264", "H.264"), ("avc", "H.264"), ("x265", "H.265"),
    ("h265", "H.265"), ("hevc", "H.265"), ("xvid", "XviD"), ("divx", "DivX"),
    ("vc1", "VC-1"), ("vp9", "VP9"), ("vp8", "VP8"), ("av1", "AV1"), ("mpeg2", "MPEG-2"),
    ("mpg2", "MPEG-2"), ("h262", "MPEG-2"), ("x262", "MPEG-2"), ("mpeg4", "MPEG-4"),
    ("mpg4", "MPEG-4"), ("h263", "H.263"), ("x263", "H.263"),
)
AUDIO = (
    ("dtshdma", "DTS-HD MA"), ("dtsma", "DTS-HD MA"), ("dtshd", "DTS-HD"), ("dtsx", "DTS:X"),
    ("dtses", "DTS-ES"), ("dts", "DTS"), ("truehd", "TrueHD"), ("atmos", "Atmos"),
    ("eac3", "E-AC-3"), ("ddp", "E-AC-3"), ("dd+", "E-AC-3"), ("ac3", "AC-3"), ("dd", "AC-3"),
    ("heaac", "AAC"), ("aac", "AAC"), ("flac", "FLAC"), ("lpcm", "PCM"), ("pcm", "PCM"),
    ("mp3", "MP3"), ("lame", "MP3"), ("opus", "Opus"),
)
# (word in the key, label)
EDITIONS = (
    ("director", "Director's Cut"), ("dircut", "Director's Cut"), ("alternat", "Alternative Cut"),
    ("extended", "Extended"), ("longue", "Extended"), ("ultimate", "Ultimate Edition"),
    ("collector", "Collector's Edition"), ("special", "Special Edition"),
    ("limited", "Limited Edition"), ("deluxe", "Deluxe Edition"),
    ("anniversary", "Anniversary Edition"), ("definitive", "Definitive Edition"),
    ("fan", "Fan Edit"), ("theatrical", "Theatrical"), ("imax", "IMAX"), ("unrated", "Unrated"),
    ("uncensored", "Uncensored"), ("uncut", "Uncut"), ("integral", "Uncut"),
    ("intégrale", "Uncut"), ("remaster", "Remastered"), ("restored", "Restored"),
    ("criterion", "Criterion"), ("international", "International Cut"),
    ("original", "Original Cut"), ("recut", "Recut"), ("openmatte", "Open Matte"),
)
EDITION_ABBREVIATIONS = {"DC": "Director's Cut", "SE": "Special Edition", "OM": "Open Matte"}
WIDTHS = {"3840": "2160p", "4096": "2160p", "1920": "1080p", "1280": "720p"}
NAMED_RESOLUTIONS = {"4k": "2160p", "8k": "4320p", "uhd": "2160p", "ultrahd": "2160p"}
NAMED_RESOLUTIONS |= {"quhd": "2160p", "fuhd": "2160p"}


def key(text: str) -> str:
    return _KEY_DROP.sub("", text.casefold())


def by_prefix(table: tuple[tuple[str, str], ...], text: str) -> str | None:
    tag_key = key(text)
    for prefix, label in table:
        if tag_key.startswith(prefix):
            return label
    return None


@lru_cache(maxsize=1024)  # the same few tags come back name after name
def source(text: str) -> str | None:
    return by_prefix(SOURCES, text)


@lru_cache(maxsize=1024)
def codec(text: str) -> str | None:
    return by_prefix(CODECS, text)


@lru_cache(maxsize=1024)
def audio(text: str) -> str | None:
    return by_prefix(AUDIO, text)


@lru_cache(maxsize=1024)
def edition(text: str) -> str | None:
    if text in EDITION_ABBREVIATIONS:
        return EDITION_ABBREVIATIONS[text]
    tag_key = key(text)
    return next((label for word, label in EDITIONS if word in tag_key), None)


@lru_cache(maxsize=1024)
def resolution(text: str) -> str | None:
    tag_key = key(text)
    if frame := _FRAME.fullmatch(tag_key):
        return WIDTHS.get(frame.group(1), f"{frame.group(2)}p")
    if height := _HEIGHT.match(tag_key):
        return height.group(1) + height.group(2)
    return f"{tag_key}p" if tag_key.isdigit() else NAMED_RESOLUTIONS.get(tag_key)


@lru_cache(maxsize=1024)
def part(text: str) -> int | None:
    tag_key = key(text)
    if digits := _DIGITS.search(tag_key):
        return int(digits.group())
    for prefix in ("part", "cd", "dvd", "disc", "disk"):
        if tag_key.startswith(prefix):
            rest = tag_key[len(prefix) :]
            return _ROMAN.get(rest) if prefix == "part" else "abcd".find(rest) + 1 or None
    return None
