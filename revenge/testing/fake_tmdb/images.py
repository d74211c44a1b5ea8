"""Small generated artwork for the fake's image host (deterministic per file path)."""

from __future__ import annotations

import hashlib
import io

from PIL import Image, ImageDraw

SIZES = {"poster": (500, 750), "backdrop": (1280, 720), "logo": (400, 150),
         "profile": (300, 450)}


def artwork(kind: str, file_path: str) -> bytes:
    width, height = SIZES.get(kind, (500, 750))
    seed = hashlib.sha256(file_path.encode()).digest()
    image = Image.new("RGB", (width, height), tuple(seed[:3]))
    draw = ImageDraw.Draw(image)
    draw.rectangle((width // 8, height // 8, width * 7 // 8, height // 2), fill=tuple(seed[3:6]))
    draw.ellipse((width // 4, height // 2, width * 3 // 4, height * 7 // 8),
                 fill=tuple(seed[6:9]))
    out = io.BytesIO()
    if file_path.endswith(".png"):
        image.save(out, "PNG")
    else:
        image.save(out, "JPEG", quality=80)
    return out.getvalue()
