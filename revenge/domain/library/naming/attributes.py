"""The release information around a title: edition, part, 3D, quality, group."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, TypeVar

from revenge.domain.library.naming import labels
from revenge.domain.library.naming.options import OPTIONS as O
from revenge.domain.library.naming.scan import Scan, Tag, is_tag
from revenge.domain.library.naming.zone import Zone

T = TypeVar("T")


class Attributes(NamedTuple):
    edition: str | None
    part: int | None
    is_3d: bool
    resolution: str | None
    source: str | None
    codec: str | None
    audio: str | None
    release_group: str | None
    is_sample: bool


def describe(scan: Scan, zone: Zone) -> Attributes:
    tags = [tag for tag in scan.tags if not zone.start <= tag.start < zone.end]
    return Attributes(
        edition=_editions(tags),
        part=_first(tags, "part", labels.part),
        is_3d=any(tag.category in ("three_d", "three_d_soft") for tag in tags),
        resolution=_first(tags, "resolution", labels.resolution),
        source=_first(tags, "source", lambda text: labels.by_prefix(labels.SOURCES, text)),
        codec=_first(tags, "codec", lambda text: labels.by_prefix(labels.CODECS, text)),
        audio=_first(tags, "audio", lambda text: labels.by_prefix(labels.AUDIO, text)),
        release_group=_release_group(scan, zone),
        is_sample=any(_is_sample(scan, tag) for tag in tags),
    )


def _first(tags: list[Tag], category: str, label: Callable[[str], T | None]) -> T | None:
    found = (label(tag.text) for tag in tags if tag.category == category)
    return next((value for value in found if value), None)


def _editions(tags: list[Tag]) -> str | None:
    found = (labels.edition(tag.text) for tag in tags if tag.category == "edition")
    names = list(dict.fromkeys(name for name in found if name))
    return ", ".join(names) or None


def _is_sample(scan: Scan, tag: Tag) -> bool:
    """"movie.sample.mkv" is a sample; "PROOF.SAMPLE.FiX" is a fixed release."""
    return tag.category == "sample" and not O.proof_before.search(scan.text, 0, tag.start)


def _release_group(scan: Scan, zone: Zone) -> str | None:
    match = O.release_group.search(scan.text, zone.end)
    if not match or not (scan.tags or scan.years) or match.start() < zone.end:
        return None
    group = match.group(1)
    if is_tag(group) or O.year.fullmatch(group) or group.isdigit():
        return None
    return group
