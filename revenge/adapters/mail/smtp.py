"""SMTP delivery (smtplib in a worker thread), scheduled so the caller never waits."""

from __future__ import annotations

import asyncio
import logging
import smtplib
import ssl
from email.message import EmailMessage

import msgspec

from revenge.application.identity.ports import Mail

log = logging.getLogger(__name__)


class SmtpSettings(msgspec.Struct, frozen=True, kw_only=True):
    host: str
    port: int = 587
    username: str | None = None
    password: str | None = None
    sender: str = "revenge@localhost"
    security: str = "starttls"  # "starttls" | "tls" | "none"
    timeout_seconds: float = 10.0


class SmtpMailer:
    def __init__(self, settings: SmtpSettings) -> None:
        self._settings = settings
        self._pending: set[asyncio.Task[None]] = set()

    async def send(self, mail: Mail) -> None:
        task = asyncio.create_task(self._deliver(mail))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def drain(self) -> None:
        """Waits for deliveries in flight (tests, shutdown)."""
        if self._pending:
            await asyncio.gather(*self._pending, return_exceptions=True)

    async def _deliver(self, mail: Mail) -> None:
        try:
            await asyncio.to_thread(self._send_now, mail)
        except (OSError, smtplib.SMTPException) as exc:
            log.error("mail to %s not delivered: %s", mail.to, exc)
        else:
            log.info("mail delivered to %s: %s", mail.to, mail.subject)

    def _send_now(self, mail: Mail) -> None:
        s = self._settings
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = s.sender, mail.to, mail.subject
        message.set_content(mail.body)
        smtp_class = smtplib.SMTP_SSL if s.security == "tls" else smtplib.SMTP
        with smtp_class(s.host, s.port, timeout=s.timeout_seconds) as smtp:
            if s.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if s.username and s.password:
                smtp.login(s.username, s.password)
            smtp.send_message(message)
