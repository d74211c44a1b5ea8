"""MFA context: TOTP, backup codes, WebAuthn security keys and passkeys, the MFA login.

It extends the identity context: its unit of work adds the MFA repositories to
identity's (so the memory profile shares identity's in-memory state), and its login
gate replaces identity's `second_factor_gate` (see `build_container`).
"""

from __future__ import annotations

import functools

from dependency_injector import containers, providers

from revenge.adapters.crypto.aead import AesGcmSecretBox, generate_key, load_keys
from revenge.adapters.crypto.backup_codes import Argon2BackupCodes
from revenge.adapters.crypto.totp import PyOtpTotp, SegnoQrCodes
from revenge.adapters.memory.mfa_unit_of_work import InMemoryMfaUnitOfWork
from revenge.adapters.postgres.mfa_factors import PostgresTotpSecrets
from revenge.adapters.postgres.mfa_unit_of_work import PostgresMfaUnitOfWork
from revenge.adapters.webauthn.relying_party import PyWebAuthnRelyingParty
from revenge.adapters.webauthn.settings import RelyingPartySettings, relying_party_settings
from revenge.application.mfa.assertions import AssertionCheck
from revenge.application.mfa.begin_passkey_login import BeginPasskeyLogin
from revenge.application.mfa.begin_webauthn_login import BeginWebAuthnLogin
from revenge.application.mfa.begin_webauthn_registration import BeginWebAuthnRegistration
from revenge.application.mfa.code_checks import CodeVerifier, TotpCodes
from revenge.application.mfa.confirm_totp import ConfirmTotp
from revenge.application.mfa.disable_mfa import DisableMfa
from revenge.application.mfa.enable_mfa import EnableMfa
from revenge.application.mfa.factor_changes import FactorChanges
from revenge.application.mfa.finish_passkey_login import FinishPasskeyLogin
from revenge.application.mfa.finish_webauthn_login import FinishWebAuthnLogin
from revenge.application.mfa.finish_webauthn_registration import FinishWebAuthnRegistration
from revenge.application.mfa.generate_backup_codes import GenerateBackupCodes
from revenge.application.mfa.login_completion import LoginCompletion
from revenge.application.mfa.login_gate import MfaLoginGate
from revenge.application.mfa.pending_logins import PendingLogins
from revenge.application.mfa.queries import MfaQueries
from revenge.application.mfa.reauthenticate import Reauthenticate
from revenge.application.mfa.remove_totp import RemoveTotp
from revenge.application.mfa.remove_webauthn_credential import RemoveWebAuthnCredential
from revenge.application.mfa.rename_webauthn_credential import RenameWebAuthnCredential
from revenge.application.mfa.reset_user_mfa import ResetUserMfa
from revenge.application.mfa.set_up_totp import SetUpTotp
from revenge.application.mfa.user_directory import UserDirectory
from revenge.application.mfa.verify_mfa_login import VerifyMfaLogin
from revenge.entrypoints.config import Config


def _secret_box(settings: Config) -> AesGcmSecretBox:
    return AesGcmSecretBox(load_keys(settings.encryption_keys, settings.data_path))


def _rp_settings(settings: Config) -> RelyingPartySettings:
    return relying_party_settings(settings.public_url, settings.port, settings.webauthn_rp_id,
                                  settings.webauthn_origins)


class MfaContainer(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    identity = providers.DependenciesContainer()
    settings = providers.Dependency(instance_of=Config)
    profile = providers.Dependency(instance_of=str)

    uow = providers.Selector(
        profile,
        real=providers.Singleton(functools.partial, PostgresMfaUnitOfWork, core.database),
        memory=providers.Singleton(functools.partial, InMemoryMfaUnitOfWork,
                                   identity.memory_state),
    )
    secret_box = providers.Selector(
        profile,
        real=providers.Singleton(_secret_box, settings),
        memory=providers.Singleton(AesGcmSecretBox, providers.List(
            providers.Callable(generate_key))),
    )
    # Stores of sealed secrets, for `revenge secrets rotate`.
    stored_secrets = providers.Selector(
        profile,
        real=providers.List(providers.Singleton(PostgresTotpSecrets, core.database)),
        memory=providers.List(),
    )
    totp_algorithm = providers.Singleton(PyOtpTotp)
    qr_codes = providers.Singleton(SegnoQrCodes)
    backup_hasher = providers.Singleton(Argon2BackupCodes)
    relying_party = providers.Singleton(PyWebAuthnRelyingParty,
                                        providers.Callable(_rp_settings, settings))

    changes = providers.Singleton(FactorChanges, identity.session_cache, identity.kit)
    totp_codes = providers.Singleton(TotpCodes, totp_algorithm, secret_box, identity.kit)
    codes = providers.Singleton(CodeVerifier, totp_codes, backup_hasher, identity.kit)
    pending = providers.Singleton(PendingLogins, uow, identity.secret_tokens, identity.kit)
    completion = providers.Singleton(LoginCompletion, uow, identity.session_opener,
                                     identity.login_throttle, identity.server_settings,
                                     identity.kit)
    assertions = providers.Singleton(AssertionCheck, uow, relying_party, identity.kit)
    login_gate = providers.Singleton(MfaLoginGate, uow, pending, identity.server_settings,
                                     identity.kit)
    queries = providers.Singleton(MfaQueries, uow, identity.server_settings)
    user_directory = providers.Singleton(UserDirectory, uow)

    set_up_totp = providers.Singleton(SetUpTotp, uow, totp_algorithm, qr_codes, secret_box,
                                      changes, identity.kit)
    confirm_totp = providers.Singleton(ConfirmTotp, uow, totp_codes, changes, identity.kit)
    remove_totp = providers.Singleton(RemoveTotp, uow, changes, identity.kit)
    generate_backup_codes = providers.Singleton(GenerateBackupCodes, uow, backup_hasher,
                                                changes, identity.kit)
    enable_mfa = providers.Singleton(EnableMfa, uow, changes, identity.kit)
    disable_mfa = providers.Singleton(DisableMfa, uow, identity.server_settings, changes,
                                      identity.kit)
    begin_registration = providers.Singleton(BeginWebAuthnRegistration, uow, relying_party,
                                             changes, identity.kit)
    finish_registration = providers.Singleton(FinishWebAuthnRegistration, uow, relying_party,
                                              changes, identity.kit)
    rename_credential = providers.Singleton(RenameWebAuthnCredential, uow, identity.kit)
    remove_credential = providers.Singleton(RemoveWebAuthnCredential, uow, changes,
                                            identity.kit)
    reset_user_mfa = providers.Singleton(ResetUserMfa, uow, identity.session_cache,
                                         identity.kit)
    reauthenticate = providers.Singleton(Reauthenticate, uow, identity.hasher, codes,
                                         identity.login_throttle, identity.session_cache,
                                         identity.kit)

    verify_login = providers.Singleton(VerifyMfaLogin, uow, pending, codes, completion)
    begin_webauthn_login = providers.Singleton(BeginWebAuthnLogin, uow, pending, relying_party,
                                               identity.kit)
    finish_webauthn_login = providers.Singleton(FinishWebAuthnLogin, uow, pending, assertions,
                                                completion)
    begin_passkey_login = providers.Singleton(BeginPasskeyLogin, uow, relying_party,
                                              identity.kit)
    finish_passkey_login = providers.Singleton(FinishPasskeyLogin, uow, assertions, completion)
