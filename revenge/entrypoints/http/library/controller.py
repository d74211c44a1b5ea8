"""Library administration (`library.manage`): add, list, edit, delete, scan."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import Controller, Response, delete, get, patch, post
from litestar.params import FromPath, JSONBody, Parameter
from litestar.status_codes import HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from revenge.application.library.create_library import CreateLibrary, CreateLibraryCommand
from revenge.application.library.delete_library import DeleteLibrary, DeleteLibraryCommand
from revenge.application.library.queries import LibraryQueries, LibraryReports
from revenge.application.library.request_library_scan import (
    RequestLibraryScan,
    RequestLibraryScanCommand,
)
from revenge.application.library.update_library import UpdateLibrary, UpdateLibraryCommand
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.auth import require
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.library.schemas import (
    CreatedLibraryView,
    LibraryBody,
    LibraryList,
    LibraryOverview,
    LibraryPatch,
    LibraryView,
    ScanAccepted,
    SkippedFileList,
)

Limit = Annotated[int, Parameter(ge=1, le=200, description="how many unmatched movies (1-200)")]


class LibrariesController(Controller):
    path = "/admin/libraries"
    tags = ["libraries"]
    guards = [require(Permission.LIBRARY_MANAGE)]
    dependencies = uses(LibraryQueries, LibraryReports, CreateLibrary, UpdateLibrary,
                        DeleteLibrary, RequestLibraryScan)

    @get("", summary="Every library, by name")
    async def list_libraries(self, library_queries: Uses[LibraryQueries]) -> LibraryList:
        libraries = await library_queries.list_libraries()
        return LibraryList([LibraryView.of(lib) for lib in libraries], None, len(libraries))

    @post("", status_code=201, summary="Add a library (its folders must exist, be readable "
                                       "and not overlap another library's); a first scan "
                                       "starts at once")
    async def create(self, data: JSONBody[LibraryBody],
                     create_library: Uses[CreateLibrary]) -> Response[CreatedLibraryView]:
        created = await create_library.execute(CreateLibraryCommand(
            name=data.name, paths=tuple(data.paths), watch=data.watch,
            scan_interval_minutes=data.scan_interval_minutes,
            follow_symlinks_outside=data.follow_symlinks_outside))
        view = LibraryView.of(created.library)
        body = CreatedLibraryView(**msgspec.structs.asdict(view), scan_job_id=created.scan_job_id)
        return Response(body, status_code=201,
                        # Relative to the request: right under a path prefix too.
                        headers={"Location": f"libraries/{view.id}"})

    @get("/{library_id:str}", summary="One library")
    async def read(self, library_id: FromPath[str],
                   library_queries: Uses[LibraryQueries]) -> LibraryView:
        return LibraryView.of(await library_queries.get_library(library_id))

    @patch("/{library_id:str}", summary="Change a library's name, folders, schedule or "
                                        "watching")
    async def edit(self, library_id: FromPath[str], data: JSONBody[LibraryPatch],
                   update_library: Uses[UpdateLibrary]) -> LibraryView:
        paths = data.paths if isinstance(data.paths, msgspec.UnsetType) else tuple(data.paths)
        updated = await update_library.execute(UpdateLibraryCommand(
            library_id=library_id, name=data.name, paths=paths, watch=data.watch,
            scan_interval_minutes=data.scan_interval_minutes,
            follow_symlinks_outside=data.follow_symlinks_outside))
        return LibraryView.of(updated)

    @delete("/{library_id:str}", status_code=HTTP_204_NO_CONTENT,
            summary="Remove a library; its movies stay, marked missing, with everyone's "
                    "watch state (files on disk are not touched)")
    async def remove(self, library_id: FromPath[str],
                     delete_library: Uses[DeleteLibrary]) -> None:
        await delete_library.execute(DeleteLibraryCommand(library_id))

    @post("/{library_id:str}/scan", status_code=HTTP_202_ACCEPTED,
          summary="Scan now (the job already queued or running, if any)")
    async def scan(self, library_id: FromPath[str],
                   request_library_scan: Uses[RequestLibraryScan]) -> ScanAccepted:
        job_id = await request_library_scan.execute(RequestLibraryScanCommand(library_id))
        return ScanAccepted(job_id=job_id)

    @get("/{library_id:str}/skipped", summary="Files the scans left out, with the reason")
    async def skipped(self, library_id: FromPath[str], library_queries: Uses[LibraryQueries],
                      library_reports: Uses[LibraryReports]) -> SkippedFileList:
        await library_queries.get_library(library_id)  # 404 for an unknown library
        files = await library_reports.skipped_files(library_id)
        return SkippedFileList(files, None, len(files))


class LibraryOverviewController(Controller):
    path = "/admin/library-overview"
    tags = ["libraries"]
    guards = [require(Permission.LIBRARY_MANAGE)]
    dependencies = uses(LibraryReports)

    @get("", summary="Movie and file counts over every library, and unmatched movies")
    async def overview(self, library_reports: Uses[LibraryReports],
                       limit: Limit = 50) -> LibraryOverview:
        return LibraryOverview(counts=await library_reports.counts(),
                               unmatched=await library_reports.unmatched_movies(limit))
