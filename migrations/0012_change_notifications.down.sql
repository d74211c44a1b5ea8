DROP TRIGGER IF EXISTS watch_state_notify ON watch_state;
DROP TRIGGER IF EXISTS watchlist_notify ON watchlist;
DROP TRIGGER IF EXISTS user_ratings_notify ON user_ratings;
DROP TRIGGER IF EXISTS watch_state_truncated_notify ON watch_state;
DROP TRIGGER IF EXISTS watchlist_truncated_notify ON watchlist;
DROP TRIGGER IF EXISTS user_ratings_truncated_notify ON user_ratings;
DROP FUNCTION IF EXISTS notify_user_state_changed();
DROP FUNCTION IF EXISTS notify_catalog_reset();

CREATE OR REPLACE FUNCTION bump_catalog_generation() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE FUNCTION bump_catalog_generation_now() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO catalog_generation (generation)
    VALUES ((extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
    ON CONFLICT (singleton) DO UPDATE SET generation = GREATEST(
        catalog_generation.generation + 1, EXCLUDED.generation);
    RETURN NULL;
END $$;
