"""TMDb's JSON as msgspec Structs. Every field has a default and unknown fields are
ignored, so a field TMDb adds, drops or leaves null never breaks decoding; dates stay
text here and are parsed leniently by the mapping."""

from __future__ import annotations

import msgspec


class Wire(msgspec.Struct, kw_only=True):
    pass


class WireGenre(Wire):
    id: int = 0
    name: str = ""


class WireCollectionRef(Wire):
    id: int
    name: str = ""
    poster_path: str | None = None
    backdrop_path: str | None = None


class WireCast(Wire):
    id: int | None = None
    name: str = ""
    character: str | None = None
    order: int = 0
    profile_path: str | None = None
    known_for_department: str | None = None


class WireCrew(Wire):
    id: int | None = None
    name: str = ""
    job: str = ""
    department: str | None = None
    profile_path: str | None = None
    known_for_department: str | None = None


class WireCredits(Wire):
    cast: list[WireCast] = []
    crew: list[WireCrew] = []


class WireImage(Wire):
    file_path: str | None = None
    iso_639_1: str | None = None
    vote_average: float = 0.0
    width: int = 0
    height: int = 0


class WireImages(Wire):
    posters: list[WireImage] = []
    backdrops: list[WireImage] = []
    logos: list[WireImage] = []


class WireReleaseDate(Wire):
    certification: str | None = None
    type: int = 0


class WireReleaseCountry(Wire):
    iso_3166_1: str = ""
    release_dates: list[WireReleaseDate] = []


class WireReleaseDates(Wire):
    results: list[WireReleaseCountry] = []


class WireExternalIds(Wire):
    imdb_id: str | None = None


class WireMovieSummary(Wire):
    """A movie in search results, similar lists, collection parts and /find."""

    id: int
    title: str = ""
    original_title: str | None = None
    release_date: str | None = None
    popularity: float = 0.0
    poster_path: str | None = None
    overview: str | None = None
    vote_average: float | None = None


class WireMoviePage(Wire):
    page: int = 1
    results: list[WireMovieSummary] = []
    total_pages: int = 0
    total_results: int = 0


class WireMovie(Wire):
    id: int
    title: str = ""
    original_title: str | None = None
    imdb_id: str | None = None
    release_date: str | None = None
    runtime: int | None = None
    overview: str | None = None
    tagline: str | None = None
    poster_path: str | None = None
    backdrop_path: str | None = None
    vote_average: float | None = None
    vote_count: int = 0
    popularity: float | None = None
    genres: list[WireGenre] = []
    belongs_to_collection: WireCollectionRef | None = None
    credits: WireCredits | None = None
    images: WireImages | None = None
    release_dates: WireReleaseDates | None = None
    external_ids: WireExternalIds | None = None
    similar: WireMoviePage | None = None


class WireCollection(Wire):
    id: int
    name: str = ""
    overview: str | None = None
    poster_path: str | None = None
    backdrop_path: str | None = None
    parts: list[WireMovieSummary] = []


class WireFind(Wire):
    movie_results: list[WireMovieSummary] = []


class WireChange(Wire):
    id: int
    adult: bool | None = None


class WireChangesPage(Wire):
    page: int = 1
    results: list[WireChange] = []
    total_pages: int = 0


class WireImagesConfig(Wire):
    base_url: str = ""
    secure_base_url: str = ""
    poster_sizes: list[str] = []


class WireConfiguration(Wire):
    images: WireImagesConfig = msgspec.field(default_factory=WireImagesConfig)


class WireError(Wire):
    status_code: int = 0
    status_message: str = ""
    success: bool | None = None
