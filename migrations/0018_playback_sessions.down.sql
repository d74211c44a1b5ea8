DROP TABLE IF EXISTS playback_sessions;
