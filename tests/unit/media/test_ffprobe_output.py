"""What `FfprobeMediaProbe` makes of ffprobe's JSON, with a stand-in ffprobe."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

from revenge.adapters.ffmpeg.probe import FfprobeMediaProbe

ANSWER = {
    "format": {"format_name": "matroska,webm", "duration": "60.0", "bit_rate": "1000"},
    "streams": [{"index": 0, "codec_type": "audio", "codec_name": "aac", "channels": 2,
                 "tags": {"title": "Commentary\u0000 track", "language": "eng"}}],
}


def _stand_in_ffprobe(tmp_path: Path) -> str:
    script = tmp_path / "ffprobe"
    script.write_text(f"#!{sys.executable}\nimport sys\n"
                      f"sys.stdout.write({json.dumps(json.dumps(ANSWER))})\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


async def test_a_tag_holding_nul_is_stored_without_it(tmp_path: Path) -> None:
    video = tmp_path / "movie.mkv"
    video.write_bytes(b"\0" * 64)

    info = await FfprobeMediaProbe(_stand_in_ffprobe(tmp_path)).probe(str(video))

    assert [audio.title for audio in info.audio] == ["Commentary track"]
