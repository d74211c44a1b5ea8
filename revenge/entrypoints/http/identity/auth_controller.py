"""/api/v1/auth: register, log in, refresh, log out, forgot and reset password."""

from __future__ import annotations

from typing import Any, cast

from litestar import Controller, Request, Response, post
from litestar.params import JSONBody
from litestar.status_codes import HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from revenge.application.identity.log_in import LogIn, LogInCommand
from revenge.application.identity.log_out import LogOut, LogOutCommand
from revenge.application.identity.refresh_session import RefreshSession, RefreshSessionCommand
from revenge.application.identity.register_user import RegisterUser, RegisterUserCommand
from revenge.application.identity.request_password_reset import (
    RequestPasswordReset,
    RequestPasswordResetCommand,
)
from revenge.application.identity.reset_password import ResetPassword, ResetPasswordCommand
from revenge.application.identity.views import MfaChallenge, TokenPair, UserView
from revenge.domain.errors import AuthenticationFailed
from revenge.entrypoints.http.auth import (
    Client,
    MaybePrincipal,
    check_csrf,
    clear_session_cookies,
    cookie_names,
    set_session_cookies,
)
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.identity.schemas import (
    ForgotBody,
    LoginBody,
    LoginResponse,
    RefreshBody,
    RegisterBody,
    ResetBody,
)
from revenge.entrypoints.http.openapi_contract import problems

AnyRequest = Request[Any, Any, Any]


class AuthController(Controller):
    path = "/auth"
    tags = ["auth"]
    dependencies = uses(RegisterUser, LogIn, RefreshSession, LogOut, RequestPasswordReset,
                        ResetPassword)

    @post("/register", status_code=201, summary="Create an account (the first becomes admin)",
          responses=problems(403))  # registration closed
    async def register(self, data: JSONBody[RegisterBody], register_user: Uses[RegisterUser],
                       client_info: Client) -> UserView:
        return await register_user.execute(RegisterUserCommand(
            username=data.username, email=data.email, password=data.password,
            display_name=data.display_name, client=client_info))

    @post("/login", status_code=200,
          summary="Log in with username or e-mail and password (or get an MFA challenge)")
    async def login(self, request: AnyRequest, data: JSONBody[LoginBody], log_in: Uses[LogIn],
                    client_info: Client) -> Response[LoginResponse | MfaChallenge]:
        command = LogInCommand(identifier=data.username, password=data.password,
                               client=client_info)
        result = await log_in.execute(command)
        if isinstance(result, MfaChallenge):
            return Response(result)
        return cast("Response[LoginResponse | MfaChallenge]", with_cookies(request, result))

    @post("/refresh", status_code=200, summary="Exchange a refresh token for a new pair")
    async def refresh(self, request: AnyRequest, refresh_session: Uses[RefreshSession],
                      client_info: Client,
                      data: JSONBody[RefreshBody | None] = None) -> Response[LoginResponse]:
        token = _refresh_token(request, data)
        command = RefreshSessionCommand(refresh_token=token, client=client_info)
        return with_cookies(request, await refresh_session.execute(command))

    @post("/logout", status_code=HTTP_204_NO_CONTENT, summary="End the current session")
    async def logout(self, request: AnyRequest, log_out: Uses[LogOut], client_info: Client,
                     maybe_principal: MaybePrincipal,
                     data: JSONBody[RefreshBody | None] = None) -> Response[None]:
        session_id = maybe_principal.session_id if maybe_principal else None
        token = None if session_id else _refresh_token(request, data, required=False)
        await log_out.execute(
            LogOutCommand(session_id=session_id, refresh_token=token, client=client_info))
        response: Response[None] = Response(None, status_code=HTTP_204_NO_CONTENT)
        clear_session_cookies(request, response)
        return response

    @post("/password/forgot", status_code=HTTP_202_ACCEPTED,
          summary="Mail a reset link if the account exists (always 202)")
    async def forgot(self, data: JSONBody[ForgotBody],
                     request_password_reset: Uses[RequestPasswordReset],
                     client_info: Client) -> None:
        await request_password_reset.execute(
            RequestPasswordResetCommand(identifier=data.email, client=client_info))

    @post("/password/reset", status_code=HTTP_204_NO_CONTENT,
          summary="Choose a new password with a mailed token")
    async def reset(self, data: JSONBody[ResetBody], reset_password: Uses[ResetPassword],
                    client_info: Client) -> None:
        await reset_password.execute(ResetPasswordCommand(
            token=data.token, new_password=data.new_password,
            revoke_api_keys=data.revoke_api_keys, client=client_info))


def _refresh_token(request: AnyRequest, data: RefreshBody | None, *,
                   required: bool = True) -> str:
    if data is not None and data.refresh_token:
        return data.refresh_token
    cookie = request.cookies.get(cookie_names(request).refresh, "")
    if cookie:
        check_csrf(request, None)
    elif required:
        raise AuthenticationFailed("no refresh token (body or cookie)")
    return cookie


def with_cookies(request: AnyRequest, pair: TokenPair) -> Response[LoginResponse]:
    """The token pair as the body, and as cookies for the web UI."""
    response = Response(LoginResponse.of(pair))
    set_session_cookies(request, response, pair)
    return response
