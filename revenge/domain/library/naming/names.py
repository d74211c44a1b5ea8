"""`parse_name`: one file or release name (no folders) to a `ParsedName`."""

from __future__ import annotations

from revenge.domain.library.naming.attributes import Attributes
from revenge.domain.library.naming.prepare import Prepared
from revenge.domain.library.naming.result import ParsedName
from revenge.domain.library.naming.scan import Scan
from revenge.domain.library.naming.title import (
    alternative_titles,
    by_script,
    clean_title,
    scene_readings,
)
from revenge.domain.library.naming.zone import find_zone

TYPE_CHECKING = False
if TYPE_CHECKING:
    from revenge.domain.library.naming.result import ExtraType, Kind


def parse_name(name: str) -> ParsedName:
    """Parse a file or release name, with or without its extension."""
    prepared = Prepared(name)
    scan = Scan(prepared.text)
    zone = find_zone(scan)
    raw_title = prepared.text[zone.start : zone.end]
    title, other_names = by_script(clean_title(raw_title, dated=zone.year is not None))
    if not other_names and (known_as := alternative_titles(title)):
        title, other_names = known_as[0], known_as  # "Akahige AKA Red Beard": "Akahige"
    elif not other_names and title:
        other_names = scene_readings(title, prepared.text, zone.start)
    found = Attributes(scan, zone)
    kind, extra_type = _kind(prepared, found)
    return ParsedName(
        title=title,
        year=zone.year,
        kind=kind,
        extra_type=extra_type,
        edition=prepared.edition or found.edition,
        part=found.part,
        is_3d=found.is_3d or prepared.container == "mk3d",
        resolution=found.resolution,
        source=found.source,
        codec=found.codec,
        audio=found.audio,
        release_group=found.release_group,
        tmdb_id=prepared.tmdb_id,
        imdb_id=prepared.imdb_id,
        alternative_titles=other_names,
        container=prepared.container,
    )


def _kind(prepared: Prepared, found: Attributes) -> tuple[Kind, ExtraType | None]:
    if prepared.kind == "movie" and found.is_sample:
        return "sample", None
    return prepared.kind, prepared.extra_type
