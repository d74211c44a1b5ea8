"""Playback use cases: start and stop sessions, authorize media URLs, serve HLS and
subtitles, reap idle sessions."""
