"""The second step of a login (/api/v1/auth/mfa/...), passkey sign-in
(/api/v1/auth/passkey/...) and re-authentication (/api/v1/auth/reauthenticate)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, post
from litestar.params import JSONBody

from revenge.application.mfa.begin_passkey_login import BeginPasskeyLogin
from revenge.application.mfa.begin_webauthn_login import BeginWebAuthnLogin
from revenge.application.mfa.finish_passkey_login import (
    FinishPasskeyLogin,
    FinishPasskeyLoginCommand,
)
from revenge.application.mfa.finish_webauthn_login import (
    FinishWebAuthnLogin,
    FinishWebAuthnLoginCommand,
)
from revenge.application.mfa.reauthenticate import Reauthenticate, ReauthenticateCommand
from revenge.application.mfa.verify_mfa_login import VerifyMfaLogin, VerifyMfaLoginCommand
from revenge.application.mfa.views import ChallengeView
from revenge.domain.mfa.enrolment import Method
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.auth import SECURITY, Client, CurrentPrincipal, require
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.identity.auth_controller import with_cookies
from revenge.entrypoints.http.identity.schemas import LoginResponse
from revenge.entrypoints.http.mfa.schemas import (
    MfaTokenBody,
    MfaVerifyBody,
    PasskeyFinishBody,
    ReauthenticateBody,
    Reauthenticated,
    WebAuthnLoginFinishBody,
)
from revenge.entrypoints.http.openapi_contract import problems

AnyRequest = Request[Any, Any, Any]
OK = 200


class MfaLoginController(Controller):
    path = "/auth"
    tags = ["auth"]
    dependencies = uses(VerifyMfaLogin, BeginWebAuthnLogin, FinishWebAuthnLogin,
                        BeginPasskeyLogin, FinishPasskeyLogin, Reauthenticate)

    @post("/mfa/verify", status_code=OK,
          summary="Complete a login with a TOTP code or a backup code")
    async def verify(self, request: AnyRequest, data: JSONBody[MfaVerifyBody],
                     verify_mfa_login: Uses[VerifyMfaLogin],
                     client_info: Client) -> Response[LoginResponse]:
        pair = await verify_mfa_login.execute(VerifyMfaLoginCommand(
            mfa_token=data.mfa_token, method=Method(data.method), code=data.code,
            client=client_info))
        return with_cookies(request, pair)

    @post("/mfa/webauthn/begin", status_code=OK, responses=problems(401),
          summary="Security-key options for the second step of a login")
    async def webauthn_begin(self, data: JSONBody[MfaTokenBody],
                             begin_web_authn_login: Uses[BeginWebAuthnLogin]) -> ChallengeView:
        return await begin_web_authn_login.execute(data.mfa_token)

    @post("/mfa/webauthn/finish", status_code=OK, summary="Complete a login with a security key")
    async def webauthn_finish(self, request: AnyRequest, data: JSONBody[WebAuthnLoginFinishBody],
                              finish_web_authn_login: Uses[FinishWebAuthnLogin],
                              client_info: Client) -> Response[LoginResponse]:
        pair = await finish_web_authn_login.execute(FinishWebAuthnLoginCommand(
            mfa_token=data.mfa_token, challenge_id=data.challenge_id,
            credential=data.credential, client=client_info))
        return with_cookies(request, pair)

    @post("/passkey/begin", status_code=OK, summary="Begin a passkey sign-in (no username)")
    async def passkey_begin(self, begin_passkey_login: Uses[BeginPasskeyLogin]) -> ChallengeView:
        return await begin_passkey_login.execute()

    @post("/passkey/finish", status_code=OK, summary="Sign in with a passkey")
    async def passkey_finish(self, request: AnyRequest, data: JSONBody[PasskeyFinishBody],
                             finish_passkey_login: Uses[FinishPasskeyLogin],
                             client_info: Client) -> Response[LoginResponse]:
        pair = await finish_passkey_login.execute(FinishPasskeyLoginCommand(
            challenge_id=data.challenge_id, credential=data.credential, client=client_info))
        return with_cookies(request, pair)

    @post("/reauthenticate", status_code=OK, security=SECURITY,
          guards=[require(Permission.ACCOUNT)],
          summary="Confirm my password or a second factor (allows factor changes for 10 min)")
    async def reauthenticate(self, data: JSONBody[ReauthenticateBody], principal: CurrentPrincipal,
                             reauthenticate: Uses[Reauthenticate],
                             client_info: Client) -> Reauthenticated:
        until = await reauthenticate.execute(ReauthenticateCommand(
            principal=principal, password=data.password,
            method=Method(data.method) if data.method else None, code=data.code,
            client=client_info))
        return Reauthenticated(recently_authenticated_until=until)
