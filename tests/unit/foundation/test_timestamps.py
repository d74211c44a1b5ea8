"""Issue 20, finding 19: every time the API shows is an RFC 3339 UTC string; the admin
list of playback sessions used epoch numbers."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from revenge.entrypoints.memory_profile import create_memory_app

_TIME_SUFFIXES = ("_at", "_since", "_until")


def _times_that_are_not_rfc3339(document: dict[str, Any]) -> list[str]:
    wrong = []
    for name, schema in document["components"]["schemas"].items():
        for prop, spec in (schema.get("properties") or {}).items():
            if not prop.endswith(_TIME_SUFFIXES):
                continue
            variants = spec.get("oneOf", [spec])
            if not any(v.get("format") == "date-time" for v in variants):
                wrong.append(f"{name}.{prop}")
    return wrong


def test_every_time_in_the_api_is_an_rfc3339_date_time() -> None:
    with TestClient(create_memory_app()) as client:
        document = client.get("/api/v1/openapi.json").json()
    assert _times_that_are_not_rfc3339(document) == []
    assert "ActiveSession" in document["components"]["schemas"]  # the list that had epochs
