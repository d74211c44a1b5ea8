"""Start TOTP enrolment: a new secret (sealed at rest), its otpauth URI and QR codes.
The factor stays pending until its first code is verified (ConfirmTotp)."""

from __future__ import annotations

import base64

from revenge.application.identity.accounts import get_user
from revenge.application.identity.common import Kit
from revenge.application.mfa.code_checks import totp_associated
from revenge.application.mfa.factor_changes import FactorChanges, FactorCommand
from revenge.application.mfa.ports import MfaUnitOfWorkFactory, QrCodes, TotpAlgorithm
from revenge.application.mfa.views import TotpSetup
from revenge.application.shared.secrets import SecretBox
from revenge.domain.identity.audit import AuditType
from revenge.domain.mfa.totp import ISSUER, TotpFactor, check_can_set_up


class SetUpTotp:
    def __init__(self, uow: MfaUnitOfWorkFactory, algorithm: TotpAlgorithm, qr: QrCodes,
                 box: SecretBox, changes: FactorChanges, kit: Kit) -> None:
        self._uow = uow
        self._algorithm = algorithm
        self._qr = qr
        self._box = box
        self._changes = changes
        self._kit = kit

    async def execute(self, cmd: FactorCommand) -> TotpSetup:
        """Conflict when TOTP is enabled already (remove it first); a pending setup is
        replaced. ReauthenticationRequired without a recent proof of identity."""
        secret = self._algorithm.new_secret()
        async with self._uow() as tx:
            await self._changes.session(tx, cmd.principal)
            user = await get_user(tx, cmd.principal.user_id)
            check_can_set_up(await tx.totp.get(user.id))
            sealed = self._box.encrypt(secret.encode(), totp_associated(user.id))
            await tx.totp.save(TotpFactor(user_id=user.id, secret=sealed,
                                          created_at=self._kit.now()))
            await self._changes.done(tx, FactorCommand(principal=cmd.principal,
                                                       client=cmd.client), AuditType.TOTP_SET_UP)
            await tx.commit()
        return self._setup(secret, self._algorithm.uri(secret, user.username, ISSUER))

    def _setup(self, secret: str, uri: str) -> TotpSetup:
        png = base64.b64encode(self._qr.png(uri)).decode()
        return TotpSetup(secret=secret, uri=uri, qr_png_base64=png, qr_svg=self._qr.svg(uri))
