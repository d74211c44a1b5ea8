DROP TABLE IF EXISTS catalog_generation, user_ratings, watchlist, watch_history, watch_state,
    collection_members, collections, movie_files, movie_credits, people, movie_genres,
    genres, movies CASCADE;
DROP FUNCTION IF EXISTS bump_catalog_generation();
DROP FUNCTION IF EXISTS bump_catalog_generation_now();
