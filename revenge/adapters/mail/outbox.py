"""The Mailer used when no SMTP server is configured: mails are kept in the
`mail_outbox` table (for an administrator to read) and logged without their body,
which may hold a reset link."""

from __future__ import annotations

import logging
from typing import Protocol

from revenge.application.identity.ports import Mail

log = logging.getLogger(__name__)


class MailRecorder(Protocol):
    """Stores a mail durably (the Postgres outbox table)."""

    async def record(self, mail: Mail) -> None: ...


class OutboxMailer:
    def __init__(self, recorder: MailRecorder) -> None:
        self._recorder = recorder

    async def send(self, mail: Mail) -> None:
        try:
            await self._recorder.record(mail)
        except Exception as exc:  # the Mailer contract: failures are logged, never raised
            log.error("mail to %s could not be recorded: %s", mail.to, exc)
            return
        log.warning("no SMTP configured: mail to %s (%r) kept in the mail_outbox table",
                    mail.to, mail.subject)
