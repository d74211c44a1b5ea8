"""TOTP with pyotp (RFC 6238: HMAC-SHA-1, 30 s, 6 digits) and QR codes with segno.

The PNG is drawn from segno's module matrix at exactly 256x256 pixels (whole-pixel
modules, centred, quiet zone of four modules): segno's own PNG writer can only scale by
whole factors, and an odd module count never multiplies out to 256.
"""

from __future__ import annotations

import struct
import zlib

import pyotp
import segno

from revenge.domain.mfa.totp import DIGITS, STEP_SECONDS

SECRET_CHARACTERS = 32  # base32: 5 bits each, 160 bits (RFC 4226's recommended length)
PNG_SIZE = 256
QUIET_ZONE = 4


class PyOtpTotp:
    def __init__(self, digits: int = DIGITS) -> None:
        self._digits = digits

    def new_secret(self) -> str:
        return pyotp.random_base32(SECRET_CHARACTERS)

    def code_at(self, secret: str, step: int) -> str:
        return pyotp.TOTP(secret, digits=self._digits, interval=STEP_SECONDS).generate_otp(step)

    def uri(self, secret: str, account: str, issuer: str) -> str:
        totp = pyotp.TOTP(secret, digits=self._digits, interval=STEP_SECONDS)
        return totp.provisioning_uri(name=account, issuer_name=issuer)


class SegnoQrCodes:
    def png(self, data: str) -> bytes:
        matrix = segno.make(data, error="m").matrix
        return _png(_pixels(matrix, PNG_SIZE), PNG_SIZE)

    def svg(self, data: str) -> str:
        return str(segno.make(data, error="m").svg_inline(scale=4, border=QUIET_ZONE))


def _pixels(matrix: tuple[bytearray, ...], size: int) -> list[bytes]:
    """Rows of 8-bit grey pixels: black modules, white background and quiet zone."""
    modules = len(matrix)
    scale = size // (modules + 2 * QUIET_ZONE)
    offset = (size - modules * scale) // 2
    white = b"\xff" * size
    rows = [white] * size
    for y, line in enumerate(matrix):
        row = bytearray(white)
        for x, dark in enumerate(line):
            if dark:
                start = offset + x * scale
                row[start:start + scale] = b"\x00" * scale
        for dy in range(scale):
            rows[offset + y * scale + dy] = bytes(row)
    return rows


def _png(rows: list[bytes], size: int) -> bytes:
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
