-- Metadata (TMDb): what the catalog lacks. Per-movie matching/refresh state (so a
-- provider outage parks work as "pending" and a periodic job picks it up again), the
-- candidates of a movie left unmatched, similar movies (TMDb references, most not in
-- the library), the image cache's records (content hash, size, blurhash) and the
-- cursor of the incremental refresh. movies.match_status (0006) stays the coarse flag.

CREATE TABLE metadata_movie_state (
    movie_id uuid PRIMARY KEY REFERENCES movies (id) ON DELETE CASCADE,
    -- matched: enriched; unmatched: no confident candidate (see candidates);
    -- pending: the provider was unavailable, retried from next_attempt_at.
    status text NOT NULL CHECK (status IN ('matched', 'unmatched', 'pending')),
    operation text NOT NULL DEFAULT 'match' CHECK (operation IN ('match', 'refresh')),
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error text,
    next_attempt_at timestamptz,
    refreshed_at timestamptz,
    updated_at timestamptz NOT NULL
);
CREATE INDEX metadata_movie_state_pending ON metadata_movie_state (next_attempt_at, movie_id)
    WHERE status = 'pending';

CREATE TABLE metadata_match_candidates (
    movie_id uuid NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    position integer NOT NULL CHECK (position >= 0),
    tmdb_id integer NOT NULL CHECK (tmdb_id > 0),
    title text NOT NULL,
    original_title text,
    year integer,
    popularity double precision,
    score double precision NOT NULL CHECK (score BETWEEN 0 AND 1),
    poster_path text,
    overview text,
    PRIMARY KEY (movie_id, position)
);

CREATE TABLE movie_similar (
    movie_id uuid NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    position integer NOT NULL CHECK (position >= 0),
    tmdb_id integer NOT NULL CHECK (tmdb_id > 0),
    title text NOT NULL,
    year integer,
    poster_path text,
    vote_average double precision,
    PRIMARY KEY (movie_id, position)
);
CREATE INDEX movie_similar_tmdb ON movie_similar (tmdb_id);

-- One row per provider image path (e.g. '/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg'); the bytes
-- live on disk under <data_dir>/images, named by content_hash.
CREATE TABLE metadata_images (
    source_path text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('poster', 'backdrop', 'logo', 'profile')),
    content_hash text NOT NULL,
    content_type text NOT NULL,
    width integer NOT NULL CHECK (width > 0),
    height integer NOT NULL CHECK (height > 0),
    size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
    blurhash text,
    fetched_at timestamptz NOT NULL
);

-- Named cursors (e.g. the last day /movie/changes was read up to).
CREATE TABLE metadata_sync (
    name text PRIMARY KEY,
    synced_until timestamptz NOT NULL
);
