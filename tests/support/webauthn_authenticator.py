"""A software WebAuthn authenticator for tests, on cryptography and cbor2.

ES256 (P-256) credentials, "none" or "packed" self attestation, authenticatorData with
the UP|UV|AT flags and a signature counter; it answers the options our server sends with
the PublicKeyCredential JSON a browser would post back. Knobs let a test lie about the
origin, the RP id or the counter, to check that the server refuses each.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
from dataclasses import dataclass
from typing import Any, Literal

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

UP, UV, BE, BS, AT = 0x01, 0x04, 0x08, 0x10, 0x40
AAGUID = bytes.fromhex("5265766e676554657374417574686e21")  # "RevngeTestAuthn!"
ES256 = -7


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Credential:
    raw_id: bytes
    key: ec.EllipticCurvePrivateKey
    rp_id: str
    user_handle: bytes
    sign_count: int = 0


class SoftwareAuthenticator:
    def __init__(self, origin: str, *, attestation: Literal["none", "packed"] = "none",
                 counter: bool = True) -> None:
        self.origin = origin
        self.attestation = attestation
        self.counter = counter  # False: always 0, like many passkey providers
        self.credentials: dict[bytes, Credential] = {}

    def create(self, options: dict[str, Any], *, origin: str | None = None,
               rp_id: str | None = None) -> dict[str, Any]:
        """navigator.credentials.create(): a new credential for options["user"]."""
        rp = rp_id or options["rp"]["id"]
        credential = Credential(os.urandom(32), ec.generate_private_key(ec.SECP256R1()), rp,
                                unb64url(options["user"]["id"]))
        self.credentials[credential.raw_id] = credential
        client_data = _client_data("webauthn.create", options["challenge"], origin or self.origin)
        auth_data = self._auth_data(rp, UP | UV | AT, self._count(credential), credential)
        return {**_ids(credential), "response": {
            "clientDataJSON": b64url(client_data),
            "attestationObject": b64url(self._attestation(credential, auth_data, client_data)),
            "transports": ["internal"]}}

    def get(self, options: dict[str, Any], *, origin: str | None = None,
            rp_id: str | None = None, sign_count: int | None = None) -> dict[str, Any]:
        """navigator.credentials.get(): an assertion by an allowed (or, with no allow
        list, a discoverable) credential of options["rpId"]."""
        credential = self._pick(options)
        count = self._count(credential) if sign_count is None else sign_count
        client_data = _client_data("webauthn.get", options["challenge"], origin or self.origin)
        auth_data = self._auth_data(rp_id or credential.rp_id, UP | UV, count)
        signature = credential.key.sign(auth_data + _sha256(client_data),
                                        ec.ECDSA(hashes.SHA256()))
        return {**_ids(credential), "response": {
            "clientDataJSON": b64url(client_data), "authenticatorData": b64url(auth_data),
            "signature": b64url(signature), "userHandle": b64url(credential.user_handle)}}

    def _pick(self, options: dict[str, Any]) -> Credential:
        allowed = [unb64url(c["id"]) for c in options.get("allowCredentials") or []]
        candidates = [c for c in self.credentials.values()
                      if c.rp_id == options["rpId"] and (not allowed or c.raw_id in allowed)]
        if not candidates:
            raise LookupError("no credential of this authenticator is allowed")
        return candidates[-1]

    def _count(self, credential: Credential) -> int:
        if self.counter:
            credential.sign_count += 1
        return credential.sign_count

    def _auth_data(self, rp_id: str, flags: int, count: int,
                   attested: Credential | None = None) -> bytes:
        data = _sha256(rp_id.encode()) + bytes([flags]) + struct.pack(">I", count)
        if attested is None:
            return data
        return (data + AAGUID + struct.pack(">H", len(attested.raw_id)) + attested.raw_id
                + _cose_key(attested.key))

    def _attestation(self, credential: Credential, auth_data: bytes,
                     client_data: bytes) -> bytes:
        statement: dict[str, Any] = {}
        if self.attestation == "packed":  # self attestation: signed by the credential itself
            statement = {"alg": ES256, "sig": credential.key.sign(
                auth_data + _sha256(client_data), ec.ECDSA(hashes.SHA256()))}
        return cbor2.dumps({"fmt": self.attestation, "attStmt": statement,
                            "authData": auth_data})


def _ids(credential: Credential) -> dict[str, Any]:
    return {"id": b64url(credential.raw_id), "rawId": b64url(credential.raw_id),
            "type": "public-key", "clientExtensionResults": {},
            "authenticatorAttachment": "platform"}


def _client_data(kind: str, challenge: str, origin: str) -> bytes:
    return json.dumps({"type": kind, "challenge": challenge, "origin": origin,
                       "crossOrigin": False}).encode()


def _cose_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    numbers = key.public_key().public_numbers()
    return cbor2.dumps({1: 2, 3: ES256, -1: 1, -2: numbers.x.to_bytes(32, "big"),
                        -3: numbers.y.to_bytes(32, "big")})


def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()
