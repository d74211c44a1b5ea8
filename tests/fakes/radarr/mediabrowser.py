"""Radarr's stock "Emby / Jellyfin" connection, replayed request for request (Radarr's
`MediaBrowserProxy` and `MediaBrowserService`): find the movie's paths with `GET /Items`,
then `POST /Library/Media/Updated` once per path, with the `X-MediaBrowser-Token` header.
"""

from __future__ import annotations

from typing import Any

import httpx


def find_paths(client: httpx.Client, token: str, movie: dict[str, Any]) -> set[str]:
    """`GetPaths`: items of the movie's year grouped by match quality (TMDb or IMDb id,
    else the same name); the best group's paths, or none."""
    response = client.get("/Items", headers={"X-MediaBrowser-Token": token}, params={
        "recursive": "true", "includeItemTypes": "Movie", "fields": "Path,ProviderIds",
        "years": str(movie["year"])})
    response.raise_for_status()
    groups: dict[int, set[str]] = {}
    for item in response.json()["Items"]:
        groups.setdefault(_quality(item, movie), set()).add(item["Path"])
    best = min(groups, default=2)
    return groups[best] if best < 2 else set()


def _quality(item: dict[str, Any], movie: dict[str, Any]) -> int:
    ids = item.get("ProviderIds") or {}
    tmdb = ids.get("Tmdb")
    if tmdb not in (None, "", 0, "0") and int(tmdb) == movie["tmdbId"]:
        return 0
    if ids.get("Imdb") and ids.get("Imdb") == movie.get("imdbId"):
        return 0
    return 1 if item.get("Name") == movie["title"] else 2


def notify(client: httpx.Client, token: str, movie: dict[str, Any],
           update_type: str, folder: str | None = None) -> list[httpx.Response]:
    """`Update(settings, movie, updateType)`: the paths found, else the movie's folder
    (mapped when Radarr's MapFrom/MapTo are set: pass `folder`)."""
    paths = find_paths(client, token, movie) or {folder or movie["path"]}
    return [client.post("/Library/Media/Updated", headers={"X-MediaBrowser-Token": token},
                        json={"updates": [{"path": path, "updateType": update_type}]})
            for path in sorted(paths)]


def admin_notification(client: httpx.Client, token: str) -> httpx.Response:
    """What Radarr's "Test" button sends (`Notify`)."""
    return client.post("/Notifications/Admin", headers={"X-MediaBrowser-Token": token},
                       json={"name": "Test from Radarr",
                             "description": "Success! MediaBrowser has been successfully "
                                            "configured!",
                             "imageUrl": "https://raw.github.com/Radarr/Radarr/develop/"
                                         "Logo/64.png"})
