"""Reading the Emby/Jellyfin `POST /Library/Media/Updated` body Radarr sends:
`{"updates": [{"path": ..., "updateType": "Created"}]}` (Radarr's serializer writes
camelCase; Emby documents `Updates`/`Path`/`UpdateType`, so keys match in any case)."""

from __future__ import annotations

from typing import Any

import msgspec

from revenge.application.radarr.apply_media_updated import MediaUpdate
from revenge.domain.errors import RuleViolation

MAX_UPDATES = 1000


def read_media_updates(body: bytes) -> list[MediaUpdate]:
    """Raises `RuleViolation` naming what is missing or malformed."""
    try:
        document = msgspec.json.decode(body)
    except msgspec.DecodeError as exc:
        raise RuleViolation(f"the body is not JSON: {exc}", field="body") from None
    updates = _key(document, "updates") if isinstance(document, dict) else None
    if not isinstance(updates, list) or not updates or len(updates) > MAX_UPDATES:
        raise RuleViolation(f"updates must be a list of 1 to {MAX_UPDATES} objects",
                            field="updates")
    return [_update(item, index) for index, item in enumerate(updates)]


def _update(item: Any, index: int) -> MediaUpdate:
    path = _key(item, "path") if isinstance(item, dict) else None
    if not isinstance(path, str) or not path.strip():
        raise RuleViolation("path is required", field=f"updates[{index}].path")
    kind = _key(item, "updatetype")
    return MediaUpdate(path=path, update_type=kind if isinstance(kind, str) else "Modified")


def _key(document: dict[str, Any], name: str) -> Any:
    return next((value for key, value in document.items() if key.lower() == name), None)
