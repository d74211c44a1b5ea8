-- Libraries (folders of movies) and the scanner's per-file state. The catalog's
-- movie_files table holds the files the scanner recognised; this adds which library
-- each belongs to and the key the scanner grouped it by. Files the scanner looked at
-- and chose not to record as movies (samples, names without a title) are remembered
-- in library_skipped_files, so a rescan of an unchanged tree never parses them again.

CREATE TABLE libraries (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (name <> ''),
    -- Absolute, normalised folder paths; none lies inside another library's.
    paths text[] NOT NULL CHECK (cardinality(paths) >= 1),
    -- NULL: no periodic scans (manual, or watching only).
    scan_interval_minutes integer CHECK (scan_interval_minutes >= 1),
    watch boolean NOT NULL DEFAULT false,
    -- When a scan was last requested (by the schedule, an admin or the CLI); the
    -- periodic schedule compares against it, so scans themselves never write here.
    scan_requested_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX libraries_name_key ON libraries (lower(name));

-- A deleted library leaves its files (marked missing by the use case) and their
-- movies, so re-adding the folder later finds them again with everyone's watch state.
ALTER TABLE movie_files
    ADD COLUMN library_id uuid REFERENCES libraries (id) ON DELETE SET NULL,
    ADD COLUMN group_key text;
CREATE INDEX movie_files_library_path ON movie_files (library_id, path);
CREATE INDEX movie_files_library_group ON movie_files (library_id, group_key);
CREATE INDEX movie_files_unprobed ON movie_files (library_id, id)
    WHERE probed_at IS NULL AND probe_error IS NULL AND missing_since IS NULL;
CREATE INDEX movie_files_missing_size ON movie_files (size_bytes)
    WHERE missing_since IS NOT NULL;

-- 'unmatched': known only from its file names (or .nfo); the metadata context moves it
-- on ('matched' once enriched from the provider).
ALTER TABLE movies
    ADD COLUMN match_status text NOT NULL DEFAULT 'unmatched';
CREATE INDEX movies_unmatched ON movies (id) WHERE match_status = 'unmatched';

CREATE TABLE library_skipped_files (
    library_id uuid NOT NULL REFERENCES libraries (id) ON DELETE CASCADE,
    path text NOT NULL,
    size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
    mtime timestamptz NOT NULL,
    reason text NOT NULL CHECK (reason IN ('sample', 'unrecognised')),
    PRIMARY KEY (library_id, path)
);
