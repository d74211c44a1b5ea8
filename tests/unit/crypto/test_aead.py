"""AES-256-GCM secret box: sealing, tamper detection, associated data, key rotation, and
the key file generated into the data directory."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revenge.adapters.crypto.aead import (
    KEY_FILE,
    AesGcmSecretBox,
    EncryptionKeyError,
    add_key_to_file,
    format_key,
    generate_key,
    load_keys,
    parse_keys,
)
from revenge.application.shared.secrets import UnreadableSecret, resealed, rotate_all

WHERE = b"radarr_settings.api_key"
OLD, NEW = generate_key("old"), generate_key("new")


def box(*keys: object) -> AesGcmSecretBox:
    return AesGcmSecretBox(list(keys) or [OLD])  # type: ignore[arg-type]


@given(st.binary(max_size=512), st.binary(max_size=64))
def test_a_sealed_secret_opens_to_the_same_bytes(plaintext: bytes, associated: bytes) -> None:
    sealer = box()
    assert sealer.decrypt(sealer.encrypt(plaintext, associated), associated) == plaintext


def test_a_token_names_its_version_and_key_and_never_shows_the_plaintext() -> None:
    token = box().encrypt(b"radarr-api-key-123", WHERE)

    version, key_id, blob = token.split(".")
    assert (version, key_id) == ("v1", "old")
    assert b"radarr-api-key-123" not in base64.urlsafe_b64decode(blob + "==")
    assert len(base64.urlsafe_b64decode(blob + "==")) == 12 + len(b"radarr-api-key-123") + 16


def test_sealing_twice_gives_different_tokens_with_fresh_nonces() -> None:
    sealer = box()
    assert sealer.encrypt(b"same", WHERE) != sealer.encrypt(b"same", WHERE)


@pytest.mark.parametrize("position", [0, 5, 11, 12, 20, -1])
def test_a_token_altered_anywhere_in_its_ciphertext_is_refused(position: int) -> None:
    sealer = box()
    version, key_id, blob = sealer.encrypt(b"secret value", WHERE).split(".")
    raw = bytearray(base64.urlsafe_b64decode(blob + "=="))
    raw[position] ^= 0x01
    tampered = f"{version}.{key_id}.{base64.urlsafe_b64encode(bytes(raw)).decode().rstrip('=')}"

    with pytest.raises(UnreadableSecret, match="altered"):
        sealer.decrypt(tampered, WHERE)


def test_a_token_opened_with_other_associated_data_is_refused() -> None:
    sealer = box()
    token = sealer.encrypt(b"secret", WHERE)

    with pytest.raises(UnreadableSecret):
        sealer.decrypt(token, b"mfa_totp.secret")


@pytest.mark.parametrize("token", ["", "plain-api-key", "v2.old.AAAA", "v1..AAAA",
                                   "v1.old.", "v1.old.AAAA", "v1.old.!!!not-base64!!!"])
def test_malformed_tokens_are_refused_not_crashed_on(token: str) -> None:
    with pytest.raises(UnreadableSecret):
        box().decrypt(token, WHERE)


def test_a_token_under_a_key_no_longer_configured_names_that_key() -> None:
    token = box(OLD).encrypt(b"secret", WHERE)

    with pytest.raises(UnreadableSecret, match="'old'"):
        box(NEW).decrypt(token, WHERE)


def test_with_a_new_current_key_old_tokens_still_open_and_ask_for_rotation() -> None:
    token = box(OLD).encrypt(b"secret", WHERE)
    rotating = box(NEW, OLD)

    assert rotating.decrypt(token, WHERE) == b"secret"
    assert rotating.needs_rotation(token)
    assert not rotating.needs_rotation(rotating.encrypt(b"secret", WHERE))


def test_resealing_moves_a_token_to_the_current_key_and_then_leaves_it_alone() -> None:
    rotating = box(NEW, OLD)
    old_token = box(OLD).encrypt(b"secret", WHERE)

    new_token = resealed(rotating, old_token, WHERE)

    assert new_token is not None and new_token.split(".")[1] == "new"
    assert box(NEW).decrypt(new_token, WHERE) == b"secret"
    assert resealed(rotating, new_token, WHERE) is None


class _Store:
    name = "example"

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens

    async def rotate(self, sealer: AesGcmSecretBox) -> int:  # type: ignore[override]
        done = 0
        for index, token in enumerate(self.tokens):
            if (fresh := resealed(sealer, token, WHERE)) is not None:
                self.tokens[index], done = fresh, done + 1
        return done


async def test_rotating_every_store_reports_counts_and_a_second_run_rotates_nothing() -> None:
    store = _Store([box(OLD).encrypt(b"a", WHERE), box(OLD).encrypt(b"b", WHERE)])
    rotating = box(NEW, OLD)

    assert await rotate_all(rotating, [store]) == {"example": 2}
    assert await rotate_all(rotating, [store]) == {"example": 0}
    assert [box(NEW).decrypt(t, WHERE) for t in store.tokens] == [b"a", b"b"]


def test_configured_keys_parse_with_ids_and_the_first_is_current() -> None:
    text = f"{format_key(NEW)}, {format_key(OLD)}"

    keys = parse_keys(text)

    assert [k.key_id for k in keys] == ["new", "old"]
    assert AesGcmSecretBox(keys).current_key_id == "new"


def test_a_bare_key_gets_its_fingerprint_as_id() -> None:
    encoded = format_key(OLD).split(":", 1)[1]
    (key,) = parse_keys(encoded)
    assert key.key == OLD.key and len(key.key_id) == 8


@pytest.mark.parametrize(("text", "message"), [
    ("", "no encryption key"),
    ("k1:c2hvcnQ", "has 5 bytes"),
    ("k1:***", "not base64"),
    ("bad.id!:" + format_key(OLD).split(":")[1], "must be 1-32"),
    (f"{format_key(OLD)},{format_key(OLD)}", "used twice"),
])
def test_malformed_key_configuration_is_explained(text: str, message: str) -> None:
    with pytest.raises(EncryptionKeyError, match=message):
        parse_keys(text)


def test_without_configuration_a_private_key_file_is_generated_once(tmp_path: Path) -> None:
    first = load_keys(None, tmp_path)
    second = load_keys(None, tmp_path)

    assert first == second and len(first) == 1
    assert stat.S_IMODE((tmp_path / KEY_FILE).stat().st_mode) == 0o600


def test_configured_keys_win_over_the_key_file(tmp_path: Path) -> None:
    load_keys(None, tmp_path)
    assert load_keys(format_key(NEW), tmp_path) == (NEW,)


def test_adding_a_key_to_the_file_makes_it_current_and_keeps_the_old_one(tmp_path: Path
                                                                         ) -> None:
    (old,) = load_keys(None, tmp_path)
    token = AesGcmSecretBox([old]).encrypt(b"secret", WHERE)

    new = add_key_to_file(tmp_path)
    keys = load_keys(None, tmp_path)

    assert [k.key_id for k in keys] == [new.key_id, old.key_id]
    assert AesGcmSecretBox(keys).decrypt(token, WHERE) == b"secret"
    assert stat.S_IMODE((tmp_path / KEY_FILE).stat().st_mode) == 0o600
