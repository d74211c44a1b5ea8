"""The scanner on each twin: the same movies, moves and missing flags from both."""

from __future__ import annotations

from datetime import timedelta

from revenge.adapters.memory.library_filesystem import InMemoryFileSystem
from revenge.adapters.parsing.processes import ProcessNameParser
from revenge.adapters.parsing.serial import SerialNameParser
from revenge.application.library.create_library import CreateLibrary, CreateLibraryCommand
from revenge.application.library.ports import NameParser
from revenge.application.library.scan.scan_library import ScanLibrary, ScanLibraryCommand
from revenge.application.library.scan.state import ScanReport, ScanSettings
from revenge.domain.library.naming import parse_path
from tests.contract.library.conftest import NOW, Twin, new_id


class Scanner:
    def __init__(self, twin: Twin, parser: NameParser | None = None) -> None:
        self.twin = twin
        self.parser = parser or SerialNameParser(parse_path)
        self.fs = InMemoryFileSystem()
        self.fs.add_folder("/m")
        self.now = NOW

    def clock(self):  # type: ignore[no-untyped-def]
        self.now += timedelta(seconds=1)
        return self.now

    async def create(self) -> str:
        created = await CreateLibrary(self.twin.unit_of_work, self.fs, self.clock, new_id
                                      ).execute(CreateLibraryCommand(name="M", paths=("/m",)))
        return created.library.id

    async def scan(self, library_id: str) -> ScanReport:
        use_case = ScanLibrary(self.twin.unit_of_work, self.fs, self.parser, ScanSettings(),
                               self.clock, new_id)
        return await use_case.execute(ScanLibraryCommand(library_id=library_id))

    async def known(self, library_id: str) -> dict[str, tuple[str | None, bool]]:
        async with self.twin.unit_of_work() as uow:
            return {k.path: (k.movie_id, k.missing)
                    for k in await uow.files.snapshot(library_id) if not k.skipped}


async def test_scans_find_movies_moves_and_missing_files_alike(twin: Twin) -> None:
    scanner = Scanner(twin)
    scanner.fs.add("/m/Heat (1995)/Heat.mkv", size=10)
    scanner.fs.add("/m/Alien (1979)/Alien.1979.cd1.avi", size=20)
    scanner.fs.add("/m/Alien (1979)/Alien.1979.cd2.avi", size=21)
    scanner.fs.add("/m/Alien (1979)/Trailers/t.mkv", size=22)
    library_id = await scanner.create()

    first = await scanner.scan(library_id)
    known = await scanner.known(library_id)
    assert (first.counts.new, first.counts.movies_added) == (4, 2)
    assert len({movie for movie, _ in known.values()}) == 2

    again = await scanner.scan(library_id)
    assert not again.wrote and again.counts.parsed == 0

    scanner.fs.move("/m/Heat (1995)/Heat.mkv", "/m/Heat (1995)/Heat.1995.mkv")
    scanner.fs.remove("/m/Alien (1979)/Alien.1979.cd2.avi")
    scanner.fs.remove("/m/Alien (1979)/Alien.1979.cd1.avi")
    changed = await scanner.scan(library_id)
    after = await scanner.known(library_id)
    assert after["/m/Heat (1995)/Heat.1995.mkv"] == (known["/m/Heat (1995)/Heat.mkv"][0], False)
    alien_id = known["/m/Alien (1979)/Alien.1979.cd1.avi"][0]
    assert after["/m/Alien (1979)/Alien.1979.cd1.avi"] == (alien_id, True)
    assert await twin.movie_flags(alien_id or "") == (True, "unmatched")
    assert changed.counts.missing == 2


async def test_a_big_scan_parsed_by_child_processes_records_every_movie(twin: Twin) -> None:
    scanner = Scanner(twin, ProcessNameParser(2, min_paths=0))
    for n in range(600):  # over several batches of about 500 files
        folder = f"/m/Film Number {n} ({1950 + n % 70})"
        scanner.fs.add(f"{folder}/Film.Number.{n}.cd1.mkv", size=n * 2 + 1)
        scanner.fs.add(f"{folder}/Film.Number.{n}.cd2.mkv", size=n * 2 + 2)
    library_id = await scanner.create()

    first = await scanner.scan(library_id)
    movies = {movie for movie, _ in (await scanner.known(library_id)).values()}
    assert (first.counts.new, first.counts.movies_added, len(movies)) == (1200, 600, 600)
    assert (await scanner.scan(library_id)).counts.parsed == 0
