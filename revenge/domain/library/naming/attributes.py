"""The release information around a title: edition, part, 3D, quality, group."""

from __future__ import annotations

from revenge.domain.library.naming import labels
from revenge.domain.library.naming.options import OPTIONS as O
from revenge.domain.library.naming.scan import is_tag, only_article

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import TypeVar

    from revenge.domain.library.naming.scan import Scan, Tag
    from revenge.domain.library.naming.zone import Zone

    T = TypeVar("T")


class Attributes:
    """What the tags outside the title say."""

    __slots__ = (
        "audio", "codec", "edition", "is_3d", "is_sample", "part", "release_group",
        "resolution", "source",
    )  # fmt: skip

    def __init__(self, scan: Scan, zone: Zone) -> None:
        tags = [tag for tag in scan.tags if not zone.start <= tag.start < zone.end]
        by_category: dict[str, list[str]] = {}
        for tag in tags:
            by_category.setdefault(tag.category, []).append(tag.text)
        self.edition = _editions(by_category.get("edition", ()))
        self.part = _first(by_category, "part", labels.part)
        self.is_3d = "three_d" in by_category or "three_d_soft" in by_category
        self.resolution = _first(by_category, "resolution", labels.resolution)
        self.source = _first(by_category, "source", labels.source)
        self.codec = _first(by_category, "codec", labels.codec)
        self.audio = _first(by_category, "audio", labels.audio) or _first(
            by_category, "audio_word", labels.audio
        )
        self.release_group = _release_group(scan, zone) if tags else None
        self.is_sample = "sample" in by_category and any(_is_sample(scan, tag) for tag in tags)


def _first(
    by_category: dict[str, list[str]], category: str, label: Callable[[str], T | None]
) -> T | None:
    for text in by_category.get(category, ()):
        if value := label(text):
            return value
    return None


def _editions(texts: Iterable[str]) -> str | None:
    names = dict.fromkeys(name for name in map(labels.edition, texts) if name)
    return ", ".join(names) or None


def _is_sample(scan: Scan, tag: Tag) -> bool:
    """"movie.sample.mkv" is a sample; "PROOF.SAMPLE.FiX" is a fixed release, and "The
    Sample.mkv" a film's name."""
    if tag.category != "sample" or scan.year_after(tag.end):
        return False
    if only_article(scan.text[: tag.start]):
        return False
    return not O.proof_before.search(scan.text, 0, tag.start)


def _release_group(scan: Scan, zone: Zone) -> str | None:
    """"...x264-SPARKS", "...x264 - YIFY", "...-RARBG[rartv]": the last word after a dash."""
    text = _without_trailing_brackets(scan.text)
    dash = text.rfind("-", zone.end)
    group = text[dash + 1 :].strip()
    if dash < 0 or not O.group_word.fullmatch(group):
        return None
    return None if is_tag(group) or O.year.fullmatch(group) or group.isdigit() else group


def _without_trailing_brackets(text: str) -> str:
    text = text.rstrip()
    while text.endswith("]") and (opening := text.rfind("[")) > 0:
        text = text[:opening].rstrip()
    return text
