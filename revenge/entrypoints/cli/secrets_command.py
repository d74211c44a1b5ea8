"""`revenge secrets rotate [--new-key]`: seal every stored secret again under the current
encryption key, so older keys can be retired.

With keys from REVENGE_ENCRYPTION_KEYS, put the new key first (keeping the old ones
after it), restart, and run `revenge secrets rotate`; then drop the old keys. With the
generated key file, `--new-key` adds a fresh current key to it first. The database is
found as for `revenge scan` (the embedded one when no REVENGE_DATABASE_URL is set).
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable, Sequence
from typing import Any

import msgspec

from revenge.entrypoints.cli.common import ExitError, load_settings
from revenge.entrypoints.config import Config

# Where sealed secrets are stored: each hook gives a container's `StoredSecrets`. A
# context that seals secrets adds its provider here.
SECRET_STORES: Sequence[Callable[[Any], Sequence[Any]]] = (
    lambda container: container.radarr.stored_secrets(),  # the Radarr API key
    lambda container: container.mfa.stored_secrets(),  # TOTP seeds
)


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    rotate = actions.add_parser("rotate", help="re-seal stored secrets under the current key")
    rotate.add_argument("--new-key", action="store_true",
                        help="first add a new current key to <data dir>/encryption.key")


def run(args: argparse.Namespace) -> int:
    from revenge.entrypoints.cli.scan_command import database_url

    settings = load_settings(args)
    if args.new_key:
        _add_key(settings)
    box = _box(settings)
    with database_url(settings) as url:
        counts = asyncio.run(_rotate(msgspec.structs.replace(settings, database_url=url), box))
    for name, count in counts.items():
        print(f"{name}: {count} re-sealed under key {box.current_key_id}")
    return 0


def _add_key(settings: Config) -> None:
    from revenge.adapters.crypto.aead import add_key_to_file

    if settings.encryption_keys:
        raise ExitError("--new-key works on the generated key file; with "
                        "REVENGE_ENCRYPTION_KEYS set, put the new key first there", 2)
    print(f"new current key {add_key_to_file(settings.data_path).key_id} added to "
          f"{settings.data_path / 'encryption.key'}")


def _box(settings: Config) -> Any:
    from revenge.adapters.crypto.aead import AesGcmSecretBox, EncryptionKeyError, load_keys

    try:
        return AesGcmSecretBox(load_keys(settings.encryption_keys, settings.data_path))
    except EncryptionKeyError as exc:
        raise ExitError(f"configuration error: REVENGE_ENCRYPTION_KEYS: {exc}", 2) from None


async def _rotate(settings: Config, box: Any) -> dict[str, int]:
    from revenge.application.shared.secrets import rotate_all
    from revenge.entrypoints.cli.scan_command import open_container

    async with open_container(settings, relay=False) as container:
        stores = [store for hook in SECRET_STORES for store in hook(container)]
        return await rotate_all(box, stores)
