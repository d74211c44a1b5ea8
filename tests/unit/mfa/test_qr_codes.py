"""The TOTP QR codes: a 256x256 PNG whose modules are segno's, and an inline SVG."""

from __future__ import annotations

import io

import segno
from PIL import Image

from revenge.adapters.crypto.totp import QUIET_ZONE, SegnoQrCodes

URI = ("otpauth://totp/Revenge:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
       "&issuer=Revenge")


def test_the_png_is_256_by_256_and_draws_exactly_segnos_modules() -> None:
    image = Image.open(io.BytesIO(SegnoQrCodes().png(URI))).convert("L")
    assert image.size == (256, 256)
    matrix = segno.make(URI, error="m").matrix
    scale = 256 // (len(matrix) + 2 * QUIET_ZONE)
    offset = (256 - len(matrix) * scale) // 2
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            centre = (offset + x * scale + scale // 2, offset + y * scale + scale // 2)
            assert image.getpixel(centre) == (0 if dark else 255), (x, y)
    assert image.getpixel((offset - 1, offset - 1)) == 255  # the quiet zone is white


def test_the_svg_is_inline_markup() -> None:
    svg = SegnoQrCodes().svg(URI)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")

