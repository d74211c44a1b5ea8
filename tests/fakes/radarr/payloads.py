"""Radarr's webhook payloads, shaped as its `WebhookBase` builds them and its serializer
writes them: camelCase keys, `eventType` in PascalCase, null fields left out, numbers
that default to 0 kept. Built from the fake's API resources (`data.movie_resource`)."""

from __future__ import annotations

from typing import Any

Payload = dict[str, Any]


def _base(event_type: str, *, with_url: bool = True) -> Payload:
    payload: Payload = {"eventType": event_type, "instanceName": "Radarr"}
    if with_url:
        payload["applicationUrl"] = ""
    return payload


def webhook_movie(movie: dict[str, Any]) -> Payload:
    """`WebhookMovie(movie)`: no file path; `imdbId` only when Radarr has one."""
    result: Payload = {"id": movie["id"], "title": movie["title"], "year": movie["year"],
                       "releaseDate": f"{movie['year']}-06-01", "folderPath": movie["path"],
                       "tmdbId": movie["tmdbId"], "overview": movie["overview"], "tags": []}
    if movie.get("imdbId"):
        result["imdbId"] = movie["imdbId"]
    return result


def webhook_file(file: dict[str, Any]) -> Payload:
    """`WebhookMovieFile(movieFile)`."""
    return {"id": file["id"], "relativePath": file["relativePath"], "path": file["path"],
            "quality": file["quality"]["quality"]["name"], "qualityVersion": 1,
            "releaseGroup": "GRP", "sceneName": file["relativePath"].rsplit(".", 1)[0],
            "indexerFlags": "0", "size": file["size"], "dateAdded": file["dateAdded"],
            "languages": [{"id": 1, "name": "English"}],
            "mediaInfo": {"audioChannels": 5.1, "audioCodec": "DTS", "audioLanguages": ["eng"],
                          "height": 800, "width": 1920, "subtitles": ["eng"],
                          "videoCodec": "x264", "videoDynamicRange": "",
                          "videoDynamicRangeType": ""}}


def _remote(movie: dict[str, Any]) -> Payload:
    remote: Payload = {"tmdbId": movie["tmdbId"], "title": movie["title"],
                       "year": movie["year"]}
    if movie.get("imdbId"):
        remote["imdbId"] = movie["imdbId"]
    return remote


def _download_client() -> Payload:
    return {"downloadClient": "qBittorrent", "downloadClientType": "qBittorrent",
            "downloadId": "2C9D3E1F0A4B5C6D7E8F9A0B1C2D3E4F5A6B7C8D",
            "customFormatInfo": {"customFormats": [], "customFormatScore": 0}}


def connection_test() -> Payload:
    return {**_base("Test"),
            "movie": {"id": 1, "title": "Test Title", "year": 1970, "releaseDate": "1970-01-01",
                      "folderPath": "C:\\testpath", "tmdbId": 0, "tags": ["test-tag"]},
            "remoteMovie": {"tmdbId": 1234, "imdbId": "5678", "title": "Test title",
                            "year": 1970},
            "release": {"quality": "Test Quality", "qualityVersion": 1,
                        "releaseGroup": "Test Group", "releaseTitle": "Test Title",
                        "indexer": "Test Indexer", "size": 9999999, "customFormatScore": 0}}


def grab(movie: dict[str, Any], release_title: str | None = None) -> Payload:
    title = release_title or f"{movie['title'].replace(' ', '.')}.{movie['year']}.1080p-GRP"
    return {**_base("Grab"), "movie": webhook_movie(movie), "remoteMovie": _remote(movie),
            "release": {"quality": "Bluray-1080p", "qualityVersion": 1, "releaseGroup": "GRP",
                        "releaseTitle": title, "indexer": "Indexer (Prowlarr)",
                        "size": 2_000_000_000, "customFormatScore": 0, "customFormats": [],
                        "languages": [{"id": 1, "name": "English"}], "indexerFlags": []},
            **_download_client()}


def download(movie: dict[str, Any], file: dict[str, Any],
             deleted: list[dict[str, Any]] | None = None) -> Payload:
    """An import; with `deleted` (the old files) an upgrade."""
    payload = {**_base("Download"), "movie": webhook_movie(movie),
               "remoteMovie": _remote(movie), "movieFile": webhook_file(file),
               "release": {"releaseTitle": file["relativePath"].rsplit(".", 1)[0],
                           "indexer": "Indexer (Prowlarr)", "size": file["size"],
                           "indexerFlags": []},
               "isUpgrade": bool(deleted), **_download_client()}
    if deleted:
        payload["deletedFiles"] = [{**webhook_file(old), "recycleBinPath": ""}
                                   for old in deleted]
    return payload


def rename(movie: dict[str, Any], file: dict[str, Any], previous_path: str) -> Payload:
    previous_name = previous_path.replace("\\", "/").rsplit("/", 1)[-1]
    renamed = {**webhook_file(file), "previousRelativePath": previous_name,
               "previousPath": previous_path}
    return {**_base("Rename"), "movie": webhook_movie(movie), "renamedMovieFiles": [renamed]}


def movie_file_delete(movie: dict[str, Any], file: dict[str, Any],
                      reason: str = "manual") -> Payload:
    return {**_base("MovieFileDelete"), "movie": webhook_movie(movie),
            "movieFile": webhook_file(file), "deleteReason": reason}


def movie_delete(movie: dict[str, Any], *, deleted_files: bool, size: int = 0) -> Payload:
    payload = {**_base("MovieDelete"), "movie": webhook_movie(movie),
               "deletedFiles": deleted_files}
    if deleted_files and size:
        payload["movieFolderSize"] = size
    return payload


def movie_added(movie: dict[str, Any]) -> Payload:
    return {**_base("MovieAdded"), "movie": webhook_movie(movie), "addMethod": "manual"}


def health(message: str = "Indexers unavailable due to failures: Example",
           *, restored: bool = False) -> Payload:
    payload = {**_base("HealthRestored" if restored else "Health", with_url=not restored),
               "level": "warning", "message": message, "type": "IndexerStatusCheck",
               "wikiUrl": "https://wiki.servarr.com/radarr/system#indexers-are-unavailable"}
    return payload


def application_update() -> Payload:
    return {**_base("ApplicationUpdate"),
            "message": "Radarr updated from 5.13.1.9378 to 5.14.0.9383",
            "previousVersion": "5.13.1.9378", "newVersion": "5.14.0.9383"}


def manual_interaction_required(movie: dict[str, Any]) -> Payload:
    return {**_base("ManualInteractionRequired"), "movie": webhook_movie(movie),
            "downloadInfo": {"quality": "Bluray-1080p", "qualityVersion": 1,
                             "title": f"{movie['title']}.{movie['year']}.1080p-GRP",
                             "size": 2_000_000_000},
            "downloadStatus": "warning",
            "downloadStatusMessages": [{"title": "One or more movies expected in this "
                                                 "release were not imported or missing",
                                        "messages": []}],
            "release": {"releaseTitle": f"{movie['title']}.{movie['year']}.1080p-GRP",
                        "indexer": "Indexer (Prowlarr)", "size": 2_000_000_000,
                        "indexerFlags": []},
            **_download_client()}
