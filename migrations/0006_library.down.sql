DROP TABLE IF EXISTS library_skipped_files;
DROP INDEX IF EXISTS movies_unmatched;
ALTER TABLE movies DROP COLUMN IF EXISTS match_status;
DROP INDEX IF EXISTS movie_files_library_path, movie_files_library_group,
    movie_files_unprobed, movie_files_missing_size;
ALTER TABLE movie_files DROP COLUMN IF EXISTS group_key, DROP COLUMN IF EXISTS library_id;
DROP TABLE IF EXISTS libraries;
