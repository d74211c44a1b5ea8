"""The MFA HTTP API: /api/v1/mfa (manage factors) and the MFA and passkey login steps
under /api/v1/auth (controllers are thin: every decision is in a use case)."""

from __future__ import annotations

from litestar.types import ControllerRouterHandler

from revenge.entrypoints.http.mfa.login_controller import MfaLoginController
from revenge.entrypoints.http.mfa.manage_controller import MfaController


def mfa_routers() -> list[ControllerRouterHandler]:
    return [MfaController, MfaLoginController]
