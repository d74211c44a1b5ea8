"""`revenge secrets rotate` on a real database: the Radarr API key sealed under an old key
is sealed again under the new current one, still opens to the same key, and a second
run has nothing left to do."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from revenge.adapters.crypto.aead import AesGcmSecretBox, load_keys
from revenge.application.radarr.common import API_KEY_PLACE
from revenge.entrypoints.cli.main import main


def _sealed_key(url: str) -> str | None:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT api_key_sealed FROM radarr_settings").fetchone()
        return row[0] if row else None


@pytest.fixture
def environment(migrated_database_url: str, tmp_path: Path,
                monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("REVENGE_ENCRYPTION_KEYS", "REVENGE_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REVENGE_DATABASE_URL", migrated_database_url)
    monkeypatch.setenv("REVENGE_DATA_DIR", str(tmp_path))
    with psycopg.connect(migrated_database_url, autocommit=True) as conn:
        conn.execute("DELETE FROM radarr_settings")
    return tmp_path


def _save_key(url: str, data_dir: Path, api_key: bytes) -> str:
    token = AesGcmSecretBox(load_keys(None, data_dir)).encrypt(api_key, API_KEY_PLACE)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("INSERT INTO radarr_settings (url, api_key_sealed, updated_at) "
                     "VALUES ('http://radarr:7878', %s, now())", (token,))
    return token


def test_rotating_with_a_new_key_reseals_the_radarr_key(environment: Path,
                                                        migrated_database_url: str,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    old_token = _save_key(migrated_database_url, environment, b"radarr-api-key")

    assert main(["secrets", "rotate", "--new-key"]) == 0
    new_token = _sealed_key(migrated_database_url)
    assert main(["secrets", "rotate"]) == 0

    keys = load_keys(None, environment)
    assert new_token is not None and new_token.split(".")[1] == keys[0].key_id
    assert old_token.split(".")[1] == keys[1].key_id
    assert AesGcmSecretBox(keys[:1]).decrypt(new_token, API_KEY_PLACE) == b"radarr-api-key"
    assert _sealed_key(migrated_database_url) == new_token
    out = capsys.readouterr().out
    assert "radarr api key: 1 re-sealed" in out and "radarr api key: 0 re-sealed" in out


def test_a_new_key_cannot_be_generated_over_configured_keys(
        environment: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REVENGE_ENCRYPTION_KEYS", "k1:" + "A" * 43)

    assert main(["secrets", "rotate", "--new-key"]) == 2
    assert "REVENGE_ENCRYPTION_KEYS" in capsys.readouterr().err
