"""Image references: which provider paths, kinds and sizes we accept.

A provider image path is one file name at the root ("/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg"):
letters and digits, one known extension. Everything else — "..", separators of any
kind (encoded or not), absolute paths, NUL — is refused before any file is touched,
so an image request can never name a file outside the cache.
"""

from __future__ import annotations

import re
from typing import Literal

from revenge.domain.errors import RuleViolation

ImageKind = Literal["poster", "backdrop", "logo", "profile"]
IMAGE_KINDS: tuple[ImageKind, ...] = ("poster", "backdrop", "logo", "profile")
# Widths we make variants in; "original" is the file as the provider sent it.
VARIANT_WIDTHS = {"w185": 185, "w342": 342, "w780": 780}
IMAGE_SIZES = (*VARIANT_WIDTHS, "original")
_FILE_PATH = re.compile(r"/[A-Za-z0-9]{1,64}\.(?:jpg|png|svg|webp)")
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "svg": "image/svg+xml",
                 "webp": "image/webp"}


def checked_kind(kind: str) -> ImageKind:
    for known in IMAGE_KINDS:
        if kind == known:
            return known
    raise RuleViolation(f"image type must be one of {', '.join(IMAGE_KINDS)}", field="type")


def checked_path(path: str) -> str:
    """The provider path with its leading slash; raises `RuleViolation` for anything
    that is not exactly one safe file name."""
    candidate = path if path.startswith("/") else "/" + path
    if not _FILE_PATH.fullmatch(candidate):
        raise RuleViolation("not an image path (expected a file name like /abc123.jpg)",
                            field="path")
    return candidate


def checked_size(size: str) -> str:
    if size not in IMAGE_SIZES:
        raise RuleViolation(f"size must be one of {', '.join(IMAGE_SIZES)}", field="size")
    return size


def extension_of(path: str) -> str:
    return checked_path(path).rsplit(".", 1)[1]


def is_image_path(path: str | None) -> bool:
    return path is not None and bool(_FILE_PATH.fullmatch(path))
