-- Radarr: the connection (its API key sealed at rest, never stored in clear), the sync's
-- state and watermark, links between Radarr's movies and ours, open conflicts for the
-- admin, webhook deliveries (a key derived from the body makes a replay a no-op) and
-- what Radarr is downloading. Movies and files themselves live in the catalog's tables.

CREATE TABLE radarr_settings (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    url text NOT NULL CHECK (url <> ''),
    -- An AES-256-GCM token `v1.<key id>.<...>` (see `revenge secrets rotate`); NULL until
    -- an admin gives a key.
    api_key_sealed text CHECK (api_key_sealed LIKE 'v1.%'),
    path_mappings jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(path_mappings) = 'array'),
    -- NULL: no periodic sync.
    sync_interval_minutes integer CHECK (sync_interval_minutes >= 1),
    enabled boolean NOT NULL DEFAULT true,
    updated_at timestamptz NOT NULL
);

CREATE TABLE radarr_sync_state (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    -- The latest of Radarr's own timestamps seen (movie added, file dateAdded, history):
    -- where the next incremental sync starts.
    watermark timestamptz,
    -- Compare-and-set by the periodic schedule, so several workers request one sync.
    sync_requested_at timestamptz,
    last_started_at timestamptz,
    last_finished_at timestamptz,
    last_full_at timestamptz,
    last_mode text CHECK (last_mode IN ('full', 'incremental')),
    last_status text CHECK (last_status IN ('succeeded', 'failed')),
    last_error text,
    last_counts jsonb NOT NULL DEFAULT '{}',
    radarr_version text
);

-- Which of our movies (and file) each Radarr movie was last reconciled with.
CREATE TABLE radarr_links (
    radarr_movie_id integer PRIMARY KEY,
    movie_id uuid NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    tmdb_id integer,
    radarr_file_id integer,
    remote_path text,
    local_path text,
    updated_at timestamptz NOT NULL
);
CREATE INDEX radarr_links_movie ON radarr_links (movie_id);
CREATE INDEX radarr_links_local_path ON radarr_links (local_path) WHERE local_path IS NOT NULL;

-- Open disagreements, one per kind and Radarr movie; closed ones are deleted.
CREATE TABLE radarr_conflicts (
    key text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('tmdb_mismatch', 'path_mismatch', 'deleted_in_radarr',
                                       'unmapped_path')),
    radarr_movie_id integer NOT NULL,
    movie_id uuid,
    tmdb_id integer,
    radarr_path text,
    our_paths text[] NOT NULL DEFAULT '{}',
    detail text NOT NULL,
    opened_at timestamptz NOT NULL
);
CREATE INDEX radarr_conflicts_radarr_movie ON radarr_conflicts (radarr_movie_id);

-- Every webhook delivery once: `key` is the SHA-256 of its canonical JSON body, so the
-- same delivery twice is recorded (and applied) once. `event` is the decoded event the
-- radarr_webhook job applies.
CREATE TABLE radarr_deliveries (
    key text PRIMARY KEY,
    event_type text NOT NULL,
    radarr_movie_id integer,
    summary text NOT NULL,
    event jsonb NOT NULL,
    received_at timestamptz NOT NULL,
    job_id text,
    applied_at timestamptz,
    outcome jsonb
);
CREATE INDEX radarr_deliveries_received ON radarr_deliveries (received_at, key);

-- What Radarr grabbed and whether it arrived (Grab -> downloading, Download -> imported).
CREATE TABLE radarr_downloads (
    radarr_movie_id integer PRIMARY KEY,
    tmdb_id integer,
    title text NOT NULL,
    status text NOT NULL CHECK (status IN ('downloading', 'imported')),
    release_title text,
    quality text,
    download_client text,
    download_id text,
    updated_at timestamptz NOT NULL
);
CREATE INDEX radarr_downloads_tmdb ON radarr_downloads (tmdb_id);
