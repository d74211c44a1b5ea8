"""RFC 6238 TOTP in a few lines of hmac: independent of pyotp and of our adapter."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time


def hotp(secret_b32: str, counter: int, digits: int = 6) -> str:
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    number = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def totp_at(secret_b32: str, unix_time: float, steps: int = 0) -> str:
    return hotp(secret_b32, int(unix_time) // 30 + steps)


def totp(secret_b32: str, steps: int = 0) -> str:
    """The code of the current step (+ `steps`) by this machine's clock."""
    return totp_at(secret_b32, time.time(), steps)
