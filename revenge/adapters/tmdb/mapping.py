"""TMDb wire types -> domain types, in one place."""

from __future__ import annotations

from datetime import date

from revenge.adapters.tmdb.wire import (
    WireCast,
    WireCollection,
    WireCrew,
    WireImage,
    WireMovie,
    WireMoviePage,
    WireMovieSummary,
    WireReleaseDates,
)
from revenge.domain.catalog.credits import CastCredit, CrewCredit, Person
from revenge.domain.metadata.details import (
    Candidate,
    CollectionDetails,
    CollectionPart,
    CollectionRef,
    MovieDetails,
    SearchPage,
    SimilarMovie,
)

MAX_CAST = 50
MAX_SIMILAR = 20
CREW_JOBS = frozenset({"Director", "Screenplay", "Writer", "Novel", "Story", "Producer",
                       "Original Music Composer", "Director of Photography", "Editor"})
_THEATRICAL = 3


def parsed_date(text: str | None) -> date | None:
    """TMDb sends "YYYY-MM-DD", "" or null; anything else is treated as unknown."""
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _year(text: str | None) -> int | None:
    found = parsed_date(text)
    return found.year if found else None


def _text(value: str | None) -> str | None:
    return value.strip() or None if value else None


def candidate(wire: WireMovieSummary) -> Candidate:
    return Candidate(tmdb_id=wire.id, title=wire.title, original_title=_text(wire.original_title),
                     year=_year(wire.release_date), popularity=wire.popularity,
                     poster_path=wire.poster_path, overview=_text(wire.overview))


def search_page(wire: WireMoviePage) -> SearchPage:
    return SearchPage(page=wire.page, total_pages=wire.total_pages,
                      total_results=wire.total_results,
                      results=tuple(candidate(r) for r in wire.results if r.title))


def movie_details(wire: WireMovie, *, language: str, region: str) -> MovieDetails:
    credits = wire.credits
    return MovieDetails(
        tmdb_id=wire.id, title=wire.title, original_title=_text(wire.original_title),
        imdb_id=_imdb(wire), release_date=parsed_date(wire.release_date),
        runtime_minutes=wire.runtime or None, overview=_text(wire.overview),
        tagline=_text(wire.tagline), content_rating=_rating(wire.release_dates, region),
        poster_path=wire.poster_path, backdrop_path=wire.backdrop_path,
        logo_path=_logo(wire, language), vote_average=wire.vote_average,
        vote_count=wire.vote_count, popularity=wire.popularity,
        genres=tuple(g.name for g in wire.genres if g.name),
        cast=tuple(_cast(credits.cast)) if credits else (),
        crew=tuple(_crew(credits.crew)) if credits else (),
        collection=_collection_ref(wire), similar=_similar(wire.similar))


def _imdb(wire: WireMovie) -> str | None:
    found = wire.imdb_id or (wire.external_ids.imdb_id if wire.external_ids else None)
    return found if found and found.startswith("tt") else None


def _rating(release_dates: WireReleaseDates | None, region: str) -> str | None:
    if release_dates is None:
        return None
    for country in release_dates.results:
        if country.iso_3166_1 == region:
            rated = [r for r in country.release_dates if r.certification]
            rated.sort(key=lambda r: r.type != _THEATRICAL)
            return rated[0].certification if rated else None
    return None


def _logo(wire: WireMovie, language: str) -> str | None:
    logos = wire.images.logos if wire.images else []
    wanted = language.split("-")[0]
    usable = [i for i in logos if i.file_path and i.iso_639_1 in (wanted, None)]
    usable.sort(key=lambda i: (i.iso_639_1 != wanted, -i.vote_average))
    return _path(usable[0]) if usable else None


def _path(image: WireImage) -> str | None:
    return image.file_path


def _cast(cast: list[WireCast]) -> list[CastCredit]:
    ordered = sorted((c for c in cast if c.name), key=lambda c: c.order)[:MAX_CAST]
    return [CastCredit(person=_person(c.id, c.name, c.profile_path, c.known_for_department),
                       character=_text(c.character)) for c in ordered]


def _crew(crew: list[WireCrew]) -> list[CrewCredit]:
    kept = [c for c in crew if c.name and c.job in CREW_JOBS]
    return [CrewCredit(person=_person(c.id, c.name, c.profile_path, c.known_for_department),
                       job=c.job, department=c.department) for c in kept]


def _person(tmdb_id: int | None, name: str, profile_path: str | None,
            department: str | None) -> Person:
    return Person(name=name, tmdb_id=tmdb_id, profile_path=profile_path,
                  known_for_department=department)


def _collection_ref(wire: WireMovie) -> CollectionRef | None:
    ref = wire.belongs_to_collection
    if ref is None or not ref.name:
        return None
    return CollectionRef(tmdb_id=ref.id, name=ref.name, poster_path=ref.poster_path,
                         backdrop_path=ref.backdrop_path)


def _similar(page: WireMoviePage | None) -> tuple[SimilarMovie, ...]:
    if page is None:
        return ()
    return tuple(SimilarMovie(tmdb_id=r.id, title=r.title, year=_year(r.release_date),
                              poster_path=r.poster_path, vote_average=r.vote_average)
                 for r in page.results[:MAX_SIMILAR] if r.title)


def collection_details(wire: WireCollection) -> CollectionDetails:
    return CollectionDetails(
        tmdb_id=wire.id, name=wire.name, overview=_text(wire.overview),
        poster_path=wire.poster_path, backdrop_path=wire.backdrop_path,
        parts=tuple(CollectionPart(tmdb_id=p.id, title=p.title,
                                   release_date=parsed_date(p.release_date))
                    for p in wire.parts if p.title))
