"""Library administration (`library.manage`): add, list, edit, delete, scan."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Response, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, Parameter
from litestar.status_codes import HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from revenge.application.library.create_library import CreateLibraryCommand
from revenge.application.library.delete_library import DeleteLibraryCommand
from revenge.application.library.request_library_scan import RequestLibraryScanCommand
from revenge.application.library.update_library import UpdateLibraryCommand
from revenge.domain.identity.permissions import Permission
from revenge.entrypoints.http.auth import require
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

Library = NamedDependency[Any]  # the library DI container
Limit = Annotated[int, Parameter(ge=1, le=200, description="how many unmatched movies (1-200)")]


class LibrariesController(Controller):
    path = "/admin/libraries"
    tags = ["libraries"]
    guards = [require(Permission.LIBRARY_MANAGE)]

    @get("", summary="Every library, by name")
    async def list_libraries(self, library: Library) -> LibraryList:
        libraries = await library.queries().list_libraries()
        return LibraryList([LibraryView.of(lib) for lib in libraries], None, len(libraries))

    @post("", status_code=201, summary="Add a library (its folders must exist, be readable "
                                       "and not overlap another library's); a first scan "
                                       "starts at once")
    async def create(self, data: JSONBody[LibraryBody],
                     library: Library) -> Response[CreatedLibraryView]:
        created = await library.create_library().execute(CreateLibraryCommand(
            name=data.name, paths=tuple(data.paths), watch=data.watch,
            scan_interval_minutes=data.scan_interval_minutes,
            follow_symlinks_outside=data.follow_symlinks_outside))
        view = LibraryView.of(created.library)
        body = CreatedLibraryView(**msgspec.structs.asdict(view), scan_job_id=created.scan_job_id)
        return Response(body, status_code=201,
                        # Relative to the request: right under a path prefix too.
                        headers={"Location": f"libraries/{view.id}"})

    @get("/{library_id:str}", summary="One library")
    async def read(self, library_id: FromPath[str], library: Library) -> LibraryView:
        return LibraryView.of(await library.queries().get_library(library_id))

    @patch("/{library_id:str}", summary="Change a library's name, folders, schedule or "
                                        "watching")
    async def edit(self, library_id: FromPath[str], data: JSONBody[LibraryPatch],
                   library: Library) -> LibraryView:
        paths = data.paths if isinstance(data.paths, msgspec.UnsetType) else tuple(data.paths)
        updated = await library.update_library().execute(UpdateLibraryCommand(
            library_id=library_id, name=data.name, paths=paths, watch=data.watch,
            scan_interval_minutes=data.scan_interval_minutes,
            follow_symlinks_outside=data.follow_symlinks_outside))
        return LibraryView.of(updated)

    @delete("/{library_id:str}", status_code=HTTP_204_NO_CONTENT,
            summary="Remove a library; its movies stay, marked missing, with everyone's "
                    "watch state (files on disk are not touched)")
    async def remove(self, library_id: FromPath[str], library: Library) -> None:
        await library.delete_library().execute(DeleteLibraryCommand(library_id))

    @post("/{library_id:str}/scan", status_code=HTTP_202_ACCEPTED,
          summary="Scan now (the job already queued or running, if any)")
    async def scan(self, library_id: FromPath[str], library: Library) -> ScanAccepted:
        job_id = await library.request_scan().execute(RequestLibraryScanCommand(library_id))
        return ScanAccepted(job_id=job_id)

    @get("/{library_id:str}/skipped", summary="Files the scans left out, with the reason")
    async def skipped(self, library_id: FromPath[str], library: Library) -> SkippedFileList:
        await library.queries().get_library(library_id)  # 404 for an unknown library
        files = await library.reports().skipped_files(library_id)
        return SkippedFileList(files, None, len(files))


class LibraryOverviewController(Controller):
    path = "/admin/library-overview"
    tags = ["libraries"]
    guards = [require(Permission.LIBRARY_MANAGE)]

    @get("", summary="Movie and file counts over every library, and unmatched movies")
    async def overview(self, library: Library, limit: Limit = 50) -> LibraryOverview:
        reports = library.reports()
        return LibraryOverview(counts=await reports.counts(),
                               unmatched=await reports.unmatched_movies(limit))
