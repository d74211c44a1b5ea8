-- Catalog: movies, genres, people and credits, files, collections; per-user watch state,
-- history, watchlist and ratings. Sort keys that may be NULL are indexed as
-- COALESCE(column, -1) so keyset pagination can compare (key, id) rows; queries use
-- exactly the same expressions.

CREATE TABLE movies (
    id uuid PRIMARY KEY,
    title text NOT NULL CHECK (title <> ''),
    original_title text,
    sort_title text COLLATE "C" NOT NULL,  -- folded by the domain; byte order is stable
    year integer CHECK (year BETWEEN 1800 AND 2200),
    release_date date,
    runtime_minutes integer CHECK (runtime_minutes >= 0),
    overview text,
    tagline text,
    content_rating text,
    tmdb_id integer UNIQUE CHECK (tmdb_id > 0),
    imdb_id text,
    poster_path text,
    backdrop_path text,
    logo_path text,
    vote_average double precision CHECK (vote_average BETWEEN 0 AND 10),
    vote_count integer NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    popularity double precision CHECK (popularity >= 0),
    missing boolean NOT NULL DEFAULT false,
    -- Fields an admin edited by hand; a metadata refresh leaves them alone.
    locked_fields text[] NOT NULL DEFAULT '{}',
    added_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE INDEX movies_title_key ON movies (sort_title, id);
CREATE INDEX movies_year_key ON movies ((COALESCE(year, -1)), id);
CREATE INDEX movies_added_key ON movies (added_at, id);
CREATE INDEX movies_rating_key ON movies ((COALESCE(vote_average, -1)), id);
CREATE INDEX movies_runtime_key ON movies ((COALESCE(runtime_minutes, -1)), id);
CREATE INDEX movies_popularity_key ON movies ((COALESCE(popularity, -1)), id);
CREATE INDEX movies_missing ON movies (id) WHERE missing;
CREATE INDEX movies_imdb_id ON movies (imdb_id) WHERE imdb_id IS NOT NULL;
CREATE INDEX movies_title_trgm ON movies
    USING gin ((title || ' ' || COALESCE(original_title, '')) gin_trgm_ops);

CREATE TABLE genres (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (name <> ''),
    tmdb_id integer UNIQUE
);
CREATE UNIQUE INDEX genres_name_key ON genres (lower(name));

CREATE TABLE movie_genres (
    movie_id uuid NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    genre_id uuid NOT NULL REFERENCES genres (id) ON DELETE CASCADE,
    PRIMARY KEY (movie_id, genre_id)
);
CREATE INDEX movie_genres_genre ON movie_genres (genre_id, movie_id);

CREATE TABLE people (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    tmdb_id integer UNIQUE,
    imdb_id text,
    profile_path text,
    known_for_department text
);
CREATE INDEX people_name_trgm ON people USING gin (name gin_trgm_ops);

-- Cast and crew of a movie, each in its own order (TMDb's billing order for cast).
CREATE TABLE movie_credits (
    movie_id uuid NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('cast', 'crew')),
    position integer NOT NULL CHECK (position >= 0),
    person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    character text,
    job text,
    department text,
    PRIMARY KEY (movie_id, kind, position)
);
CREATE INDEX movie_credits_person ON movie_credits (person_id);

CREATE TABLE movie_files (
    id uuid PRIMARY KEY,
    movie_id uuid NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    path text NOT NULL UNIQUE,
    size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
    mtime timestamptz NOT NULL,
    kind text NOT NULL DEFAULT 'main' CHECK (kind IN ('main', 'extra')),
    extra_type text,
    part smallint CHECK (part >= 1),
    edition text,
    content_hash text,
    container text,
    duration_seconds double precision CHECK (duration_seconds >= 0),
    bitrate bigint CHECK (bitrate >= 0),
    video_streams jsonb NOT NULL DEFAULT '[]',
    audio_streams jsonb NOT NULL DEFAULT '[]',
    subtitle_streams jsonb NOT NULL DEFAULT '[]',
    probed_at timestamptz,
    probe_error text,
    added_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    missing_since timestamptz
);
CREATE INDEX movie_files_movie ON movie_files (movie_id, path);
-- A moved file is recognised by its size and a partial content hash.
CREATE INDEX movie_files_identity ON movie_files (size_bytes, content_hash);

CREATE TABLE collections (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (name <> ''),
    overview text,
    tmdb_id integer UNIQUE,
    poster_path text,
    backdrop_path text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE collection_members (
    collection_id uuid NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    movie_id uuid NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    position integer NOT NULL CHECK (position >= 0),
    PRIMARY KEY (collection_id, movie_id)
);
CREATE INDEX collection_members_movie ON collection_members (movie_id);

-- Per-user state. `percent` is derived, never written; `in_progress` says the position
-- is a resume point (decided by the domain's progress policy when it was recorded).
CREATE TABLE watch_state (
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    movie_id uuid NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    position_seconds double precision NOT NULL DEFAULT 0 CHECK (position_seconds >= 0),
    duration_seconds double precision NOT NULL DEFAULT 0 CHECK (duration_seconds >= 0),
    percent double precision GENERATED ALWAYS AS (
        CASE WHEN duration_seconds > 0
             THEN LEAST(100, position_seconds * 100 / duration_seconds) ELSE 0 END
    ) STORED,
    completed boolean NOT NULL DEFAULT false,
    play_count integer NOT NULL DEFAULT 0 CHECK (play_count >= 0),
    in_progress boolean NOT NULL DEFAULT false,
    hidden_from_continue boolean NOT NULL DEFAULT false,
    last_played_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, movie_id),
    CHECK (NOT in_progress OR last_played_at IS NOT NULL)
);
CREATE INDEX watch_state_continue ON watch_state (user_id, last_played_at, movie_id)
    WHERE in_progress AND NOT hidden_from_continue;
CREATE INDEX watch_state_completed ON watch_state (user_id, movie_id) WHERE completed;
CREATE INDEX watch_state_user_updated ON watch_state (user_id, updated_at);
CREATE INDEX watch_state_movie ON watch_state (movie_id);

-- One row per completed play (or manual "mark watched").
CREATE TABLE watch_history (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    movie_id uuid NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    watched_at timestamptz NOT NULL,
    source text NOT NULL CHECK (source IN ('playback', 'manual'))
);
CREATE INDEX watch_history_user ON watch_history (user_id, watched_at, id);
CREATE INDEX watch_history_movie ON watch_history (movie_id);

CREATE TABLE watchlist (
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    movie_id uuid NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    added_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, movie_id)
);
CREATE INDEX watchlist_user_added ON watchlist (user_id, added_at, movie_id);
CREATE INDEX watchlist_movie ON watchlist (movie_id);

CREATE TABLE user_ratings (
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    movie_id uuid NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 10),
    rated_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, movie_id)
);
CREATE INDEX user_ratings_movie ON user_ratings (movie_id);

-- A number that grows whenever movies or their genres change, so aggregates (totals,
-- genre counts, stats) can be cached under it and never served stale. It is bumped
-- by a deferred trigger, i.e. at commit, so the row lock is held only for an instant
-- and can never take part in a deadlock; it never goes back (micro-second clock floor).
CREATE TABLE catalog_generation (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    generation bigint NOT NULL
);
INSERT INTO catalog_generation (generation)
VALUES ((extract(epoch FROM clock_timestamp()) * 1000000)::bigint);

CREATE FUNCTION bump_catalog_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('revenge.catalog_bumped', true) IS DISTINCT FROM 'on' THEN
        INSERT INTO catalog_generation (generation)
        VALUES ((extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
        ON CONFLICT (singleton) DO UPDATE SET generation = GREATEST(
            catalog_generation.generation + 1, EXCLUDED.generation);
        PERFORM set_config('revenge.catalog_bumped', 'on', true);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION bump_catalog_generation_now() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO catalog_generation (generation)
    VALUES ((extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
    ON CONFLICT (singleton) DO UPDATE SET generation = GREATEST(
        catalog_generation.generation + 1, EXCLUDED.generation);
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER movies_changed AFTER INSERT OR UPDATE OR DELETE ON movies
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalog_generation();
CREATE CONSTRAINT TRIGGER movie_genres_changed AFTER INSERT OR UPDATE OR DELETE ON movie_genres
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalog_generation();
CREATE CONSTRAINT TRIGGER genres_changed AFTER INSERT OR UPDATE OR DELETE ON genres
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalog_generation();
CREATE TRIGGER movies_truncated AFTER TRUNCATE ON movies
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation_now();
CREATE TRIGGER movie_genres_truncated AFTER TRUNCATE ON movie_genres
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation_now();
