"""Identity context: accounts, sessions, roles, API keys, throttling, audit, settings.

The `real` and `memory` profiles differ only in storage, throttle and mail adapters.
"""

from __future__ import annotations

import functools
import secrets

from dependency_injector import containers, providers

from revenge.adapters.aio.background import AsyncioBackground
from revenge.adapters.crypto.common_passwords import FileCommonPasswords
from revenge.adapters.crypto.jwt_tokens import JwtAccessTokens
from revenge.adapters.crypto.passwords import Argon2PasswordHasher
from revenge.adapters.crypto.sealed_cache import SealedCache, seal_key
from revenge.adapters.crypto.secret_key import signing_key
from revenge.adapters.crypto.system import Uuid7Ids
from revenge.adapters.crypto.tokens import RandomSecretTokens
from revenge.adapters.mail.outbox import OutboxMailer
from revenge.adapters.mail.smtp import SmtpMailer, SmtpSettings
from revenge.adapters.memory.display_preferences import InMemoryDisplayPreferences
from revenge.adapters.memory.identity_records import InMemoryMailOutbox
from revenge.adapters.memory.identity_throttle import InMemoryThrottle
from revenge.adapters.memory.identity_unit_of_work import InMemoryIdentityUnitOfWork
from revenge.adapters.memory.unit_of_work import InMemoryState
from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.display_preferences import PostgresDisplayPreferences
from revenge.adapters.postgres.identity_records import PostgresMailRecorder
from revenge.adapters.postgres.identity_unit_of_work import PostgresIdentityUnitOfWork
from revenge.adapters.redis.throttle import RedisThrottle
from revenge.application.identity.authenticate_request import AuthenticateRequest
from revenge.application.identity.change_password import ChangePassword
from revenge.application.identity.common import Kit
from revenge.application.identity.create_api_key import CreateApiKey
from revenge.application.identity.create_role import CreateRole
from revenge.application.identity.create_user import CreateUser
from revenge.application.identity.delete_role import DeleteRole
from revenge.application.identity.delete_user import DeleteUser
from revenge.application.identity.display_preferences import DisplayPreferences
from revenge.application.identity.log_in import LogIn, NoSecondFactor
from revenge.application.identity.log_out import LogOut
from revenge.application.identity.login_throttle import LoginThrottle
from revenge.application.identity.open_session import SessionOpener
from revenge.application.identity.passwords import PasswordPolicy
from revenge.application.identity.queries import IdentityQueries
from revenge.application.identity.refresh_session import RefreshSession
from revenge.application.identity.register_user import RegisterUser
from revenge.application.identity.request_password_reset import RequestPasswordReset
from revenge.application.identity.reset_password import ResetPassword
from revenge.application.identity.revoke_api_key import RevokeApiKey
from revenge.application.identity.revoke_other_sessions import RevokeOtherSessions
from revenge.application.identity.revoke_session import RevokeSession
from revenge.application.identity.server_settings import ServerSettingsReader
from revenge.application.identity.session_cache import SessionCache
from revenge.application.identity.session_tokens import SessionTokens
from revenge.application.identity.set_user_password import SetUserPassword
from revenge.application.identity.update_profile import UpdateProfile
from revenge.application.identity.update_role import UpdateRole
from revenge.application.identity.update_server_settings import UpdateServerSettings
from revenge.application.identity.update_user import UpdateUser
from revenge.application.identity.update_user_settings import UpdateUserSettings
from revenge.application.shared.clock import utc_now
from revenge.entrypoints.config import Config


def _mailer(settings: Config, database: Database) -> object:
    if not settings.smtp_host:
        return OutboxMailer(PostgresMailRecorder(database))
    return SmtpMailer(SmtpSettings(
        host=settings.smtp_host, port=settings.smtp_port, username=settings.smtp_username,
        password=settings.smtp_password, sender=settings.smtp_from,
        security=settings.smtp_security))


def _reset_url(settings: Config) -> str:
    base = settings.public_url or f"http://{settings.host}:{settings.port}"
    return base.rstrip("/") + "/reset"  # the web app's page that takes ?token=


class IdentityContainer(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    settings = providers.Dependency(instance_of=Config)
    profile = providers.Dependency(instance_of=str)

    memory_state = providers.Singleton(InMemoryState)
    uow = providers.Selector(
        profile,
        real=providers.Singleton(functools.partial, PostgresIdentityUnitOfWork, core.database),
        memory=providers.Singleton(functools.partial, InMemoryIdentityUnitOfWork, memory_state),
    )
    throttle = providers.Selector(
        profile,
        real=providers.Singleton(RedisThrottle, core.redis),
        memory=providers.Singleton(InMemoryThrottle),
    )
    display_preferences_store = providers.Selector(
        profile,
        real=providers.Singleton(PostgresDisplayPreferences, core.database),
        memory=providers.Singleton(InMemoryDisplayPreferences, memory_state),
    )
    display_preferences = providers.Singleton(DisplayPreferences, display_preferences_store,
                                              providers.Object(utc_now))
    mailer = providers.Selector(
        profile,
        real=providers.Singleton(_mailer, settings, core.database),
        memory=providers.Singleton(InMemoryMailOutbox),
    )
    jwt_key = providers.Selector(
        profile,
        real=providers.Singleton(signing_key, settings.provided.jwt_secret,
                                 settings.provided.data_path),
        memory=providers.Singleton(secrets.token_bytes, 48),
    )

    hasher = providers.Singleton(
        Argon2PasswordHasher, time_cost=settings.provided.argon2_time_cost,
        memory_kib=settings.provided.argon2_memory_kib,
        parallelism=settings.provided.argon2_parallelism,
    )
    policy = providers.Singleton(PasswordPolicy, providers.Singleton(FileCommonPasswords))
    access_tokens = providers.Singleton(
        JwtAccessTokens, jwt_key,
        providers.Callable(lambda minutes: minutes * 60, settings.provided.access_token_minutes),
    )
    secret_tokens = providers.Singleton(RandomSecretTokens)
    kit = providers.Singleton(Kit, providers.Object(utc_now), providers.Singleton(Uuid7Ids))
    # What grants access is cached sealed: a forged Redis entry reads as a miss.
    cache_seal = providers.Singleton(seal_key, jwt_key)
    session_cache = providers.Singleton(
        SessionCache, providers.Singleton(SealedCache, core.shared_cache, cache_seal))
    server_settings = providers.Singleton(
        ServerSettingsReader, uow, providers.Singleton(SealedCache, core.cache, cache_seal))
    session_tokens = providers.Singleton(SessionTokens, access_tokens, secret_tokens)
    queries = providers.Singleton(IdentityQueries, uow)

    authenticate_request = providers.Singleton(
        AuthenticateRequest, uow, access_tokens, secret_tokens, server_settings, session_cache, kit)
    register_user = providers.Singleton(RegisterUser, uow, policy, hasher, server_settings, kit)
    create_user = providers.Singleton(CreateUser, uow, policy, hasher, kit)
    update_user = providers.Singleton(UpdateUser, uow, session_cache, kit)
    delete_user = providers.Singleton(DeleteUser, uow, session_cache, kit)
    login_throttle = providers.Singleton(LoginThrottle, throttle, server_settings)
    update_profile = providers.Singleton(UpdateProfile, uow, hasher, login_throttle, kit)
    session_opener = providers.Singleton(SessionOpener, session_tokens, kit)
    # The MFA container overrides this with its gate (see di/app.py).
    second_factor_gate = providers.Singleton(NoSecondFactor)
    log_in = providers.Singleton(LogIn, uow, hasher, login_throttle, server_settings,
                                 session_opener, second_factor_gate, kit)
    refresh_session = providers.Singleton(RefreshSession, uow, session_tokens, throttle,
                                          server_settings, session_cache, kit)
    log_out = providers.Singleton(LogOut, uow, secret_tokens, session_cache, kit)
    revoke_session = providers.Singleton(RevokeSession, uow, session_cache, kit)
    revoke_other_sessions = providers.Singleton(RevokeOtherSessions, uow, session_cache, kit)
    change_password = providers.Singleton(ChangePassword, uow, policy, hasher, login_throttle,
                                          session_cache, kit)
    background = providers.Singleton(AsyncioBackground)
    request_password_reset = providers.Singleton(
        RequestPasswordReset, uow, secret_tokens, mailer, throttle, server_settings, kit,
        providers.Callable(_reset_url, settings), background)
    reset_password = providers.Singleton(ResetPassword, uow, policy, hasher, secret_tokens,
                                         throttle, session_cache, kit)
    set_user_password = providers.Singleton(SetUserPassword, uow, policy, hasher, session_cache,
                                            kit)
    create_role = providers.Singleton(CreateRole, uow, kit)
    update_role = providers.Singleton(UpdateRole, uow, session_cache, kit)
    delete_role = providers.Singleton(DeleteRole, uow, session_cache, kit)
    create_api_key = providers.Singleton(CreateApiKey, uow, secret_tokens, kit)
    revoke_api_key = providers.Singleton(RevokeApiKey, uow, kit)
    update_server_settings = providers.Singleton(UpdateServerSettings, uow, server_settings, kit)
    update_user_settings = providers.Singleton(UpdateUserSettings, uow, kit)
