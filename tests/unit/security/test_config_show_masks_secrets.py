"""Review finding 7: `revenge config show` printed the TMDb key, proxy credentials and a
Redis password written `redis://:pw@host`. Every secret setting is masked by its type,
and a password inside any URL or connection string is masked wherever it appears."""

from __future__ import annotations

import json
import os
import re

import pytest

from revenge.entrypoints.cli.main import main
from revenge.entrypoints.config import Config, env_name, field_names, secret_kinds

SECRET_KINDS = secret_kinds()
URL_SECRETS = {
    "database_url": "postgresql://revenge:{pw}@db.example:5432/revenge",
    "redis_url": "redis://:{pw}@cache.example:6379/0",
    "typesense_url": "http://search:{pw}@typesense.example:8108",
    "tmdb_proxy": "http://proxyuser:{pw}@proxy.example:3128",
}
_SECRET_NAME = re.compile(r"(key|secret|password|token|_url$|proxy)")


def _show(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
          **settings: str) -> str:
    for name in list(os.environ):
        if name.startswith("REVENGE_"):
            monkeypatch.delenv(name)
    for field, value in settings.items():
        monkeypatch.setenv(env_name(field), value)
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    json.loads(out)
    return out


def test_every_setting_named_like_a_secret_is_typed_as_one() -> None:
    """Finding 7: a new key/secret/password/URL setting cannot be added unmasked."""
    suspicious = {name for name in field_names() if _SECRET_NAME.search(name)}
    not_secret = {"tmdb_base_url", "tmdb_image_base_url", "public_url", "access_token_minutes",
                  "media_token_minutes",
                  "metrics_access"}
    assert suspicious - not_secret <= set(SECRET_KINDS), suspicious - set(SECRET_KINDS)
    assert {"tmdb_api_key", "smtp_password", "jwt_secret", "typesense_api_key",
            "media_token_secret", "encryption_keys", "redis_url", "tmdb_proxy"} <= set(SECRET_KINDS)


@pytest.mark.parametrize("field", sorted(f for f, k in SECRET_KINDS.items() if k == "value"))
def test_config_show_masks_each_secret_value(field: str, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Finding 7: every secret field, by type."""
    value = "k1:" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVoxMjM0NTY=" if field == "encryption_keys" \
        else f"TOPSECRET-{field}-0123456789abcdef0123456789abcdef0123456789"
    out = _show(monkeypatch, capsys, **{field: value})
    assert value not in out and "TOPSECRET" not in out and "QUJDREVG" not in out
    assert json.loads(out)[field] == "***"


@pytest.mark.parametrize("field", sorted(f for f, k in SECRET_KINDS.items() if k == "url"))
def test_config_show_masks_the_password_of_each_secret_url(
        field: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Finding 7: every URL password (including `redis://:pw@host`)."""
    url = URL_SECRETS[field].format(pw="hunter2-pa@ss")
    out = _show(monkeypatch, capsys, **{field: url})
    shown = json.loads(out)[field]
    assert "hunter2" not in out and "pa@ss" not in out
    assert "***" in shown and ".example" in shown  # the rest stays readable


@pytest.mark.parametrize("url", [
    "redis://:pw-SECRET@127.0.0.1:6379/0",
    "unix://:pw-SECRET@/var/run/revenge/redis.sock",
    "redis://127.0.0.1:6379/0?password=pw-SECRET",
    "host=db user=revenge password=pw-SECRET dbname=revenge",
    "postgresql://revenge@db/revenge?password=pw-SECRET&sslmode=require",
])
def test_config_show_masks_passwords_in_every_url_form(url: str, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = _show(monkeypatch, capsys, database_url=url, redis_url=url)
    assert "pw-SECRET" not in out


def test_settings_without_secrets_are_shown_as_they_are(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    shown = json.loads(_show(monkeypatch, capsys, public_url="https://movies.example",
                             redis_url="redis://127.0.0.1:6379/0"))
    assert shown["public_url"] == "https://movies.example"
    assert shown["redis_url"] == "redis://127.0.0.1:6379/0"
    assert shown["port"] == Config().port
