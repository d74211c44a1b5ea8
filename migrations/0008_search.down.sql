DROP INDEX IF EXISTS movies_overview_fts;
