"""The fake Radarr's library: movies and files as Radarr's API v3 writes them (camelCase,
nulls left out), history, commands; a generator for N movies with files."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
ROOT = "/movies"


def stamp(moment: datetime) -> str:
    """Radarr's way of writing a UTC time."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def movie_file(file_id: int, movie_id: int, folder: str, name: str, *, size: int,
               added: datetime, quality: str = "Bluray-1080p") -> dict[str, Any]:
    separator = "\\" if "\\" in folder else "/"
    return {
        "movieId": movie_id, "relativePath": name, "path": f"{folder}{separator}{name}",
        "size": size, "dateAdded": stamp(added), "indexerFlags": 0, "edition": "",
        "languages": [{"id": 1, "name": "English"}],
        "quality": {"quality": {"id": 7, "name": quality, "source": "bluray",
                                "resolution": 1080, "modifier": "none"},
                    "revision": {"version": 1, "real": 0, "isRepack": False}},
        "customFormats": [], "customFormatScore": 0, "qualityCutoffNotMet": False,
        "mediaInfo": {"audioBitrate": 1509000, "audioChannels": 5.1, "audioCodec": "DTS",
                      "audioLanguages": "eng", "audioStreamCount": 1, "videoBitDepth": 8,
                      "videoBitrate": 0, "videoCodec": "x264", "videoFps": 23.976,
                      "resolution": "1920x800", "runTime": "2:10:20", "scanType": "",
                      "subtitles": "eng"},
        "id": file_id,
    }


def movie_resource(movie_id: int, title: str, year: int, tmdb_id: int, *,
                   imdb_id: str | None = None, root: str = ROOT,
                   added: datetime = EPOCH) -> dict[str, Any]:
    separator = "\\" if "\\" in root else "/"
    folder = f"{root}{separator}{title} ({year})"
    resource: dict[str, Any] = {
        "title": title, "originalTitle": title,
        "originalLanguage": {"id": 1, "name": "English"}, "alternateTitles": [],
        "secondaryYearSourceId": 0, "sortTitle": title.lower(), "sizeOnDisk": 0,
        "status": "released", "overview": f"{title}, a movie.",
        "inCinemas": f"{year}-06-01T00:00:00Z",
        "images": [], "website": "", "year": year, "youTubeTrailerId": "", "studio": "",
        "path": folder, "qualityProfileId": 4, "hasFile": False, "movieFileId": 0,
        "monitored": True, "minimumAvailability": "released", "isAvailable": True,
        "folderName": folder, "runtime": 120, "cleanTitle": title.lower().replace(" ", ""),
        "tmdbId": tmdb_id, "titleSlug": f"{title.lower().replace(' ', '-')}-{tmdb_id}",
        "rootFolderPath": root, "genres": ["Drama"], "tags": [], "added": stamp(added),
        "ratings": {"tmdb": {"votes": 100, "value": 7.1, "type": "user"}},
        "popularity": 12.5, "statistics": {"movieFileCount": 0, "sizeOnDisk": 0,
                                           "releaseGroups": []},
        "id": movie_id,
    }
    if imdb_id:  # Radarr leaves out what is null
        resource["imdbId"] = imdb_id
    return resource


@dataclass
class RadarrLibrary:
    """What the fake Radarr holds; every change goes through these methods (locked:
    the server answers from its own threads)."""

    movies: dict[int, dict[str, Any]] = field(default_factory=dict)
    history: list[dict[str, Any]] = field(default_factory=list)
    commands: dict[int, dict[str, Any]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _next_file_id: int = 1

    def add(self, movie_id: int, title: str, year: int, tmdb_id: int, *,
            imdb_id: str | None = None, with_file: bool = True, root: str = ROOT,
            added: datetime = EPOCH, size: int = 2_000_000_000) -> dict[str, Any]:
        movie = movie_resource(movie_id, title, year, tmdb_id, imdb_id=imdb_id, root=root,
                               added=added)
        with self.lock:
            self.movies[movie_id] = movie
        if with_file:
            self.give_file(movie_id, f"{title} ({year}) Bluray-1080p.mkv", size=size,
                           added=added)
        return movie

    def give_file(self, movie_id: int, name: str, *, size: int = 2_000_000_000,
                  added: datetime | None = None) -> dict[str, Any]:
        """Radarr imported a file (a new one, or an upgrade replacing the old)."""
        with self.lock:
            movie = self.movies[movie_id]
            file_id, self._next_file_id = self._next_file_id, self._next_file_id + 1
            when = added or datetime.now(UTC)
            file = movie_file(file_id, movie_id, movie["path"], name, size=size, added=when)
            movie.update(hasFile=True, movieFileId=file_id, movieFile=file, sizeOnDisk=size)
            self._record(movie_id, "downloadFolderImported", when)
            return file

    def rename_file(self, movie_id: int, name: str, when: datetime | None = None) -> None:
        with self.lock:
            movie = self.movies[movie_id]
            file = movie["movieFile"]
            separator = "\\" if "\\" in movie["path"] else "/"
            file.update(relativePath=name, path=f"{movie['path']}{separator}{name}")
            self._record(movie_id, "movieFileRenamed", when or datetime.now(UTC))

    def delete_file(self, movie_id: int, when: datetime | None = None) -> None:
        with self.lock:
            movie = self.movies[movie_id]
            movie.pop("movieFile", None)
            movie.update(hasFile=False, movieFileId=0, sizeOnDisk=0)
            self._record(movie_id, "movieFileDeleted", when or datetime.now(UTC))

    def remove(self, movie_id: int) -> None:
        with self.lock:
            self.movies.pop(movie_id, None)

    def _record(self, movie_id: int, event_type: str, when: datetime) -> None:
        self.history.append({"id": len(self.history) + 1, "movieId": movie_id,
                             "sourceTitle": self.movies[movie_id]["title"],
                             "eventType": event_type, "date": stamp(when),
                             "quality": {"quality": {"id": 7, "name": "Bluray-1080p"}},
                             "customFormats": [], "languages": [], "data": {}})


def generated(count: int, *, root: str = ROOT, start: int = 1) -> RadarrLibrary:
    """`count` movies with files: "Movie N (year)", TMDb id 100000 + N, IMDb tt8000000+N,
    added an hour apart before 2024."""
    library = RadarrLibrary()
    for number in range(start, start + count):
        library.add(number, f"Movie {number}", 1950 + number % 70, 100_000 + number,
                    imdb_id=f"tt{8_000_000 + number}", root=root,
                    added=EPOCH - timedelta(hours=count - number + 1),
                    size=1_000_000_000 + number)
    return library
