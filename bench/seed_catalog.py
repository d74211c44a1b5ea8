"""Seed a Revenge database with a realistic movie catalog, fast (COPY).

Movies with genres (1-3 of TMDb's 19), cast (8) and crew (3) drawn from a shared pool
of people, one file each (some in two parts) with stream summaries, and - for one user -
a few thousand watch rows: watched movies with their history, movies in progress (some
hidden from "continue watching"), a watchlist and ratings.

It grows a catalog: `seed_movies(url, 5_000)` then `seed_movies(url, 50_000)` adds the
45,000 missing ones, so one running server can be measured at both sizes.

usage: python bench/seed_catalog.py DATABASE_URL COUNT [--user USER_ID]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from revenge.domain.catalog.movie import sort_title_of


def _words(text: str) -> list[str]:
    return text.split()


GENRES = ["Action", "Adventure", "Animation", "Comedy", "Crime", "Documentary", "Drama",
          "Family", "Fantasy", "History", "Horror", "Music", "Mystery", "Romance",
          "Science Fiction", "TV Movie", "Thriller", "War", "Western"]
GENRE_WEIGHTS = [9, 5, 3, 10, 6, 2, 14, 3, 4, 2, 6, 1, 3, 5, 4, 1, 8, 1, 1]
ADJECTIVES = _words("Silent Dark Last Lost Hidden Broken Golden Red Black White Eternal Final "
              "Burning Frozen Midnight Savage Quiet Wild Little Great Secret Deadly "
              "Endless Crimson Hollow Iron Velvet Electric Lonely Distant Bitter")
NOUNS = _words("Harbor Protocol Kingdom River Empire Shadow Garden Horizon City Night Storm "
         "Witness Promise Machine Frontier Island Mirror Signal Highway Summer Winter "
         "Station Heart Legacy Echo Memory Crown Desert Ocean Tower Circus Orchard "
         "Letter Voyage Hunter Ghost Paradise Alibi Verdict Requiem")
FIRST = _words("James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David "
         "Barbara Richard Susan Joseph Jessica Thomas Sarah Carlos Sofia Kenji Yuki "
         "Ahmed Fatima Ivan Olga Pierre Amelie Lars Ingrid Raj Priya Chen Mei")
LAST = _words("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez "
        "Hernandez Lopez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Tanaka "
        "Sato Kowalski Novak Dubois Laurent Jensen Nilsson Kumar Patel Wang Li Rossi")
CHARACTERS = _words("Detective Mother Father Stranger Doctor Captain Agent Sheriff Girl Boy "
              "Professor Driver Nurse Soldier Pilot Singer Thief Priest Lawyer")
CREW = [("Director", "Directing"), ("Screenplay", "Writing"), ("Producer", "Production")]
PEOPLE = 30_000
EPOCH = datetime(2021, 1, 1, tzinfo=UTC)

GENRE_IDS = {name: str(uuid.UUID(int=0x01900000_0000_7000_8000_000000000000 + i))
             for i, name in enumerate(GENRES)}


def _person_id(index: int) -> str:
    return str(uuid.UUID(int=0x01900001_0000_7000_8000_000000000000 + index))


def _movie_id(index: int) -> str:
    # Time-ordered like UUIDv7 (index in the timestamp bits), stable across runs.
    return str(uuid.UUID(int=(0x0191 << 112) + (index << 80) + (0x7 << 76) + (0x8 << 60)))


def _title(rng: random.Random, index: int) -> str:
    roll = rng.random()
    core = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
    if roll < 0.3:
        core = f"The {core}"
    elif roll < 0.4:
        core = f"{core} {rng.randint(2, 4)}"
    elif roll < 0.5:
        core = f"{rng.choice(NOUNS)} of the {rng.choice(NOUNS)}"
    return core if rng.random() < 0.8 else f"{core}: {rng.choice(ADJECTIVES)} {index % 97}"


def _movie_row(rng: random.Random, index: int) -> tuple[object, ...]:
    title = _title(rng, index)
    year = min(2025, int(1930 + 95 * rng.betavariate(3, 1.3)))
    released = date(year, rng.randint(1, 12), rng.randint(1, 28))
    votes = int(rng.paretovariate(1.2) * 20)
    added = EPOCH + timedelta(seconds=rng.randint(0, 5 * 365 * 86400))
    return (
        _movie_id(index), title, title if rng.random() < 0.9 else f"{title} (original)",
        sort_title_of(title), year, released,
        None if rng.random() < 0.02 else rng.randint(75, 190),
        "A story of " + " and ".join(rng.sample(NOUNS, 6)).lower() + ".",
        None if rng.random() < 0.5 else f"{rng.choice(ADJECTIVES)} is only the beginning.",
        rng.choice(["G", "PG", "PG-13", "R", "NC-17", None]), 100_000 + index,
        f"tt{1_000_000 + index:07d}", f"/p{index:07d}.jpg", f"/b{index:07d}.jpg", None,
        None if rng.random() < 0.03 else round(rng.uniform(2.0, 9.2), 1), votes,
        round(rng.lognormvariate(2, 1.2), 3), rng.random() < 0.005, "{}", added, added)


MOVIE_COLUMNS = ("id, title, original_title, sort_title, year, release_date, runtime_minutes, "
                 "overview, tagline, content_rating, tmdb_id, imdb_id, poster_path, "
                 "backdrop_path, logo_path, vote_average, vote_count, popularity, missing, "
                 "locked_fields, added_at, updated_at")

_STREAMS = (
    json.dumps([{"codec": "h264", "profile": "High", "width": 1920, "height": 1080,
                 "frame_rate": 23.976, "bit_depth": 8, "default": True}]),
    json.dumps([{"codec": "hevc", "profile": "Main 10", "width": 3840, "height": 2160,
                 "hdr": "HDR10", "frame_rate": 23.976, "bit_depth": 10, "default": True}]),
)
_AUDIO = json.dumps([{"codec": "eac3", "channels": 6, "channel_layout": "5.1",
                      "language": "eng", "default": True},
                     {"codec": "aac", "channels": 2, "language": "fra"}])
_SUBS = json.dumps([{"codec": "subrip", "language": "eng"},
                    {"codec": "subrip", "language": "spa", "forced": True}])


def _file_rows(rng: random.Random, index: int, movie: tuple[object, ...],
               ) -> Iterator[tuple[object, ...]]:
    parts = 2 if rng.random() < 0.05 else 1
    folder = f"/media/movies/{movie[1]} ({movie[4]}) [{index}]"
    for part in range(1, parts + 1):
        name = f"{movie[1]} ({movie[4]})" + (f" - cd{part}" if parts > 1 else "") + ".mkv"
        duration = (movie[6] or 100) * 60 / parts
        yield (str(uuid.UUID(int=(index << 8) + part + (0x0192 << 112))), movie[0],
               f"{folder}/{name}", rng.randint(2, 60) * 1_000_000_000 // parts, movie[20],
               "main", part if parts > 1 else None, "matroska", float(duration),
               rng.randint(4_000_000, 60_000_000), rng.choice(_STREAMS), _AUDIO, _SUBS,
               movie[20], movie[20], movie[20])


FILE_COLUMNS = ("id, movie_id, path, size_bytes, mtime, kind, part, container, "
                "duration_seconds, bitrate, video_streams, audio_streams, subtitle_streams, "
                "probed_at, added_at, updated_at")


def _credit_rows(rng: random.Random, movie_id: object) -> Iterator[tuple[object, ...]]:
    for position in range(8):
        yield (movie_id, "cast", position, _person_id(rng.randrange(PEOPLE)),
               rng.choice(CHARACTERS), None, None)
    for position, (job, department) in enumerate(CREW):
        yield (movie_id, "crew", position, _person_id(rng.randrange(PEOPLE)), None, job,
               department)


def _genre_rows(rng: random.Random, movie_id: object) -> Iterator[tuple[object, ...]]:
    chosen = set(rng.choices(GENRES, GENRE_WEIGHTS, k=rng.randint(1, 3)))
    for name in chosen:
        yield (movie_id, GENRE_IDS[name])


def _copy(cur: psycopg.Cursor[tuple[object, ...]], table: str, columns: str,
          rows: Iterator[tuple[object, ...]] | list[tuple[object, ...]]) -> int:
    count = 0
    with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def existing_movies(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM movies").fetchone()
        return int(row[0]) if row else 0


def seed_movies(url: str, total: int) -> dict[str, int]:
    """Grows the catalog to `total` movies (genres, people, credits, files included)."""
    start = existing_movies(url)
    counts = {"movies": 0, "files": 0, "credits": 0, "movie_genres": 0}
    if start >= total:
        return counts
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        _bulk_mode(cur)
        if start == 0:
            _seed_shared(cur)
        rng = random.Random(start)
        movies = [_movie_row(rng, i) for i in range(start, total)]
        counts["movies"] = _copy(cur, "movies", MOVIE_COLUMNS, movies)
        counts["files"] = _copy(cur, "movie_files", FILE_COLUMNS, (
            f for i, m in enumerate(movies, start) for f in _file_rows(rng, i, m)))
        counts["movie_genres"] = _copy(cur, "movie_genres", "movie_id, genre_id", (
            g for m in movies for g in _genre_rows(rng, m[0])))
        counts["credits"] = _copy(
            cur, "movie_credits", "movie_id, kind, position, person_id, character, job, "
            "department", (c for m in movies for c in _credit_rows(rng, m[0])))
        cur.execute(_BUMP_GENERATION)  # the skipped triggers would have done it
        conn.commit()
    return counts


# Rows made here are consistent by construction, so a superuser seeder skips the
# per-row foreign-key and generation triggers (10x faster); others just run them.
_BUMP_GENERATION = """
UPDATE catalog_generation SET generation = GREATEST(
    generation + 1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)"""


def _bulk_mode(cur: psycopg.Cursor[tuple[object, ...]]) -> None:
    cur.execute("SET synchronous_commit = off")
    try:
        cur.execute("SAVEPOINT bulk")
        cur.execute("SET LOCAL session_replication_role = replica")
    except psycopg.errors.InsufficientPrivilege:
        cur.execute("ROLLBACK TO SAVEPOINT bulk")


def _seed_shared(cur: psycopg.Cursor[tuple[object, ...]]) -> None:
    _copy(cur, "genres", "id, name, tmdb_id",
          [(gid, name, 10_000 + i) for i, (name, gid) in enumerate(GENRE_IDS.items())])
    rng = random.Random(7)
    _copy(cur, "people", "id, name, tmdb_id, profile_path, known_for_department", (
        (_person_id(i), f"{rng.choice(FIRST)} {rng.choice(LAST)}", 500_000 + i,
         f"/h{i:06d}.jpg", "Acting") for i in range(PEOPLE)))


def seed_viewer(url: str, user_id: str, *, among: int, watched: int = 2_000,
                in_progress: int = 300, watchlist: int = 300, rated: int = 600) -> int:
    """One user's state over the first `among` movies; returns the watch rows written."""
    rng = random.Random(42)
    picks = rng.sample(range(among), watched + in_progress)
    now = datetime.now(UTC)
    states, history = [], []
    for n, index in enumerate(picks):
        played = now - timedelta(minutes=rng.randint(1, 400 * 24 * 60))
        if n < watched:
            plays = 1 if rng.random() < 0.85 else 2
            states.append((user_id, _movie_id(index), 6500.0, 7200.0, True, plays, False,
                           False, played, played))
            history += [(str(uuid.uuid4()), user_id, _movie_id(index),
                         played - timedelta(days=30 * p), "playback") for p in range(plays)]
        else:
            position = float(rng.randint(600, 6000))
            states.append((user_id, _movie_id(index), position, 7200.0, False, 0, True,
                           rng.random() < 0.1, played, played))
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        _bulk_mode(cur)
        rows = _copy(cur, "watch_state", "user_id, movie_id, position_seconds, "
                     "duration_seconds, completed, play_count, in_progress, "
                     "hidden_from_continue, last_played_at, updated_at", states)
        _copy(cur, "watch_history", "id, user_id, movie_id, watched_at, source", history)
        _copy(cur, "watchlist", "user_id, movie_id, added_at", [
            (user_id, _movie_id(i), now - timedelta(hours=i))
            for i in rng.sample(range(among), watchlist)])
        _copy(cur, "user_ratings", "user_id, movie_id, rating, rated_at", [
            (user_id, _movie_id(i), rng.randint(1, 10), now)
            for i in rng.sample(range(among), rated)])
        conn.commit()
    return rows


def vacuum(url: str) -> None:
    """Fresh statistics and visibility maps, as autovacuum would give a settled server."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("count", type=int)
    parser.add_argument("--user", help="a user id (an existing users row) to give watch rows")
    args = parser.parse_args()
    started = time.perf_counter()
    counts = seed_movies(args.database_url, args.count)
    if args.user:
        counts["watch_rows"] = seed_viewer(args.database_url, args.user,
                                           among=min(args.count, 5_000))
    vacuum(args.database_url)
    print(f"seeded {counts} in {time.perf_counter() - started:.1f}s")


if __name__ == "__main__":
    main()
