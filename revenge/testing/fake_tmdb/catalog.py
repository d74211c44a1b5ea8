"""The fake's data rendered as TMDb API v3 JSON (field names, nesting and the extra
fields real responses carry, so the adapter's tolerance is exercised too)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from revenge.testing.fake_tmdb.data import COLLECTIONS, GENRES, MOVIES, synthetic_rows

PAGE_SIZE = 20
Json = dict[str, Any]


def image_path(kind: str, key: object) -> str:
    digest = hashlib.sha1(f"{kind}:{key}".encode(), usedforsecurity=False).hexdigest()
    return f"/{digest[:27]}.{'png' if kind == 'logo' else 'jpg'}"


def _fold(text: str) -> list[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text)
                    if not unicodedata.combining(c)).casefold()
    return re.findall(r"\w+", plain)


class Row:
    def __init__(self, row: tuple[Any, ...]) -> None:
        (self.id, self.title, self.original_title, self.release_date, self.popularity,
         self.genre_ids, self.collection_id, self.imdb_id, self.runtime, self.certification,
         self.cast, self.directors) = row
        self.words = _fold(self.title) + _fold(self.original_title or "")

    @property
    def year(self) -> int:
        return int(self.release_date[:4])

    def summary(self) -> Json:
        return {"adult": False, "backdrop_path": image_path("backdrop", self.id),
                "genre_ids": list(self.genre_ids), "id": self.id, "original_language": "en",
                "original_title": self.original_title or self.title,
                "overview": f"{self.title} ({self.year}): a fixture overview.",
                "popularity": self.popularity, "poster_path": image_path("poster", self.id),
                "release_date": self.release_date, "title": self.title, "video": False,
                "vote_average": round(6 + (self.id % 30) / 10, 1),
                "vote_count": 100 + self.id % 5000}

    def details(self) -> Json:
        body = {k: v for k, v in self.summary().items() if k != "genre_ids"}
        return {**body, "belongs_to_collection": self._collection_ref(), "budget": 0,
                "genres": [{"id": g, "name": GENRES[g]} for g in self.genre_ids if g in GENRES],
                "homepage": "", "imdb_id": self.imdb_id, "origin_country": ["US"],
                "production_companies": [], "revenue": 0, "runtime": self.runtime,
                "spoken_languages": [], "status": "Released", "tagline": f"{self.title}."}

    def _collection_ref(self) -> Json | None:
        if self.collection_id is None:
            return None
        return {"id": self.collection_id, "name": COLLECTIONS[self.collection_id],
                "poster_path": image_path("poster", f"c{self.collection_id}"),
                "backdrop_path": image_path("backdrop", f"c{self.collection_id}")}

    def credits(self) -> Json:
        cast = [_person(pid, name, "Acting") | {"character": character, "order": i,
                                                "cast_id": i + 1, "credit_id": f"c{self.id}{i}"}
                for i, (pid, name, character) in enumerate(self.cast)]
        crew = [_person(pid, name, "Directing") | {"department": "Directing", "job": "Director",
                                                   "credit_id": f"d{self.id}{pid}"}
                for pid, name in self.directors]
        crew.append(_person(99, "Craft Services", "Crew") | {"department": "Crew",
                                                             "job": "Craft Service"})
        return {"id": self.id, "cast": cast, "crew": crew}

    def images(self) -> Json:
        return {"id": self.id, "backdrops": [_image("backdrop", self.id, None, 1280, 720)],
                "posters": [_image("poster", self.id, "en", 500, 750)],
                "logos": [_image("logo", self.id, "en", 400, 150)]}

    def release_dates(self) -> Json:
        dates: list[Json] = [{
            "certification": self.certification or "", "descriptors": [], "iso_639_1": "",
            "note": "", "release_date": f"{self.release_date}T00:00:00.000Z", "type": 3}]
        return {"id": self.id, "results": [{"iso_3166_1": "US", "release_dates": dates}]}

    def external_ids(self) -> Json:
        return {"id": self.id, "imdb_id": self.imdb_id, "wikidata_id": None,
                "facebook_id": None, "instagram_id": None, "twitter_id": None}


def _person(person_id: int, name: str, department: str) -> Json:
    return {"adult": False, "gender": 0, "id": person_id, "known_for_department": department,
            "name": name, "original_name": name, "popularity": 1.0,
            "profile_path": image_path("profile", person_id)}


def _image(kind: str, key: object, language: str | None, width: int, height: int) -> Json:
    return {"aspect_ratio": round(width / height, 3), "height": height, "iso_639_1": language,
            "file_path": image_path(kind, key), "vote_average": 5.3, "vote_count": 4,
            "width": width}


def page_of(items: list[Any], page: int) -> Json:
    total_pages = max(1, -(-len(items) // PAGE_SIZE)) if items else 0
    start = (page - 1) * PAGE_SIZE
    return {"page": page, "results": items[start:start + PAGE_SIZE],
            "total_pages": total_pages, "total_results": len(items)}


class FakeCatalog:
    def __init__(self, synthetic: int = 0) -> None:
        self.rows = {r[0]: Row(r) for r in (*MOVIES, *synthetic_rows(synthetic))}
        self.images = self._image_kinds()
        self._by_prefix = _prefix_index(self.rows.values())
        self._position = {row_id: i for i, row_id in enumerate(self.rows)}
        self._similar_to: dict[int, list[Json]] = {}

    def _image_kinds(self) -> dict[str, str]:
        kinds: dict[str, str] = {}
        for row in self.rows.values():
            for kind in ("poster", "backdrop", "logo"):
                kinds[image_path(kind, row.id)] = kind
            for pid, *_ in (*row.cast, *row.directors):
                kinds[image_path("profile", pid)] = "profile"
        for cid in COLLECTIONS:
            kinds[image_path("poster", f"c{cid}")] = "poster"
            kinds[image_path("backdrop", f"c{cid}")] = "backdrop"
        return kinds

    def search(self, query: str, year: int | None, page: int) -> Json:
        found = [self.rows[i] for i in self._matching(_fold(query))]
        found = [r for r in found if year is None or r.year == year]
        found.sort(key=lambda r: (-r.popularity, self._position[r.id]))
        body = page_of(found, page)
        body["results"] = [r.summary() for r in body["results"]]
        return body

    def _matching(self, wanted: list[str]) -> set[int]:
        """Rows where every query word starts one of the title's words."""
        sets = [self._by_prefix.get(q, set()) for q in wanted]
        return set.intersection(*sets) if sets else set()

    def movie(self, movie_id: int, appended: list[str]) -> Json | None:
        row = self.rows.get(movie_id)
        if row is None:
            return None
        body = row.details()
        for part in appended:
            if part == "similar":
                body["similar"] = page_of(self._similar_cached(row), 1)
            elif part in ("credits", "images", "release_dates", "external_ids"):
                body[part] = getattr(row, part)()
        return body

    def _similar_cached(self, row: Row) -> list[Json]:
        if row.id not in self._similar_to:
            self._similar_to[row.id] = self._similar(row)
        return self._similar_to[row.id]

    def _similar(self, row: Row) -> list[Json]:
        alike = [r for r in self.rows.values() if r.id != row.id
                 and set(r.genre_ids) & set(row.genre_ids) and r.id < 1_000_000]
        alike.sort(key=lambda r: (-len(set(r.genre_ids) & set(row.genre_ids)), -r.popularity))
        return [r.summary() for r in alike[:5]]

    def collection(self, collection_id: int) -> Json | None:
        if collection_id not in COLLECTIONS:
            return None
        parts = [r.summary() for r in self.rows.values() if r.collection_id == collection_id]
        parts.sort(key=lambda p: -p["popularity"])  # TMDb's order is not release order
        ref = {"id": collection_id, "name": COLLECTIONS[collection_id]}
        return {**ref, "overview": f"{ref['name']}: fixture overview.",
                "poster_path": image_path("poster", f"c{collection_id}"),
                "backdrop_path": image_path("backdrop", f"c{collection_id}"), "parts": parts}

    def find(self, imdb_id: str) -> Json:
        found = [r.summary() for r in self.rows.values() if r.imdb_id == imdb_id]
        return {"movie_results": found, "person_results": [], "tv_results": [],
                "tv_episode_results": [], "tv_season_results": []}


def _prefix_index(rows: Iterable[Row]) -> dict[str, set[int]]:
    """Every prefix of every title word -> the rows having it (search without a scan)."""
    index: dict[str, set[int]] = {}
    for row in rows:
        for word in row.words:
            for end in range(1, len(word) + 1):
                index.setdefault(word[:end], set()).add(row.id)
    return index
