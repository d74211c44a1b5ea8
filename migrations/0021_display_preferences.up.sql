-- What a Jellyfin app remembers per view (`/DisplayPreferences/{id}`: sort order, view
-- type, its own custom keys), kept per user, app (`client`) and id, as Jellyfin does.
-- The body is the app's JSON object, bounded in size by the application.
CREATE TABLE display_preferences (
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client text NOT NULL CHECK (length(client) BETWEEN 1 AND 100),
    preferences_id text NOT NULL CHECK (length(preferences_id) BETWEEN 1 AND 100),
    body jsonb NOT NULL CHECK (jsonb_typeof(body) = 'object'),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, client, preferences_id)
);

-- Which library a movie's file lies in decides the movie lists filtered by library
-- (Jellyfin's library views): a file joining, leaving or moving between libraries
-- moves the catalog generation, so cached counts and pages of those lists are dropped.
CREATE CONSTRAINT TRIGGER movie_files_library_changed
    AFTER INSERT OR DELETE OR UPDATE OF library_id, movie_id ON movie_files
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_catalog_generation();
