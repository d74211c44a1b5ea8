"""How other contexts ask for a library scan: enqueue a `ScanLibraryCommand` through
their unit of work's job queue with `scan_dedupe_key`, so a scan already queued or
running absorbs the request (Radarr does, after an import or a rename). A public module
of the library."""

from __future__ import annotations

from revenge.application.shared.jobs import JobMessage


class ScanLibraryCommand(JobMessage, job="library.scan", frozen=True, kw_only=True,
                         omit_defaults=True):
    """`within`: only these folders or files (absolute, inside the library); empty for
    the whole library."""

    library_id: str
    within: tuple[str, ...] = ()


def scan_dedupe_key(library_id: str) -> str:
    return f"{ScanLibraryCommand.job}:{library_id}"
