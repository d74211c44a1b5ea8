"""What a media file holds: container, streams, codecs, subtitles (as a probe reports)."""
