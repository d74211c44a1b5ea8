"""How deep a JSON request body nests. msgspec decodes recursively and raises
RecursionError (a 500) near Python's recursion limit, wherever the handler's stack
happens to be; no request of ours nests more than a handful of levels, so anything past
MAX_DEPTH is refused up front with a 400, before any handler or decoder runs."""

from __future__ import annotations

from typing import Any

import msgspec

MAX_DEPTH = 64
_OPENERS = (b"[", b"{")


def nests_too_deep(body: bytes, limit: int = MAX_DEPTH) -> bool:
    """True when `body` is JSON nested more than `limit` arrays/objects deep. Costs two
    byte counts for ordinary bodies; only one with more openers than `limit` is decoded."""
    if sum(body.count(opener) for opener in _OPENERS) <= limit:
        return False
    try:
        document = msgspec.json.decode(body)
    except RecursionError:
        return True
    except msgspec.DecodeError:
        return False  # not JSON: the handler's own decoding refuses it
    return _deeper_than(document, limit)


def _deeper_than(document: Any, limit: int) -> bool:
    # Iterative, so a deep document cannot exhaust our own stack either.
    pending: list[tuple[Any, int]] = [(document, 0)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict | list):
            if depth + 1 > limit:
                return True
            children = value.values() if isinstance(value, dict) else value
            pending.extend((child, depth + 1) for child in children)
    return False
