"""What each setting of `Config` means, with an example: the prose the generated
configuration reference (docs/configuration.md) adds to the types and defaults it reads
from the code. A setting missing here fails tests/unit/docs."""

from __future__ import annotations

import msgspec


class SettingDoc(msgspec.Struct, frozen=True):
    meaning: str
    example: str
    # What an unset setting (default None or an empty list) does; for the others the
    # default value is read from Config.
    unset: str = ""


_D = SettingDoc

SETTINGS: dict[str, SettingDoc] = {
    "host": _D("address the HTTP server binds", "0.0.0.0"),
    "port": _D("HTTP port", "8096"),
    "data_dir": _D("embedded databases, caches, generated keys", "/var/lib/revenge"),
    "public_url": _D(
        "the URL users reach Revenge at; a path (`https://example.org/revenge`) serves "
        "everything under it, whether the proxy passes the prefix on or strips it, and the "
        "URLs Revenge hands out (media URLs, cookies, links) carry it; the web app follows "
        "it without a rebuild",
        "https://media.example.org", unset="`http://localhost:<port>`"),
    "database_url": _D("PostgreSQL URL (15 to 18)",
                       "postgresql://revenge:secret@db:5432/revenge",
                       unset="embedded PostgreSQL"),
    "redis_url": _D("Redis (or Dragonfly) URL", "redis://dragonfly:6379/0",
                    unset="embedded Redis"),
    "typesense_url": _D("Typesense URL (0.24 or 27+)", "http://search:8108",
                        unset="embedded Typesense"),
    "typesense_api_key": _D("admin API key of that Typesense (required with its URL)",
                            "xyz-long-random-key", unset="generated for the embedded one"),
    "db_pool_min_size": _D("connections kept open per process", "2"),
    "db_pool_max_size": _D("connection cap per process", "20"),
    "http_workers": _D("HTTP worker processes", "2"),
    "worker_processes": _D("background worker processes", "2"),
    "worker_threads": _D("job threads per worker process", "4"),
    "job_max_retries": _D("retries of a failing job (exponential backoff)", "3"),
    "watched_threshold_percent": _D(
        "a play past this share of the runtime counts as watched", "95"),
    "resume_min_percent": _D(
        "positions under this share are not kept as resume points", "2"),
    "resume_min_seconds": _D(
        "positions under this many seconds are not kept as resume points", "60"),
    "cache_l1_max_items": _D("in-process cache size", "50000"),
    "cache_l1_ttl_seconds": _D("in-process cache lifetime (Redis holds the rest)", "60"),
    "list_cache_entries": _D(
        "movie list pages cached per HTTP process (0: off); a page is dropped as soon as "
        "PostgreSQL notifies a change to the catalog or to that user's watch state, "
        "watchlist or ratings. Behind a transaction-pooling PgBouncer set 0", "0"),
    "readiness_timeout_seconds": _D("time each `/readyz` check may take", "2.5"),
    "log_level": _D("least severe log level written", "debug"),
    "log_format": _D("json, console, or auto (JSON when stderr is not a terminal)", "json"),
    "trusted_proxies": _D(
        "comma-separated proxy addresses or CIDRs whose `X-Forwarded-For` and "
        "`X-Forwarded-Proto` are believed", "10.0.0.0/8,172.28.0.2",
        unset="none: the peer address is the client"),
    "jwt_secret": _D("signing key for access tokens; every replica needs the same",
                     "a-long-random-string",
                     unset="generated into `<data dir>/jwt_secret`"),
    "access_token_minutes": _D(
        "lifetime of an access token (sessions live on through refresh tokens)", "5"),
    "argon2_time_cost": _D("argon2id passes for password hashes", "3"),
    "argon2_memory_kib": _D("argon2id memory per hash, in KiB (19456 = 19 MiB)", "65536"),
    "argon2_parallelism": _D("argon2id lanes", "2"),
    "cookie_secure": _D(
        "Secure flag of session cookies: auto (when the request came over https, directly, "
        "through a trusted proxy, or `public_url` is https), always, never", "always"),
    "smtp_host": _D("SMTP server for password-reset mail", "smtp.example.org",
                    unset="mails are kept in the `mail_outbox` table"),
    "smtp_port": _D("SMTP port", "465"),
    "smtp_username": _D("SMTP user name", "revenge@example.org", unset="no login"),
    "smtp_password": _D("SMTP password", "app-password", unset="no login"),
    "smtp_from": _D("sender address of outgoing mail", "Revenge <revenge@example.org>"),
    "smtp_security": _D("starttls, tls (implicit TLS) or none", "tls"),
    "tmdb_api_key": _D("TMDb API v3 key or v4 read-access token", "0123456789abcdef",
                       unset="no matching: movies keep their parsed titles, unmatched"),
    "tmdb_base_url": _D("TMDb API base URL (tests point it at a fake TMDb)",
                        "https://api.themoviedb.org/3"),
    "tmdb_image_base_url": _D(
        "image host; the only host images are fetched from", "https://image.tmdb.org/t/p",
        unset="read from TMDb's `/configuration`"),
    "tmdb_language": _D("metadata language", "de-DE"),
    "tmdb_region": _D("region whose certification becomes the content rating", "DE"),
    "tmdb_requests_per_second": _D("client-side rate limit towards TMDb", "20"),
    "tmdb_proxy": _D("HTTP(S) proxy for TMDb requests", "http://proxy:3128",
                     unset="direct connection"),
    "ffmpeg_path": _D("ffmpeg binary (ffprobe is looked for beside it)",
                      "/usr/lib/jellyfin-ffmpeg/ffmpeg",
                      unset="the system's ffmpeg, else imageio-ffmpeg's (probing then uses PyAV)"),
    "transcode_limit": _D(
        "concurrent transcoding playback sessions per HTTP process (replica); past it, a "
        "new one gets 429", "4"),
    "transcode_hwaccel": _D("hardware H.264 encoder: none, vaapi, nvenc or qsv", "vaapi"),
    "hls_segment_seconds": _D(
        "target HLS segment length of renditions that copy the file's video, cut on its "
        "keyframes (1 to 30 s)", "4"),
    "hls_transcode_segment_seconds": _D(
        "HLS segment length of transcoded renditions (1 to 30 s): each is encoded before "
        "it is served, so this is about the wait after pressing Play or seeking", "3"),
    "transcode_cache_dir": _D(
        "where HLS segments are cached per session (deleted when it ends); with several "
        "HTTP replicas, one folder they all share at the same path", "/transcode",
        unset="`<data dir>/transcode`"),
    "media_token_secret": _D("key signing media URLs; every replica needs the same",
                             "another-long-random-string",
                             unset="generated into the data dir"),
    "backup_dir": _D("where `revenge backup create` and the scheduled backup write",
                     "/backups", unset="`<data dir>/backups`"),
    "backup_interval_hours": _D("a worker writes a backup this often (0: never)", "24"),
    "backup_keep": _D("the scheduled backup keeps this many, deleting older ones", "14"),
    "media_token_minutes": _D(
        "media URLs stop working this long after they were issued; players renew them "
        "with `POST /api/v1/playback/sessions/{id}/token`", "30"),
    "library_probe_jobs": _D("probing jobs run in parallel per library after a scan", "4"),
    "library_parse_processes": _D(
        "child processes that parse file names during a big scan (2,000+ new files); "
        "0: parse in the scanning process", "0",
        unset="one fewer than the CPUs, at most 4"),
    "library_watch_delay_seconds": _D(
        "how long a watched path must stay quiet before it is scanned", "10"),
    "webauthn_rp_id": _D("WebAuthn relying-party id (a domain the origins share)",
                         "example.org", unset="the host of `public_url`"),
    "webauthn_origins": _D(
        "comma-separated origins security keys and passkeys may be used from",
        "https://media.example.org,https://example.org:8443",
        unset="the origin of `public_url`"),
    "encryption_keys": _D(
        "keys sealing secrets at rest (Radarr API key, TOTP seeds): comma-separated "
        "`id:base64` AES-256 keys, the first current. Rotate with `revenge secrets rotate`",
        "k2:BASE64KEY2=,k1:BASE64KEY1=",
        unset="generated into `<data dir>/encryption.key`"),
    "radarr_timeout_seconds": _D(
        "time each Radarr API request may take (transient failures are retried twice)", "30"),
    "web_dir": _D("the built web app served at `/`", "/srv/revenge/web",
                  unset="`web/build` of this checkout when built, else the API alone"),
    "docs_dir": _D("the built documentation site served at `/docs`", "/srv/revenge/site",
                   unset="`site/` of this checkout when built (`mkdocs build`), else none"),
    "metrics_access": _D(
        "who may read `/metrics`: off (404), loopback (this machine; behind a trusted proxy, "
        "the real client), token (`Authorization: Bearer <REVENGE_METRICS_TOKEN>`), or "
        "loopback+token (either)", "token"),
    "metrics_token": _D("bearer token that opens `/metrics` from anywhere",
                        "a-scrape-token", unset="no token opens it"),
}
