"""How other contexts ask for a library scan: enqueue `SCAN_ACTOR` through their unit of
work's job queue with `scan_dedupe_key`, so a scan already queued or running absorbs the
request (Radarr does, after an import or a rename). A public module of the library."""

from __future__ import annotations

SCAN_ACTOR = "library.scan"


def scan_dedupe_key(library_id: str) -> str:
    return f"library.scan:{library_id}"
