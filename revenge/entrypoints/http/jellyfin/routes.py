"""Where the Jellyfin routes answer: at the root and under `/jellyfin` (a reverse proxy's
base URL), each path as Jellyfin spells it and in lower case (Jellyfin's router ignores
case; apps send `/System/Info/Public` or `system/info/public`)."""

from __future__ import annotations

from litestar.params import FromPath

PREFIXES = ("", "/jellyfin")


def paths(*templates: str, prefixes: tuple[str, ...] = PREFIXES) -> list[str]:
    """Every spelling of each template (path parameters must be named in lower case)."""
    found: list[str] = []
    for template in templates:
        for prefix in prefixes:
            for spelling in (template, template.lower()):
                if prefix + spelling not in found:
                    found.append(prefix + spelling)
    return found


# A handler's path parameter (explicit, as Litestar 3 wants).
PathPart = FromPath[str]
