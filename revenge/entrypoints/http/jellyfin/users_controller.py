"""Logging in from a Jellyfin app, and who the caller is.

A login is ours: the same password check, throttling and audit as /api/v1/auth/login,
and it opens a session in the person's session list named after the app and device
("Findroid 0.15 on Pixel 8"). The token handed back is that session's device token (a
refresh token presented as a bearer credential: apps keep one token and never refresh),
so ending the session in the web app signs the app out.

Accounts with a second factor: Jellyfin apps cannot ask for one, so a correct password
is answered 401 with a message telling the person to create an app password (an API
key, in the web app under API keys) and to sign in with it as the password. An app
password logs in only as its own owner; the app then uses the key itself as its token,
listed (and revocable) with the person's API keys."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Controller, Request, get, post
from litestar.status_codes import HTTP_204_NO_CONTENT

from revenge.application.identity.authenticate_request import AuthenticateRequest, Credential
from revenge.application.identity.common import ClientInfo, Kit
from revenge.application.identity.create_api_key import KEY_PREFIX
from revenge.application.identity.log_in import LogIn, LogInCommand
from revenge.application.identity.log_out import LogOut, LogOutCommand
from revenge.application.identity.queries import IdentityQueries
from revenge.application.identity.views import MfaChallenge, TokenPair, UserView
from revenge.domain.errors import AuthenticationFailed, NotFound, RuleViolation
from revenge.entrypoints.http.auth import client_ip
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.jellyfin.auth import client_header, require, token_of
from revenge.entrypoints.http.jellyfin.context import caller, this_server
from revenge.entrypoints.http.jellyfin.dtos_users import AuthenticationResult, UserDto
from revenge.entrypoints.http.jellyfin.ids import our_id
from revenge.entrypoints.http.jellyfin.routes import PathPart, paths
from revenge.entrypoints.http.jellyfin.users import principal_permissions, session_info, user_dto

AnyRequest = Request[Any, Any, Any]
MFA_REFUSAL = (
    "This account signs in with a second factor, which Jellyfin apps cannot ask for. "
    "Open Revenge in a browser, create an app password under Profile > API keys, and "
    "enter it here as the password.")
MAX_FIELD = 1024


class UsersController(Controller):
    path = "/"
    include_in_schema = False
    dependencies = uses(AuthenticateRequest, LogIn, LogOut, IdentityQueries, Kit)

    @post(paths("/Users/AuthenticateByName"), status_code=200)
    async def authenticate(self, request: AnyRequest,
                           authenticate_request: Uses[AuthenticateRequest],
                           log_in: Uses[LogIn], identity_queries: Uses[IdentityQueries],
                           kit: Uses[Kit]) -> AuthenticationResult:
        username, password = _credentials(await request.body())
        header = client_header(request)
        client = ClientInfo(ip=client_ip(request), user_agent=header.describe())
        token, user, session_id = await _app_password(
            authenticate_request, identity_queries, username, password) or \
            await _password_login(log_in, username, password, client)
        server = this_server(request)
        return AuthenticationResult(
            user=user_dto(user, server), access_token=token, server_id=server,
            session_info=session_info(session_id, user, header, server, kit.now(), client.ip))

    @get(paths("/Users/Me"), guards=[require()])
    async def me(self, request: AnyRequest, identity_queries: Uses[IdentityQueries]) -> UserDto:
        return await _me(request, identity_queries)

    @get(paths("/Users/{user_id:str}"), guards=[require()])
    async def user(self, request: AnyRequest, user_id: PathPart,
                   identity_queries: Uses[IdentityQueries]) -> UserDto:
        principal = caller(request)
        if our_id(user_id, "user") != principal.user_id:
            raise NotFound("no such user", field="user_id")  # others are not listed
        return await _me(request, identity_queries)

    @post(paths("/Sessions/Logout"), status_code=HTTP_204_NO_CONTENT, guards=[require()])
    async def log_out(self, request: AnyRequest, log_out: Uses[LogOut]) -> None:
        """Ends the app's session (an app password stays: revoke it in the web app)."""
        token = token_of(request) or ""
        if token.startswith("rvr_"):
            await log_out.execute(LogOutCommand(
                refresh_token=token, client=ClientInfo(ip=client_ip(request))))


async def _me(request: AnyRequest, queries: IdentityQueries) -> UserDto:
    principal = caller(request)
    user = await queries.user(principal.user_id)
    return user_dto(user, this_server(request), principal_permissions(principal))


def _credentials(body: bytes) -> tuple[str, str]:
    try:
        fields = msgspec.json.decode(body or b"{}")
    except msgspec.DecodeError:
        raise RuleViolation("the body must be JSON with Username and Pw",
                            field="body") from None
    if not isinstance(fields, dict):
        raise RuleViolation("the body must be a JSON object", field="body")
    lowered = {str(k).lower(): v for k, v in fields.items()}
    username, password = lowered.get("username"), lowered.get("pw")
    if not isinstance(username, str) or not 0 < len(username) <= MAX_FIELD:
        raise RuleViolation("Username is required", field="Username")
    if not isinstance(password, str) or len(password) > MAX_FIELD:
        raise RuleViolation("Pw must be text", field="Pw")
    return username, password


async def _app_password(authenticate: AuthenticateRequest, queries: IdentityQueries,
                        username: str, password: str) -> tuple[str, UserView, str] | None:
    """(token, user, session id) when the password is the user's own API key."""
    if not password.startswith(KEY_PREFIX):
        return None
    principal = await authenticate.execute(Credential(kind="api_key", token=password))
    if principal is None or principal.username.casefold() != username.casefold():
        return None  # answered like any wrong password, by the password login
    user = await queries.user(principal.user_id)
    return password, user, principal.api_key_id or principal.user_id


async def _password_login(log_in: LogIn, username: str, password: str, client: ClientInfo
                          ) -> tuple[str, UserView, str]:
    result: TokenPair | MfaChallenge = await log_in.execute(LogInCommand(
        identifier=username, password=password, client=client))
    if isinstance(result, MfaChallenge):
        raise AuthenticationFailed(MFA_REFUSAL)
    return result.refresh_token, result.user, result.session_id
