"""Playback rules: what a client can play, direct/remux/transcode, HLS maths, ranges."""
