DROP TABLE IF EXISTS radarr_downloads;
DROP TABLE IF EXISTS radarr_deliveries;
DROP TABLE IF EXISTS radarr_conflicts;
DROP TABLE IF EXISTS radarr_links;
DROP TABLE IF EXISTS radarr_sync_state;
DROP TABLE IF EXISTS radarr_settings;
