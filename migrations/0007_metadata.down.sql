DROP TABLE IF EXISTS metadata_sync;
DROP TABLE IF EXISTS metadata_images;
DROP TABLE IF EXISTS movie_similar;
DROP TABLE IF EXISTS metadata_match_candidates;
DROP TABLE IF EXISTS metadata_movie_state;
