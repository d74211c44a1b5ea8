"""`revenge user create [--admin] --username U --email E`: accounts for headless set-up.

The password comes from a prompt (typed twice), or from standard input with
`--password-stdin` (one line), never from the command line where `ps` would show it.
Without REVENGE_DATABASE_URL the embedded database in the data directory is started
for the duration of the command (stop `revenge serve` first).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import sys
from collections.abc import Iterator

from revenge.adapters.postgres.migrations import MigrationRunner, default_directory, load_migrations
from revenge.application.identity.create_user import CreateUserCommand
from revenge.application.identity.views import UserView
from revenge.domain.errors import DomainError, Unavailable
from revenge.domain.identity.roles import ADMIN_ROLE_ID, USER_ROLE_ID
from revenge.entrypoints.cli.common import ExitError, load_settings
from revenge.entrypoints.config import Config


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["create"], help="create an account")
    parser.add_argument("--username", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--display-name", default="")
    parser.add_argument("--admin", action="store_true", help="give the account the admin role")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password from standard input (one line)")


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    password = _password(args.password_stdin)
    command = CreateUserCommand(
        actor_id=None, username=args.username, email=args.email, password=password,
        display_name=args.display_name, role_ids=(ADMIN_ROLE_ID if args.admin else USER_ROLE_ID,))
    with _database_url(settings) as url:
        try:
            user = asyncio.run(_create(settings, url, command))
        except DomainError as exc:
            field = f"{exc.field}: " if exc.field else ""
            raise ExitError(f"{field}{exc.detail}", code=2) from None
        except Unavailable as exc:
            raise ExitError(str(exc)) from None
    role = "admin" if args.admin else "user"
    print(f"created {role} {user.username} ({user.id})")
    return 0


def _password(from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Repeat password: ") != password:
            raise ExitError("the passwords differ", code=2)
    if not password:
        raise ExitError("no password given", code=2)
    return password


@contextlib.contextmanager
def _database_url(settings: Config) -> Iterator[str]:
    if settings.database_url:
        yield settings.database_url
        return
    from revenge.entrypoints.embedded.postgres import embedded_postgres

    try:
        with embedded_postgres(settings.data_path) as url:
            yield url
    except ExitError:
        raise
    except Exception as exc:
        raise ExitError(f"cannot start the embedded database ({exc}); stop `revenge serve` "
                        "or set REVENGE_DATABASE_URL") from None


async def _create(settings: Config, url: str, command: CreateUserCommand) -> UserView:
    import msgspec

    from revenge.entrypoints.di.app import build_container

    await MigrationRunner(url, load_migrations(default_directory())).up()
    container = build_container(msgspec.structs.replace(settings, database_url=url), "real")
    database = container.core.database()
    await database.open()
    try:
        user: UserView = await container.identity.create_user().execute(command)
        return user
    finally:
        await database.close()
