-- Change notifications for caches held in server processes (the HTTP server's cache of
-- movie list pages). Nothing here is needed for correctness of the data itself.
--
-- * `revenge_catalog` (empty payload): movies, genres or their links changed, or a
--   per-user table was truncated: every cached list is suspect. Sent once per
--   transaction, when the catalog generation is bumped (i.e. at commit).
-- * `revenge_user_state` (payload: a user id): that user's watch state, watchlist or
--   ratings changed. PostgreSQL folds identical notifications of one transaction into
--   one, so a bulk change costs one message per user.
-- Notifications are delivered at commit, never for a rolled-back transaction.

CREATE OR REPLACE FUNCTION bump_catalog_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('revenge.catalog_bumped', true) IS DISTINCT FROM 'on' THEN
        INSERT INTO catalog_generation (generation)
        VALUES ((extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
        ON CONFLICT (singleton) DO UPDATE SET generation = GREATEST(
            catalog_generation.generation + 1, EXCLUDED.generation);
        PERFORM set_config('revenge.catalog_bumped', 'on', true);
        PERFORM pg_notify('revenge_catalog', '');
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION bump_catalog_generation_now() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO catalog_generation (generation)
    VALUES ((extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
    ON CONFLICT (singleton) DO UPDATE SET generation = GREATEST(
        catalog_generation.generation + 1, EXCLUDED.generation);
    PERFORM pg_notify('revenge_catalog', '');
    RETURN NULL;
END $$;

CREATE FUNCTION notify_user_state_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('revenge_user_state', OLD.user_id::text);
    ELSE
        PERFORM pg_notify('revenge_user_state', NEW.user_id::text);
        IF TG_OP = 'UPDATE' AND OLD.user_id IS DISTINCT FROM NEW.user_id THEN
            PERFORM pg_notify('revenge_user_state', OLD.user_id::text);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION notify_catalog_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('revenge_catalog', '');
    RETURN NULL;
END $$;

CREATE TRIGGER watch_state_notify AFTER INSERT OR UPDATE OR DELETE ON watch_state
    FOR EACH ROW EXECUTE FUNCTION notify_user_state_changed();
CREATE TRIGGER watchlist_notify AFTER INSERT OR UPDATE OR DELETE ON watchlist
    FOR EACH ROW EXECUTE FUNCTION notify_user_state_changed();
CREATE TRIGGER user_ratings_notify AFTER INSERT OR UPDATE OR DELETE ON user_ratings
    FOR EACH ROW EXECUTE FUNCTION notify_user_state_changed();
CREATE TRIGGER watch_state_truncated_notify AFTER TRUNCATE ON watch_state
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_reset();
CREATE TRIGGER watchlist_truncated_notify AFTER TRUNCATE ON watchlist
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_reset();
CREATE TRIGGER user_ratings_truncated_notify AFTER TRUNCATE ON user_ratings
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_reset();
