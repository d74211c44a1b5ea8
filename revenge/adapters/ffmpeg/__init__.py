"""ffmpeg and ffprobe: probing, HLS segmenting, subtitle conversion."""
