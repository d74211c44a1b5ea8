"""/api/v1/mfa: the caller's second factors. Changes need a recent proof of identity
(403 `reauthentication_required` otherwise) and accept `?log_out_other_sessions=true`."""

from __future__ import annotations

from litestar import Controller, delete, get, patch, post
from litestar.params import FromPath, FromQuery, JSONBody

from revenge.application.mfa.begin_webauthn_registration import BeginWebAuthnRegistration
from revenge.application.mfa.confirm_totp import ConfirmTotp, ConfirmTotpCommand
from revenge.application.mfa.disable_mfa import DisableMfa
from revenge.application.mfa.enable_mfa import EnableMfa
from revenge.application.mfa.factor_changes import FactorCommand
from revenge.application.mfa.finish_webauthn_registration import (
    FinishWebAuthnRegistration,
    FinishWebAuthnRegistrationCommand,
)
from revenge.application.mfa.generate_backup_codes import (
    GenerateBackupCodes,
    GenerateBackupCodesCommand,
)
from revenge.application.mfa.queries import MfaQueries
from revenge.application.mfa.remove_totp import RemoveTotp
from revenge.application.mfa.remove_webauthn_credential import (
    RemoveWebAuthnCredential,
    RemoveWebAuthnCredentialCommand,
)
from revenge.application.mfa.rename_webauthn_credential import (
    RenameWebAuthnCredential,
    RenameWebAuthnCredentialCommand,
)
from revenge.application.mfa.set_up_totp import SetUpTotp
from revenge.application.mfa.views import (
    BackupCodeSet,
    ChallengeView,
    CredentialView,
    MfaStatus,
    Registered,
    TotpSetup,
)
from revenge.application.shared.principal import Principal
from revenge.domain.shared.permissions import Permission
from revenge.entrypoints.http.auth import SECURITY, Client, CurrentPrincipal, require
from revenge.entrypoints.http.di_bridge import Uses, uses
from revenge.entrypoints.http.mfa.schemas import (
    CodeBody,
    CredentialList,
    FactorChanged,
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
    dependencies = uses(MfaQueries, SetUpTotp, ConfirmTotp, RemoveTotp, GenerateBackupCodes,
                        EnableMfa, DisableMfa, BeginWebAuthnRegistration,
                        FinishWebAuthnRegistration, RenameWebAuthnCredential,
                        RemoveWebAuthnCredential)

    @get("/status", summary="My MFA status: factors, methods, whether the server requires it")
    async def status(self, principal: CurrentPrincipal,
                     mfa_queries: Uses[MfaQueries]) -> MfaStatus:
        return await mfa_queries.status(principal)

    @post("/totp/setup", status_code=OK, summary="Start TOTP: secret, otpauth URI, QR codes")
    async def totp_setup(self, principal: CurrentPrincipal, set_up_totp: Uses[SetUpTotp],
                         client_info: Client) -> TotpSetup:
        return await set_up_totp.execute(FactorCommand(principal=principal, client=client_info))

    @post("/totp/verify", status_code=OK, summary="Enable TOTP with its first code")
    async def totp_verify(self, data: JSONBody[CodeBody], principal: CurrentPrincipal,
                          confirm_totp: Uses[ConfirmTotp], mfa_queries: Uses[MfaQueries],
                          client_info: Client,
                          log_out_other_sessions: FromQuery[bool] = False) -> FactorChanged:
        revoked = await confirm_totp.execute(ConfirmTotpCommand(
            principal=principal, client=client_info, code=data.code,
            log_out_others=log_out_other_sessions))
        return await _changed(mfa_queries, principal, revoked)

    @delete("/totp", status_code=OK, summary="Remove TOTP")
    async def totp_remove(self, principal: CurrentPrincipal, remove_totp: Uses[RemoveTotp],
                          mfa_queries: Uses[MfaQueries], client_info: Client,
                          log_out_other_sessions: FromQuery[bool] = False) -> FactorChanged:
        revoked = await remove_totp.execute(
            _command(principal, client_info, log_out_other_sessions))
        return await _changed(mfa_queries, principal, revoked)

    @post("/backup-codes/generate", status_code=OK, summary="Ten backup codes (shown once)")
    async def backup_codes(self, principal: CurrentPrincipal,
                           generate_backup_codes: Uses[GenerateBackupCodes], client_info: Client,
                           log_out_other_sessions: FromQuery[bool] = False) -> BackupCodeSet:
        return await _backup_codes(generate_backup_codes, principal, client_info,
                                   log_out_other_sessions, False)

    @post("/backup-codes/regenerate", status_code=OK,
          summary="Ten new backup codes; the old ones stop working")
    async def regenerate(self, principal: CurrentPrincipal,
                         generate_backup_codes: Uses[GenerateBackupCodes], client_info: Client,
                         log_out_other_sessions: FromQuery[bool] = False) -> BackupCodeSet:
        return await _backup_codes(generate_backup_codes, principal, client_info,
                                   log_out_other_sessions, True)

    @post("/enable", status_code=OK, summary="Require a second factor at my logins")
    async def enable(self, principal: CurrentPrincipal, enable_mfa: Uses[EnableMfa],
                     mfa_queries: Uses[MfaQueries], client_info: Client,
                     log_out_other_sessions: FromQuery[bool] = False) -> FactorChanged:
        revoked = await enable_mfa.execute(
            _command(principal, client_info, log_out_other_sessions))
        return await _changed(mfa_queries, principal, revoked)

    @post("/disable", status_code=OK, summary="Stop requiring a second factor (factors kept)")
    async def disable(self, principal: CurrentPrincipal, disable_mfa: Uses[DisableMfa],
                      mfa_queries: Uses[MfaQueries], client_info: Client,
                      log_out_other_sessions: FromQuery[bool] = False) -> FactorChanged:
        revoked = await disable_mfa.execute(
            _command(principal, client_info, log_out_other_sessions))
        return await _changed(mfa_queries, principal, revoked)

    @post("/webauthn/register/begin", status_code=OK,
          summary="Begin registering a security key or passkey")
    async def register_begin(self, principal: CurrentPrincipal,
                             begin_web_authn_registration: Uses[BeginWebAuthnRegistration],
                             client_info: Client) -> ChallengeView:
        return await begin_web_authn_registration.execute(
            FactorCommand(principal=principal, client=client_info))

    @post("/webauthn/register/finish", status_code=201,
          summary="Finish registering a security key or passkey")
    async def register_finish(self, data: JSONBody[RegisterFinishBody], principal: CurrentPrincipal,
                              finish_web_authn_registration: Uses[FinishWebAuthnRegistration],
                              client_info: Client,
                              log_out_other_sessions: FromQuery[bool] = False) -> Registered:
        return await finish_web_authn_registration.execute(FinishWebAuthnRegistrationCommand(
            principal=principal, client=client_info, challenge_id=data.challenge_id,
            credential=data.credential, name=data.name, log_out_others=log_out_other_sessions))

    @get("/webauthn/credentials", summary="My security keys and passkeys")
    async def credentials(self, principal: CurrentPrincipal,
                          mfa_queries: Uses[MfaQueries]) -> CredentialList:
        items = await mfa_queries.credentials(principal)
        return CredentialList(items=items, total=len(items))

    @patch("/webauthn/credentials/{credential_id:str}", summary="Rename a security key")
    async def rename(self, credential_id: FromPath[str], data: JSONBody[RenameBody],
                     principal: CurrentPrincipal,
                     rename_web_authn_credential: Uses[RenameWebAuthnCredential],
                     client_info: Client) -> CredentialView:
        return await rename_web_authn_credential.execute(RenameWebAuthnCredentialCommand(
            principal=principal, credential_id=credential_id, name=data.name,
            client=client_info))

    @delete("/webauthn/credentials/{credential_id:str}", status_code=OK,
            summary="Remove a security key")
    async def remove(self, credential_id: FromPath[str], principal: CurrentPrincipal,
                     remove_web_authn_credential: Uses[RemoveWebAuthnCredential],
                     mfa_queries: Uses[MfaQueries], client_info: Client,
                     log_out_other_sessions: FromQuery[bool] = False) -> FactorChanged:
        revoked = await remove_web_authn_credential.execute(RemoveWebAuthnCredentialCommand(
            principal=principal, client=client_info, credential_id=credential_id,
            log_out_others=log_out_other_sessions))
        return await _changed(mfa_queries, principal, revoked)


def _command(principal: Principal, client: Client, log_out_others: bool) -> FactorCommand:
    return FactorCommand(principal=principal, client=client, log_out_others=log_out_others)


async def _changed(queries: MfaQueries, principal: Principal, revoked: int) -> FactorChanged:
    return FactorChanged(status=await queries.status(principal), revoked_sessions=revoked)


async def _backup_codes(generate: GenerateBackupCodes, principal: Principal, client: Client,
                        log_out_others: bool, replace: bool) -> BackupCodeSet:
    return await generate.execute(GenerateBackupCodesCommand(
        principal=principal, client=client, log_out_others=log_out_others, replace=replace))
