"""Typed configuration, read once at start from REVENGE_* variables and an optional TOML file.

Precedence: environment > TOML file > defaults. A malformed value raises `ConfigError`
naming the variable (or TOML key) and what was expected; the CLI turns it into exit 2.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec

ENV_PREFIX = "REVENGE_"
# Variables read by the test suite and benches, not by the server.
_NON_CONFIG_ENV = re.compile(r"^REVENGE_(TEST_|BENCH_|CONFIG$|PROFILE$)")

Port = Annotated[int, msgspec.Meta(ge=1, le=65535)]
PositiveInt = Annotated[int, msgspec.Meta(ge=1)]
NonNegativeInt = Annotated[int, msgspec.Meta(ge=0)]

# Secrets are typed, so `revenge config show` masks them by type, never by a list kept
# by hand: a `Secret` is shown as ***, a `SecretUrl` with its password masked.
Secret = Annotated[str, msgspec.Meta(extra={"secret": "value"})]
SecretUrl = Annotated[str, msgspec.Meta(extra={"secret": "url"})]


class Config(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Every setting of the process; field `x` is `REVENGE_X` in the environment."""

    host: str = "127.0.0.1"
    port: Port = 8096
    data_dir: str = "./data"
    public_url: str | None = None
    database_url: SecretUrl | None = None
    redis_url: SecretUrl | None = None
    typesense_url: SecretUrl | None = None  # unset (with the key): embedded Typesense
    typesense_api_key: Secret | None = None
    db_pool_min_size: NonNegativeInt = 1
    db_pool_max_size: PositiveInt = 10
    http_workers: PositiveInt = 1
    worker_processes: PositiveInt = 1
    worker_threads: PositiveInt = 2
    job_max_retries: NonNegativeInt = 5
    # Progress policy: at this share a play counts as watched; under either minimum a
    # position is not kept as a resume point.
    watched_threshold_percent: Annotated[float, msgspec.Meta(gt=0, le=100)] = 90.0
    resume_min_percent: Annotated[float, msgspec.Meta(ge=0, lt=100)] = 5.0
    resume_min_seconds: NonNegativeInt = 120
    cache_l1_max_items: PositiveInt = 10_000
    cache_l1_ttl_seconds: PositiveInt = 30
    # Movie list pages kept per HTTP process (0: none); dropped as soon as PostgreSQL
    # notifies a change to the catalog or to the user's own state.
    list_cache_entries: NonNegativeInt = 1024
    readiness_timeout_seconds: Annotated[float, msgspec.Meta(gt=0, le=30)] = 1.0
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    log_format: Literal["auto", "json", "console"] = "auto"
    trusted_proxies: list[str] = msgspec.field(default_factory=list)
    jwt_secret: Secret | None = None  # unset: a random key is kept in <data_dir>/jwt_secret
    access_token_minutes: Annotated[int, msgspec.Meta(ge=1, le=1440)] = 15
    argon2_time_cost: Annotated[int, msgspec.Meta(ge=1, le=20)] = 2
    argon2_memory_kib: Annotated[int, msgspec.Meta(ge=8192, le=4_194_304)] = 19_456
    argon2_parallelism: Annotated[int, msgspec.Meta(ge=1, le=16)] = 1
    # auto: Secure cookies when the request came over https (or public_url is https).
    cookie_secure: Literal["auto", "always", "never"] = "auto"
    smtp_host: str | None = None  # unset: mails are kept in the mail_outbox table
    smtp_port: Port = 587
    smtp_username: str | None = None
    smtp_password: Secret | None = None
    smtp_from: str = "revenge@localhost"
    smtp_security: Literal["starttls", "tls", "none"] = "starttls"
    tmdb_api_key: Secret | None = None  # v3 key or v4 read token; unset: no matching
    tmdb_base_url: str = "https://api.themoviedb.org/3"
    tmdb_image_base_url: str | None = None  # unset: from TMDb's /configuration
    tmdb_language: str = "en-US"
    tmdb_region: str = "US"
    tmdb_requests_per_second: PositiveInt = 40
    tmdb_proxy: SecretUrl | None = None
    # Playback: ffmpeg path (unset: system ffmpeg, else imageio-ffmpeg's), the cap on
    # concurrent transcodes, hardware encoding, HLS segment length, segment cache folder.
    ffmpeg_path: str | None = None
    transcode_limit: NonNegativeInt = 2
    transcode_hwaccel: Literal["none", "vaapi", "nvenc", "qsv"] = "none"
    hls_segment_seconds: Annotated[float, msgspec.Meta(ge=1, le=30)] = 6.0
    # A transcoded segment is encoded before it is served, so its length is the wait
    # after every start and seek; a copied one (above) is cut from the file at once.
    hls_transcode_segment_seconds: Annotated[float, msgspec.Meta(ge=1, le=30)] = 2.0
    transcode_cache_dir: str | None = None  # unset: <data_dir>/transcode
    media_token_secret: Secret | None = None  # unset: generated into the data dir
    # Backups (`revenge backup create`, and the worker every `backup_interval_hours`
    # when above 0, keeping the newest `backup_keep`); unset folder: <data_dir>/backups.
    backup_dir: str | None = None
    backup_interval_hours: Annotated[float, msgspec.Meta(ge=0, le=24 * 365)] = 0.0
    backup_keep: PositiveInt = 7
    # Media URLs stop working this long after they were issued (players renew them).
    media_token_minutes: Annotated[float, msgspec.Meta(ge=1, le=240)] = 10.0
    # Library: parallel probing jobs per library; how long a watched path must stay
    # quiet before it is scanned (a copy in progress keeps changing it); child processes
    # that parse a big scan's names (unset: one fewer than the CPUs, at most 4; 0: none).
    library_probe_jobs: PositiveInt = 2
    library_parse_processes: NonNegativeInt | None = None
    library_watch_delay_seconds: Annotated[float, msgspec.Meta(ge=0.1, le=300)] = 2.0
    # WebAuthn: unset, the RP id is public_url's host and its origin the one allowed.
    webauthn_rp_id: str | None = None
    webauthn_origins: list[str] = msgspec.field(default_factory=list)
    # Encryption at rest (AES-256-GCM): `id:base64key` entries, comma-separated, the first
    # current; unset: generated into <data_dir>/encryption.key. Radarr: request timeout.
    encryption_keys: Secret | None = None
    radarr_timeout_seconds: Annotated[float, msgspec.Meta(gt=0, le=120)] = 10.0
    # The built web app served at / (unset: web/build of this checkout, when built).
    web_dir: str | None = None
    # The built documentation site served at /docs (unset: site/ of this checkout, when
    # `mkdocs build` made it).
    docs_dir: str | None = None
    # /metrics: off; loopback (from this machine only, the real client behind a trusted
    # proxy); token (`Authorization: Bearer <metrics_token>`, from anywhere); or either.
    metrics_access: Literal["off", "loopback", "token", "loopback+token"] = "loopback+token"
    metrics_token: Secret | None = None

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir).expanduser().resolve()


class ConfigError(Exception):
    """A configuration value is malformed; the message names it and what was expected."""


def field_names() -> tuple[str, ...]:
    return Config.__struct_fields__


def env_name(field: str) -> str:
    return ENV_PREFIX + field.upper()


def load_config(
    environ: Mapping[str, str] | None = None, toml_path: str | None = None
) -> tuple[Config, list[str]]:
    """Build the Config; returns it with warnings (unknown REVENGE_* names)."""
    environ = os.environ if environ is None else environ
    file_values = _read_toml(toml_path) if toml_path else {}
    env_values, warnings = _read_env(environ)
    merged: dict[str, Any] = {**file_values, **env_values}
    sources = {**{k: f"{k} (in {toml_path})" for k in file_values},
               **{k: env_name(k) for k in env_values}}
    return _convert(merged, sources), warnings


def _read_toml(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    unknown = sorted(set(data) - set(field_names()))
    if unknown:
        raise ConfigError(f"config file {path}: unknown setting(s) {', '.join(unknown)}")
    return data


def _read_env(environ: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    known = {env_name(f): f for f in field_names()}
    values: dict[str, Any] = {}
    warnings: list[str] = []
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX) or _NON_CONFIG_ENV.match(name):
            continue
        if name not in known:
            warnings.append(f"unknown setting {name} ignored")
            continue
        values[known[name]] = _env_value(known[name], raw)
    return values, warnings


def _env_value(field: str, raw: str) -> Any:
    if field in ("trusted_proxies", "webauthn_origins"):
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw


def _convert(values: dict[str, Any], sources: dict[str, str]) -> Config:
    try:
        return msgspec.convert(values, Config, strict=False)
    except msgspec.ValidationError as exc:
        raise ConfigError(_explain(str(exc), values, sources)) from None


_PATH = re.compile(r" - at `\$\.(\w+)")


def _explain(message: str, values: dict[str, Any], sources: dict[str, str]) -> str:
    match = _PATH.search(message)
    if not match:
        return f"invalid configuration: {message}"
    field = match.group(1)
    expected = _TYPE_WORDS.sub(lambda m: _WORDS[m.group(1)], message[: match.start()])
    expected = expected.replace("Expected", "expected").replace("Invalid enum value", "not one of")
    if field in _CHOICES:
        expected += f" (one of {', '.join(_CHOICES[field])})"
    return f"{sources.get(field, field)}={values.get(field)!r}: {expected}"


_WORDS = {"int": "an integer", "float": "a number", "str": "text", "bool": "true or false",
          "array": "a list"}
_TYPE_WORDS = re.compile(r"`(int|float|str|bool|array)`")
_CHOICES = {"cookie_secure": ("auto", "always", "never"),
            "smtp_security": ("starttls", "tls", "none"),
            "log_level": ("debug", "info", "warning", "error"),
            "log_format": ("auto", "json", "console"),
            "transcode_hwaccel": ("none", "vaapi", "nvenc", "qsv"),
            "metrics_access": ("off", "loopback", "token", "loopback+token")}


def secret_kinds() -> dict[str, str]:
    """Each secret field of Config and its kind ("value" or "url"), read from the types."""
    kinds = {}
    for field in msgspec.inspect.type_info(Config).fields:  # type: ignore[attr-defined]
        kind = _secret_kind(field.type)
        if kind:
            kinds[field.name] = kind
    return kinds


def _secret_kind(info: msgspec.inspect.Type) -> str | None:
    if isinstance(info, msgspec.inspect.UnionType):
        return next(filter(None, (_secret_kind(t) for t in info.types)), None)
    if isinstance(info, msgspec.inspect.Metadata) and info.extra:
        return str(info.extra.get("secret") or "") or None
    return None


def masked(config: Config) -> dict[str, Any]:
    """The config as a dict: secrets masked by their type, and a password written in any
    URL or connection string (`scheme://user:pw@`, `password=`) masked wherever it is."""
    data = msgspec.structs.asdict(config)
    kinds = secret_kinds()
    for key, value in data.items():
        if isinstance(value, str) and value:
            data[key] = "***" if kinds.get(key) == "value" else mask_passwords(value)
        elif isinstance(value, list):
            data[key] = [mask_passwords(v) if isinstance(v, str) else v for v in value]
    return data


_URL_PASSWORD = re.compile(r"(://[^/@:?#]*:)[^/?#]*(@)")
_PARAMETER_PASSWORD = re.compile(r"((?:^|[?&\s])password\s*=\s*)('[^']*'|[^&\s]+)", re.IGNORECASE)


def mask_passwords(value: str) -> str:
    """`redis://:pw@host`, `postgresql://u:pw@h`, `...?password=pw`, `host=h password=pw`:
    the password becomes ***."""
    return _PARAMETER_PASSWORD.sub(r"\1***", _URL_PASSWORD.sub(r"\1***\2", value))
