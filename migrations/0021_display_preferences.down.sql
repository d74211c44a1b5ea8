DROP TRIGGER IF EXISTS movie_files_library_changed ON movie_files;
DROP TABLE IF EXISTS display_preferences;
