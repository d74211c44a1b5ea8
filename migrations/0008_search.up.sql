-- Search fallback (when Typesense is down): full-text over overviews. Titles already have
-- a trigram index (movies_title_trgm, from 0005). The expression must match the one the
-- fallback queries use, word for word.
CREATE INDEX movies_overview_fts ON movies
    USING gin (to_tsvector('simple'::regconfig, COALESCE(overview, '')));
