"""AES-256-GCM sealing of stored secrets (the `SecretBox` port), with key ids for rotation.

A token is `v1.<key id>.<base64url(nonce || ciphertext || tag)>` with a random 96-bit
nonce. Keys come from configuration (`REVENGE_ENCRYPTION_KEYS`: entries `id:base64key`
separated by commas or new lines, the first one current) or else from
`<data dir>/encryption.key` (same format, one per line), created 0600 on first start.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import os
import re
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from revenge.application.shared.secrets import UnreadableSecret

VERSION = "v1"
KEY_FILE = "encryption.key"
KEY_BYTES = 32  # AES-256
NONCE_BYTES = 12  # 96 bits, GCM's native nonce size
TAG_BYTES = 16
_KEY_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_SEPARATORS = re.compile(r"[,\s]+")


class EncryptionKeyError(ValueError):
    """A configured or stored key is malformed; the message says which and why."""


class AeadKey(NamedTuple):
    key_id: str
    key: bytes


def generate_key(key_id: str | None = None) -> AeadKey:
    key = secrets.token_bytes(KEY_BYTES)
    return AeadKey(key_id or _fingerprint(key), key)


def format_key(key: AeadKey) -> str:
    return f"{key.key_id}:{_b64encode(key.key)}"


def parse_keys(text: str) -> tuple[AeadKey, ...]:
    """Entries `id:base64key` (or a bare base64 key: its id is its fingerprint), the
    first one current. Raises `EncryptionKeyError` naming the bad entry."""
    keys = tuple(_parse_key(entry, index)
                 for index, entry in enumerate(e for e in _SEPARATORS.split(text) if e))
    if not keys:
        raise EncryptionKeyError("no encryption key given")
    ids = [key.key_id for key in keys]
    duplicate = next((key_id for key_id in ids if ids.count(key_id) > 1), None)
    if duplicate:
        raise EncryptionKeyError(f"encryption key id {duplicate!r} is used twice")
    return keys


def _parse_key(entry: str, index: int) -> AeadKey:
    key_id, _, encoded = entry.rpartition(":")
    try:
        key = _b64decode(encoded)
    except (binascii.Error, ValueError):
        raise EncryptionKeyError(f"encryption key #{index + 1} is not base64") from None
    if len(key) != KEY_BYTES:
        raise EncryptionKeyError(f"encryption key #{index + 1} has {len(key)} bytes; "
                                 f"AES-256 needs {KEY_BYTES}")
    key_id = key_id or _fingerprint(key)
    if not _KEY_ID.match(key_id):
        raise EncryptionKeyError(f"encryption key id {key_id!r} must be 1-32 letters, "
                                 "digits, - or _")
    return AeadKey(key_id, key)


def load_keys(configured: str | None, data_dir: Path) -> tuple[AeadKey, ...]:
    """The configured keys, else those in `<data_dir>/encryption.key` (created with one
    fresh key on first start; concurrent first starts agree on one file)."""
    if configured:
        return parse_keys(configured)
    path = data_dir / KEY_FILE
    if not path.exists():
        _create_exclusively(path, format_key(generate_key()) + "\n")
    return parse_keys(path.read_text())


def add_key_to_file(data_dir: Path) -> AeadKey:
    """Rotation with a generated key file: a new key becomes current (the old ones stay
    after it, so existing tokens still open until `revenge secrets rotate` re-seals)."""
    path = data_dir / KEY_FILE
    old = load_keys(None, data_dir)
    new = generate_key()
    lines = [format_key(key) for key in (new, *old)]
    temp = path.with_name(f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
    _write_private(temp, "\n".join(lines) + "\n")
    os.replace(temp, path)
    return new


def _create_exclusively(path: Path, content: str) -> None:
    # A private temp file hard-linked into place: readers never see half a key, and of
    # two processes racing the first link wins for both.
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
    _write_private(temp, content)
    try:
        with contextlib.suppress(FileExistsError):
            os.link(temp, path)
    finally:
        temp.unlink()


def _write_private(path: Path, content: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(content)


class AesGcmSecretBox:
    """Seals under the first key; opens tokens of any of the keys."""

    def __init__(self, keys: Sequence[AeadKey]) -> None:
        if not keys:
            raise EncryptionKeyError("no encryption key given")
        self._current = keys[0]
        self._keys = {key.key_id: AESGCM(key.key) for key in keys}

    @property
    def current_key_id(self) -> str:
        return self._current.key_id

    def encrypt(self, plaintext: bytes, associated: bytes) -> str:
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self._keys[self._current.key_id].encrypt(nonce, plaintext, associated)
        return f"{VERSION}.{self._current.key_id}.{_b64encode(nonce + sealed)}"

    def decrypt(self, token: str, associated: bytes) -> bytes:
        key_id, blob = self._split(token)
        cipher = self._keys.get(key_id)
        if cipher is None:
            raise UnreadableSecret(f"the secret was sealed under key {key_id!r}, which is not "
                                   "configured")
        try:
            return cipher.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], associated)
        except InvalidTag:
            raise UnreadableSecret("the secret does not open: it was altered or belongs "
                                   "elsewhere") from None

    def needs_rotation(self, token: str) -> bool:
        return self._split(token)[0] != self._current.key_id

    @staticmethod
    def _split(token: str) -> tuple[str, bytes]:
        version, _, rest = token.partition(".")
        key_id, _, encoded = rest.partition(".")
        if version != VERSION or not key_id or not encoded:
            raise UnreadableSecret("not a sealed secret of this server")
        try:
            blob = _b64decode(encoded)
        except (binascii.Error, ValueError):
            raise UnreadableSecret("not a sealed secret of this server") from None
        if len(blob) < NONCE_BYTES + TAG_BYTES:
            raise UnreadableSecret("the sealed secret is truncated")
        return key_id, blob


def _fingerprint(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:8]


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b64decode(text: str) -> bytes:
    text = text.strip().replace("+", "-").replace("/", "_").rstrip("=")
    return base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
