"""Acceptance of backups (issue 18): a server with users, TOTP, a passkey, a library, watch
state and Radarr settings is backed up while it runs, restored into a new database and a
new data folder, and the restored server is the same one to its users: they sign in with
the same TOTP secret and passkey, find their positions, and the Radarr key still opens."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from revenge.entrypoints.embedded.postgres import embedded_postgres
from tests.e2e.conftest import LiveServer, fresh_database, live_server_environment, start_server
from tests.e2e.identity.conftest import PASSWORD, Account, client_for, log_in, new_user
from tests.e2e.mfa.test_totp_login import enable_totp, password_step, second_step
from tests.e2e.mfa.test_webauthn import begin_passkey, finish_passkey, register_key
from tests.fixtures.media import H264_AAC_MP4, generate
from tests.support.totp import totp
from tests.support.webauthn_authenticator import SoftwareAuthenticator

pytestmark = pytest.mark.e2e

PUBLIC_URL = "http://localhost:8096"  # the same on both servers: the WebAuthn origin


def revenge(env: dict[str, str], *argv: str, stdin: str | None = None
            ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "revenge", *argv], env=env, text=True,
                          capture_output=True, timeout=180, input=stdin)


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("backup-media") / "Heat (1995)"
    folder.mkdir()
    generate(H264_AAC_MP4, folder).rename(folder / "Heat.1995.mp4")
    return folder.parent


class Original:
    def __init__(self, server: LiveServer, env: dict[str, str]) -> None:
        self.server, self.env = server, env
        self.api = client_for(server)
        self.authenticator = SoftwareAuthenticator(PUBLIC_URL)


@pytest.fixture(scope="module")
def original(postgres_server_url: str, redis_url: str, media: Path,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[Original]:
    data = tmp_path_factory.mktemp("backup-original")
    with fresh_database(postgres_server_url, "revenge_backup_a") as url, \
            start_server(url, redis_url, data, REVENGE_PUBLIC_URL=PUBLIC_URL) as server:
        yield Original(server, live_server_environment(url, redis_url, data,
                                                       REVENGE_PUBLIC_URL=PUBLIC_URL))


def _populate(original: Original, media: Path) -> tuple[Account, str, str]:
    """(alice, her TOTP secret, the movie she is watching)."""
    api = original.api
    assert api.post("/auth/register", json={"username": "root", "email": "root@example.org",
                                            "password": PASSWORD}).status_code == 201
    admin = log_in(api, "root")
    library = api.post("/admin/libraries", headers=admin.auth,
                       json={"name": "Movies", "paths": [str(media)]})
    assert library.status_code == 201, library.text
    scanned = revenge(original.env, "scan", "--inline")
    assert scanned.returncode == 0, scanned.stderr
    movie = api.get("/movies", headers=admin.auth).json()["items"][0]["id"]
    alice = new_user(api, admin)
    progress = api.post(f"/movies/{movie}/progress", headers=alice.auth,
                        json={"position_seconds": 2.5, "duration_seconds": 6.0})
    assert progress.status_code == 200, progress.text
    register_key(api, alice, original.authenticator)
    secret = enable_totp(api, alice)
    radarr = api.put("/admin/integrations/radarr/settings", headers=admin.auth,
                     json={"url": "http://radarr.invalid:7878", "api_key": "r" * 32})
    assert radarr.status_code == 200, radarr.text
    return alice, secret, movie


def test_a_restored_server_signs_in_the_same_users_with_the_same_factors_and_state(
        original: Original, media: Path, postgres_server_url: str, redis_url: str,
        tmp_path: Path) -> None:
    alice, secret, movie = _populate(original, media)
    backup = tmp_path / "server.revenge-backup.tar"
    created = revenge(original.env, "backup", "create", "--to", str(backup))
    assert created.returncode == 0, created.stderr
    data = tmp_path / "restored"
    with fresh_database(postgres_server_url, "revenge_backup_b") as url:
        env = live_server_environment(url, redis_url, data, REVENGE_PUBLIC_URL=PUBLIC_URL)
        restored = revenge(env, "backup", "restore", str(backup))
        assert restored.returncode == 0, restored.stderr
        again = revenge(env, "backup", "restore", str(backup))
        assert again.returncode != 0 and "not empty" in again.stderr
        with start_server(url, redis_url, data, REVENGE_PUBLIC_URL=PUBLIC_URL) as server, \
                client_for(server) as api:
            _same_factors(api, alice, secret, original.authenticator)
            signed_in = _totp_login(api, alice, secret)
            state = api.get(f"/movies/{movie}/progress", headers=signed_in)
            assert state.json()["position_seconds"] == 2.5
        rotated = revenge(env, "secrets", "rotate")  # unseals every secret: the keys came
        assert rotated.returncode == 0, rotated.stderr


def _same_factors(api: httpx.Client, alice: Account, secret: str,
                  authenticator: SoftwareAuthenticator) -> None:
    begun = begin_passkey(api)
    passkey = finish_passkey(api, begun, authenticator.get(begun["options"]))
    assert passkey.status_code == 200, passkey.text
    assert passkey.json()["user"]["id"] == alice.id


def _totp_login(api: httpx.Client, alice: Account, secret: str) -> dict[str, str]:
    step = password_step(api, alice)
    # The next step's code (within the allowed drift): not the one used before the backup.
    session = second_step(api, step["mfa_token"], totp(secret, steps=1))
    assert session.status_code == 200, session.text
    return {"Authorization": f"Bearer {session.json()['access_token']}"}


@pytest.fixture
def outside_tmp() -> Iterator[Path]:
    """Outside pytest's temp root, which is 0700: the embedded PostgreSQL runs as an
    account of its own when started as root (see tests/conftest.py `services_dir`)."""
    path = Path(tempfile.mkdtemp(prefix="revenge-test-backup-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_the_embedded_database_is_backed_up_while_it_runs_and_restored_into_a_new_folder(
        outside_tmp: Path) -> None:
    env = live_server_environment("", "", outside_tmp / "a")
    for name in ("REVENGE_DATABASE_URL", "REVENGE_REDIS_URL"):
        env.pop(name)
    backup = outside_tmp / "embedded.revenge-backup.tar"
    with embedded_postgres(outside_tmp / "a") as url:  # as `revenge serve` runs it
        created_user = revenge({**env, "REVENGE_DATABASE_URL": url}, "user", "create",
                               "--username", "root", "--email", "root@example.org",
                               "--admin", "--password-stdin", stdin=PASSWORD)
        assert created_user.returncode == 0, created_user.stderr
        keyed = revenge({**env, "REVENGE_DATABASE_URL": url}, "secrets", "rotate", "--new-key")
        assert keyed.returncode == 0, keyed.stderr  # the data folder now has a generated key
        created = revenge(env, "backup", "create", "--to", str(backup))  # finds it running
        assert created.returncode == 0, created.stderr
    restored = revenge({**env, "REVENGE_DATA_DIR": str(outside_tmp / "b")},
                       "backup", "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    key = "encryption.key"
    assert (outside_tmp / "b" / key).read_bytes() == (outside_tmp / "a" / key).read_bytes()
    with embedded_postgres(outside_tmp / "b") as url, psycopg.connect(url) as conn:
        users = conn.execute("SELECT username FROM users").fetchall()
    assert users == [("root",)]
