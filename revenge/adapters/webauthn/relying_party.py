"""The WebAuthn relying party on py_webauthn: options as `options_to_json` gives them,
registration and authentication verified with user verification required.

Attestation is not requested ("none"); what an authenticator sends anyway ("none", or
"packed" self or x5c attestation, ...) is verified by py_webauthn. Sign counts are
passed through unjudged (the domain's clone rule decides), so py_webauthn is given a
current count of 0.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import parse_authentication_credential_json
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    CredentialDeviceType,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from revenge.adapters.webauthn.settings import RelyingPartySettings
from revenge.application.mfa.ports import (
    CredentialRef,
    PresentedAssertion,
    RegisteredCredential,
    VerifiedAssertion,
    WebAuthnOptions,
    WebAuthnUser,
)
from revenge.domain.errors import AuthenticationFailed, RuleViolation

TIMEOUT_MS = 300_000  # the challenge's lifetime
_TRANSPORTS = {t.value for t in AuthenticatorTransport}


class PyWebAuthnRelyingParty:
    def __init__(self, settings: RelyingPartySettings) -> None:
        self._settings = settings

    def registration_options(self, user: WebAuthnUser,
                             exclude: Sequence[CredentialRef]) -> WebAuthnOptions:
        options = generate_registration_options(
            rp_id=self._settings.rp_id, rp_name=self._settings.rp_name, user_id=user.handle,
            user_name=user.name, user_display_name=user.display_name, timeout=TIMEOUT_MS,
            authenticator_selection=AuthenticatorSelectionCriteria(
                resident_key=ResidentKeyRequirement.PREFERRED,
                user_verification=UserVerificationRequirement.REQUIRED),
            exclude_credentials=[_descriptor(ref) for ref in exclude])
        return WebAuthnOptions(challenge=options.challenge,
                               options=json.loads(options_to_json(options)))

    def verify_registration(self, credential: dict[str, Any],
                            challenge: bytes) -> RegisteredCredential:
        try:
            verified = verify_registration_response(
                credential=credential, expected_challenge=challenge,
                expected_rp_id=self._settings.rp_id,
                expected_origin=list(self._settings.origins),
                require_user_verification=True)
        except (WebAuthnException, ValueError, KeyError, TypeError) as exc:
            raise RuleViolation(f"the credential was not accepted: {exc}",
                                field="credential") from None
        return RegisteredCredential(
            raw_id=verified.credential_id, public_key=verified.credential_public_key,
            sign_count=verified.sign_count, aaguid=verified.aaguid,
            transports=_transports(credential),
            backup_eligible=verified.credential_device_type
            == CredentialDeviceType.MULTI_DEVICE,
            backup_state=verified.credential_backed_up)

    def authentication_options(self, allow: Sequence[CredentialRef]) -> WebAuthnOptions:
        options = generate_authentication_options(
            rp_id=self._settings.rp_id, timeout=TIMEOUT_MS,
            allow_credentials=[_descriptor(ref) for ref in allow],
            user_verification=UserVerificationRequirement.REQUIRED)
        return WebAuthnOptions(challenge=options.challenge,
                               options=json.loads(options_to_json(options)))

    def presented(self, credential: dict[str, Any]) -> PresentedAssertion:
        try:
            parsed = parse_authentication_credential_json(json.dumps(credential))
        except (WebAuthnException, ValueError, KeyError, TypeError):
            raise RuleViolation("not a WebAuthn assertion", field="credential") from None
        return PresentedAssertion(raw_id=parsed.raw_id,
                                  user_handle=parsed.response.user_handle or None)

    def verify_authentication(self, credential: dict[str, Any], challenge: bytes,
                              public_key: bytes) -> VerifiedAssertion:
        try:
            verified = verify_authentication_response(
                credential=credential, expected_challenge=challenge,
                expected_rp_id=self._settings.rp_id,
                expected_origin=list(self._settings.origins), credential_public_key=public_key,
                credential_current_sign_count=0, require_user_verification=True)
        except (WebAuthnException, ValueError, KeyError, TypeError) as exc:
            raise AuthenticationFailed(f"the security key was not accepted: {exc}") from None
        return VerifiedAssertion(sign_count=verified.new_sign_count,
                                 backup_state=verified.credential_backed_up)


def _descriptor(ref: CredentialRef) -> PublicKeyCredentialDescriptor:
    transports = [AuthenticatorTransport(t) for t in ref.transports if t in _TRANSPORTS]
    return PublicKeyCredentialDescriptor(id=ref.raw_id, transports=transports or None)


def _transports(credential: dict[str, Any]) -> tuple[str, ...]:
    response = credential.get("response")
    listed = response.get("transports") if isinstance(response, dict) else None
    return tuple(t for t in listed or () if isinstance(t, str) and t in _TRANSPORTS)
