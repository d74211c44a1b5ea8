"""Which files the scanner looks at: video containers, Kodi .nfo files, `.ignore` markers."""

from __future__ import annotations

VIDEO_EXTENSIONS = frozenset({
    ".mkv", ".mk3d", ".mp4", ".m4v", ".avi", ".mov", ".qt", ".wmv", ".asf", ".mpg", ".mpeg",
    ".m2v", ".ts", ".m2ts", ".mts", ".webm", ".flv", ".f4v", ".ogv", ".ogm", ".3gp", ".3g2",
    ".divx", ".xvid", ".vob", ".iso", ".rmvb", ".rm", ".dvr-ms", ".wtv",
})
NFO_EXTENSION = ".nfo"
# A folder holding a file of this name is skipped with everything below it.
IGNORE_MARKERS = frozenset({".ignore", ".plexignore", ".nomedia"})


def extension_of(name: str) -> str:
    """The lower-cased extension with its dot ("" for none); `.dvr-ms` counts as one."""
    lowered = name.lower()
    if lowered.endswith(".dvr-ms"):
        return ".dvr-ms"
    dot = lowered.rfind(".")
    return lowered[dot:] if dot > 0 else ""


def is_video(name: str) -> bool:
    return extension_of(name) in VIDEO_EXTENSIONS


def is_nfo(name: str) -> bool:
    return extension_of(name) == NFO_EXTENSION


def stem_of(name: str) -> str:
    """The name without its extension (`extension_of`'s, found the same way)."""
    dot = name.rfind(".")
    return name[:dot] if dot > 0 or name.lower() == ".dvr-ms" else name
