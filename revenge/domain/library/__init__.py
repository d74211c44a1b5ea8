"""Library context: recognising movies in folders of video files (naming, scanning)."""
