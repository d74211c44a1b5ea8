"""/api/v1/mfa: the caller's second factors. Changes need a recent proof of identity
(403 `reauthentication_required` otherwise) and accept `?log_out_other_sessions=true`."""

from __future__ import annotations

from litestar import Controller, delete, get, patch, post
from litestar.params import FromPath, FromQuery, JSONBody

from revenge.application.identity.principal import Principal
from revenge.application.mfa.confirm_totp import ConfirmTotpCommand
from revenge.application.mfa.factor_changes import FactorCommand
from revenge.application.mfa.finish_webauthn_registration import (
    FinishWebAuthnRegistrationCommand,
)
from revenge.application.mfa.generate_backup_codes import GenerateBackupCodesCommand
from revenge.application.mfa.remove_webauthn_credential import RemoveWebAuthnCredentialCommand
from revenge.application.mfa.rename_webauthn_credential import RenameWebAuthnCredentialCommand
from revenge.application.mfa.views import (
    BackupCodeSet,
    ChallengeView,
    CredentialView,
    MfaStatus,
    Registered,
    TotpSetup,
)
from revenge.domain.identity.permissions import Permission
from revenge.entrypoints.http.auth import SECURITY, Client, CurrentPrincipal, require
from revenge.entrypoints.http.mfa.schemas import (
    CodeBody,
    CredentialList,
    FactorChanged,
    Mfa,
    RegisterFinishBody,
    RenameBody,
)

OK = 200


class MfaController(Controller):
    """Sessions only, or an API key created with the `account` scope."""

    path = "/mfa"
    tags = ["mfa"]
    security = SECURITY
    guards = [require(Permission.ACCOUNT)]

    @get("/status", summary="My MFA status: factors, methods, whether the server requires it")
    async def status(self, principal: CurrentPrincipal, mfa: Mfa) -> MfaStatus:
        result: MfaStatus = await mfa.queries().status(principal)
        return result

    @post("/totp/setup", status_code=OK, summary="Start TOTP: secret, otpauth URI, QR codes")
    async def totp_setup(self, principal: CurrentPrincipal, mfa: Mfa,
                         client_info: Client) -> TotpSetup:
        result: TotpSetup = await mfa.set_up_totp().execute(
            FactorCommand(principal=principal, client=client_info))
        return result

    @post("/totp/verify", status_code=OK, summary="Enable TOTP with its first code")
    async def totp_verify(self, data: JSONBody[CodeBody], principal: CurrentPrincipal, mfa: Mfa,
                          client_info: Client,
                          log_out_other_sessions: FromQuery[bool] = False) -> FactorChanged:
        revoked = await mfa.confirm_totp().execute(ConfirmTotpCommand(
            principal=principal, client=client_info, code=data.code,
            log_out_others=log_out_other_sessions))
        return await _changed(mfa, principal, revoked)

    @delete("/totp", status_code=OK, summary="Remove TOTP")
    async def totp_remove(self, principal: CurrentPrincipal, mfa: Mfa, client_info: Client,
                          log_out_other_sessions: FromQuery[bool] = False) -> FactorChanged:
        revoked = await mfa.remove_totp().execute(
            _command(principal, client_info, log_out_other_sessions))
        return await _changed(mfa, principal, revoked)

    @post("/backup-codes/generate", status_code=OK, summary="Ten backup codes (shown once)")
    async def backup_codes(self, principal: CurrentPrincipal, mfa: Mfa, client_info: Client,
                           log_out_other_sessions: FromQuery[bool] = False) -> BackupCodeSet:
        return await _backup_codes(mfa, principal, client_info, log_out_other_sessions, False)

    @post("/backup-codes/regenerate", status_code=OK,
          summary="Ten new backup codes; the old ones stop working")
    async def regenerate(self, principal: CurrentPrincipal, mfa: Mfa, client_info: Client,
                         log_out_other_sessions: FromQuery[bool] = False) -> BackupCodeSet:
        return await _backup_codes(mfa, principal, client_info, log_out_other_sessions, True)

    @post("/enable", status_code=OK, summary="Require a second factor at my logins")
    async def enable(self, principal: CurrentPrincipal, mfa: Mfa, client_info: Client,
                     log_out_other_sessions: FromQuery[bool] = False) -> FactorChanged:
        revoked = await mfa.enable_mfa().execute(
            _command(principal, client_info, log_out_other_sessions))
        return await _changed(mfa, principal, revoked)

    @post("/disable", status_code=OK, summary="Stop requiring a second factor (factors kept)")
    async def disable(self, principal: CurrentPrincipal, mfa: Mfa, client_info: Client,
                      log_out_other_sessions: FromQuery[bool] = False) -> FactorChanged:
        revoked = await mfa.disable_mfa().execute(
            _command(principal, client_info, log_out_other_sessions))
        return await _changed(mfa, principal, revoked)

    @post("/webauthn/register/begin", status_code=OK,
          summary="Begin registering a security key or passkey")
    async def register_begin(self, principal: CurrentPrincipal, mfa: Mfa,
                             client_info: Client) -> ChallengeView:
        result: ChallengeView = await mfa.begin_registration().execute(
            FactorCommand(principal=principal, client=client_info))
        return result

    @post("/webauthn/register/finish", status_code=201,
          summary="Finish registering a security key or passkey")
    async def register_finish(self, data: JSONBody[RegisterFinishBody], principal: CurrentPrincipal,
                              mfa: Mfa, client_info: Client,
                              log_out_other_sessions: FromQuery[bool] = False) -> Registered:
        result: Registered = await mfa.finish_registration().execute(
            FinishWebAuthnRegistrationCommand(
                principal=principal, client=client_info, challenge_id=data.challenge_id,
                credential=data.credential, name=data.name,
                log_out_others=log_out_other_sessions))
        return result

    @get("/webauthn/credentials", summary="My security keys and passkeys")
    async def credentials(self, principal: CurrentPrincipal, mfa: Mfa) -> CredentialList:
        items = await mfa.queries().credentials(principal)
        return CredentialList(items=items, total=len(items))

    @patch("/webauthn/credentials/{credential_id:str}", summary="Rename a security key")
    async def rename(self, credential_id: FromPath[str], data: JSONBody[RenameBody],
                     principal: CurrentPrincipal, mfa: Mfa, client_info: Client) -> CredentialView:
        result: CredentialView = await mfa.rename_credential().execute(
            RenameWebAuthnCredentialCommand(principal=principal, credential_id=credential_id,
                                            name=data.name, client=client_info))
        return result

    @delete("/webauthn/credentials/{credential_id:str}", status_code=OK,
            summary="Remove a security key")
    async def remove(self, credential_id: FromPath[str], principal: CurrentPrincipal, mfa: Mfa,
                     client_info: Client,
                     log_out_other_sessions: FromQuery[bool] = False) -> FactorChanged:
        revoked = await mfa.remove_credential().execute(RemoveWebAuthnCredentialCommand(
            principal=principal, client=client_info, credential_id=credential_id,
            log_out_others=log_out_other_sessions))
        return await _changed(mfa, principal, revoked)


def _command(principal: Principal, client: Client, log_out_others: bool) -> FactorCommand:
    return FactorCommand(principal=principal, client=client, log_out_others=log_out_others)


async def _changed(mfa: Mfa, principal: Principal, revoked: int) -> FactorChanged:
    return FactorChanged(status=await mfa.queries().status(principal), revoked_sessions=revoked)


async def _backup_codes(mfa: Mfa, principal: Principal, client: Client, log_out_others: bool,
                        replace: bool) -> BackupCodeSet:
    result: BackupCodeSet = await mfa.generate_backup_codes().execute(
        GenerateBackupCodesCommand(principal=principal, client=client,
                                   log_out_others=log_out_others, replace=replace))
    return result
